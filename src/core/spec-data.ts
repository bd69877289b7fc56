// Defensive readers for the spec's plain data. Rules run even when the schema has found
// shape errors, so every reader accepts any value and returns a safe default.

import bundledWords from "./generated/bundled-words.json";
import { FUNCTIONS, type BusinessFunction } from "./types.js";

export type Data = Readonly<Record<string, unknown>>;

export function asMap(value: unknown): Data | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asText(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

// What people write instead of a decision: data in glossary/jointspec.words.yaml, checked
// against schemas/words.schema.json and compiled in by scripts/generate.mjs.
const PLACEHOLDERS = new Set(bundledWords.placeholders);
const PLACEHOLDER_OPENERS = new Set(bundledWords["placeholder-openers"]);

// A value as the word lists compare it: remarks in parentheses dropped ("TBD (waiting on IT)"),
// outer spaces and a trailing ".", "!" or "?" trimmed (so "?" reads as ""), in lower case.
function comparable(text: string): string {
  return text
    .replace(/\([^()]*\)/g, " ")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase()
    .replace(/[.!?]+$/, "");
}

/** Whether `text` is empty or a placeholder such as "TBD", "n/a", "to be agreed" or "TBD - ask finance". */
export function isPlaceholder(text: string): boolean {
  // Most values start with a letter no placeholder starts with: decided by that letter alone.
  let i = 0;
  while (i < text.length && isAsciiSpace(text.charCodeAt(i))) i++;
  // Read only inside the text: a read past its end makes V8 drop the function's optimised code.
  const first = i < text.length ? text.charCodeAt(i) : -1;
  if (first >= 0 && first < 128 && MAY_OPEN_PLACEHOLDER[first] === 0) return false;
  // Long text (a KPI's definition) is mostly decided by its first word, without reading it all.
  const quick = quickOpener(text);
  if (quick !== undefined && !PLACEHOLDER_OPENING_WORDS.has(quick))
    return PLACEHOLDER_OPENERS.has(quick) || PLACEHOLDER_OPENERS.has(quick.replace(/[.!?]+$/, ""));
  const value = comparable(text);
  if (PLACEHOLDERS.has(value)) return true;
  // The first word, cut at spaces and at punctuation that starts a remark ("TBD: Q3", "TBC-ish").
  const opener = /^[^\s:;,()-]+/.exec(value)?.[0] ?? "";
  return PLACEHOLDER_OPENERS.has(opener) || PLACEHOLDER_OPENERS.has(opener.replace(/[.!?]+$/, ""));
}

/**
 * 1 for the ASCII characters a placeholder or an opener starts with, in either case, and for
 * those comparable() may take from the start of a value: "(" opens a remark it drops, and a
 * value of ".", "!" or "?" alone is empty once its trailing punctuation goes. A value whose
 * first character (after ASCII white space) is ASCII and none of these is no placeholder: that
 * character, lowercased, starts comparable(value) and its first word.
 */
const MAY_OPEN_PLACEHOLDER = Uint8Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  const starts = [...PLACEHOLDERS, ...PLACEHOLDER_OPENERS].some((word) => word[0] !== undefined && word[0].toLowerCase() === char.toLowerCase());
  return starts || "(.!?".includes(char) ? 1 : 0;
});

// The first word of each placeholder, cut as isPlaceholder cuts a value's opener.
const PLACEHOLDER_OPENING_WORDS = new Set([...PLACEHOLDERS].map((placeholder) => /^[^\s:;,()-]+/.exec(placeholder)?.[0] ?? ""));

/**
 * The opener isPlaceholder would cut from comparable(text), when it can be read off the
 * text's start: a first word of ASCII (whose lower case is that of each letter) that is not
 * the whole text (so no trailing "." is cut from it), with no parenthesis in it or before what
 * follows it (a remark comparable drops further on leaves the first word as it is). Undefined
 * when the whole text must be read.
 */
function quickOpener(text: string): string | undefined {
  const length = text.length;
  let i = 0;
  while (i < length && isAsciiSpace(text.charCodeAt(i))) i++;
  const start = i;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || code === 40 /* ( */) return undefined;
    if (isAsciiSpace(code) || code === 58 /* : */ || code === 59 /* ; */ || code === 44 /* , */ || code === 41 /* ) */ || code === 45 /* - */) break;
  }
  if (i === start) return undefined;
  // Something other than white space must follow, or the first word is the whole value.
  let next = i;
  while (next < length && isAsciiSpace(text.charCodeAt(next))) next++;
  if (next === length || text.charCodeAt(next) >= 128 || text.charCodeAt(next) === 40 /* ( */) return undefined;
  return text.slice(start, i).toLowerCase();
}

// The white space of \s and trim() below code 128.
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

const PLACEHOLDER_WORDS = new Set(bundledWords["placeholder-words"]);
const TEAM_WORDS = new Set(bundledWords["team-words"]);
const TEAM_OPENERS = new Set(bundledWords["team-openers"]);
const WORDS = /[\p{L}\p{N}_]+/gu;

/** Why a name is not a person's. */
export type NotAPerson = "placeholder" | "team";

/**
 * Why `value`, written where a person's name belongs (an owner, the reviewer, a signer), does
 * not name a person: a placeholder ("TBD", "someone from IT") or a team ("Security team",
 * "the platform squad", "marketing ops"); undefined when it looks like a person.
 */
export function notAPerson(value: unknown): NotAPerson | undefined {
  const text = asText(value);
  if (text === undefined || isPlaceholder(text)) return "placeholder";
  // The name before a title or a remark: "Jane Doe, Security team lead" names Jane Doe.
  const name = text.split(/,|;|\(|\s[-–—]\s/)[0] ?? "";
  const words = name.match(WORDS) ?? [];
  if (words.some((word) => PLACEHOLDER_WORDS.has(word.toLowerCase()))) return "placeholder";
  // A capitalised team word (IT) matches only in capitals, so "Itzel" or "it" is no team.
  if (TEAM_OPENERS.has(words[0]?.toLowerCase() ?? "") || words.some((word) => TEAM_WORDS.has(word) || TEAM_WORDS.has(word.toLowerCase()))) return "team";
  return undefined;
}

/** "\"TBD\" is a placeholder", "\"Security team\" is a team, not a person": for messages. */
export function describeNotAPerson(written: string, why: NotAPerson): string {
  return `${JSON.stringify(written.trim())} ${why === "team" ? "is a team, not a person" : "is a placeholder"}`;
}

/** Whether `value` names a person, rather than being empty or a placeholder such as "TBD". */
export function isNamed(value: unknown): boolean {
  const text = asText(value);
  return text !== undefined && !isPlaceholder(text);
}

/** The functions a KPI's `owners` names. */
export function kpiOwners(kpi: Data): Set<BusinessFunction> {
  const owners = new Set<BusinessFunction>();
  for (const owner of asList(kpi.owners)) {
    if (FUNCTIONS.includes(owner as BusinessFunction)) owners.add(owner as BusinessFunction);
  }
  return owners;
}

/**
 * Whether a KPI's `owners` names both functions: a shared KPI, the spec's one question that
 * shared-kpi, customer-kpi and the readiness to sign all ask. Asked of every KPI of every spec,
 * so it makes no set.
 */
export function ownedByBoth(kpi: Data): boolean {
  const owners = asList(kpi.owners);
  return FUNCTIONS.every((side) => owners.includes(side));
}

export const SIGN_OFF_STATUSES = new Set(["approved", "live"]);

/** Whether the spec says the campaign handles personal data anywhere. */
export function handlesPersonalData(spec: Data): boolean {
  if (asMap(spec.security_review)?.data_classification === "pii") return true;
  return asList(spec.data).some((item) => asMap(item)?.classification === "pii");
}

/** The other function. */
export function otherFunction(side: BusinessFunction): BusinessFunction {
  return side === "marketing" ? "technology" : "marketing";
}

/** "a", "a or b", "a, b or c" (or with "and"): for messages that list what is missing. */
export function listWords(words: readonly string[], conjunction: "or" | "and" = "or"): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}
