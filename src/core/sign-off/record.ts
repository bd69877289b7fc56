// The record of what a function signed: a one-line string stored beside the signer's name and
// date (`approvals.<function>.record`), computed from the meaning of the spec's material parts,
// never from their text. docs/sign-off.md explains the choices; this file is their one
// definition, so the CLI, the editor and the HTML report read and write the same records.
//
//   v1 Q2xW9mA0c3Rk_PzT mkt=Ab tech=9x kpi.repeat-purchase-rate=Ab9xQ2W9mA0c sec=Rk data=Pz sys=T_ time=c3
//
// - `v1`: the version of the canonical form below, so that it can change later;
// - a 96-bit SHA-256 digest of all the material parts: it alone decides whether the sign-off is
//   current;
// - short digests of each part, only to name what changed: the owners of each side, each KPI
//   by id (two characters for each of its material fields, in KPI_FIELDS order), the security
//   review, the data, the systems and the timeline.

import { sha256 } from "@noble/hashes/sha2";
import { asList, asMap, asText, listWords, type Data } from "../spec-data.js";
import { FUNCTIONS, type BusinessFunction } from "../types.js";

const RECORD_VERSION = "v1";

/** What a KPI's sign-off covers, in the order the record lists their digests. */
const KPI_FIELDS = ["target", "definition", "owners", "source", "baseline", "cadence"] as const;
type KpiField = (typeof KPI_FIELDS)[number];

// Lengths in base64url characters (6 bits each): 16 give 96 bits, far beyond any accidental
// collision; a part's 2 give 12 bits, enough to name the part that changed (a change that a
// part's digest misses, 1 in 4,096, is still caught by the full digest, just not named).
const FULL_DIGEST_LENGTH = 16;
const PART_DIGEST_LENGTH = 2;

/** The spec's sections that are not KPIs, in record order, with their token and their words in messages. */
const SECTIONS = [
  { token: "mkt", words: "the marketing owners" },
  { token: "tech", words: "the technology owners" },
  { token: "sec", words: "the security review" },
  { token: "data", words: "the data" },
  { token: "sys", words: "the systems" },
  { token: "time", words: "the timeline" },
] as const;
type SectionToken = (typeof SECTIONS)[number]["token"];

/** A canonical value: absent parts are left out, text has its whitespace collapsed, sets are sorted. */
type Canonical = string | Canonical[] | { [key: string]: Canonical };

/** The material parts of a spec in canonical form, by part. */
interface MaterialParts {
  sections: Record<SectionToken, Canonical | null>;
  /** KPIs by id (or "#n" for the n-th KPI without one), each field canonical. */
  kpis: Map<string, Record<KpiField, Canonical | null>>;
}

/**
 * The digests of a spec as it is now, part by part: what its record would say. The full
 * digest is computed at once; the part digests, needed only to name what changed or to write
 * a record, on first use. Hosts that compare several records with one spec share one of these.
 */
export class SpecDigests {
  readonly full: string;
  private readonly parts: MaterialParts;
  private readonly partCache = new Map<string, string>();

  constructor(spec: Data) {
    this.parts = materialParts(spec);
    this.full = fullDigest(this.parts);
  }

  /** The KPI ids the spec has, in record order. */
  get kpiIds(): string[] {
    return [...this.parts.kpis.keys()].sort(compareText);
  }

  section(token: SectionToken): string {
    return this.cached(token, () => partDigest(token, this.parts.sections[token]));
  }

  /** Two characters per field of KPI_FIELDS, in order; undefined for an id the spec lacks. */
  kpi(id: string): string | undefined {
    const fields = this.parts.kpis.get(id);
    if (!fields) return undefined;
    return this.cached(`kpi.${id}`, () => KPI_FIELDS.map((field) => partDigest(`kpi.${id}.${field}`, fields[field])).join(""));
  }

  private cached(key: string, compute: () => string): string {
    let digest = this.partCache.get(key);
    if (digest === undefined) this.partCache.set(key, (digest = compute()));
    return digest;
  }
}

/** The record to store for a sign-off of `spec` as it is now. */
export function signOffRecord(spec: Data | SpecDigests): string {
  const digests = spec instanceof SpecDigests ? spec : new SpecDigests(spec);
  const tokens = [RECORD_VERSION, digests.full];
  tokens.push(...SECTIONS.slice(0, 2).map(({ token }) => `${token}=${digests.section(token)}`));
  for (const id of digests.kpiIds) tokens.push(`kpi.${encodeKpiId(id)}=${digests.kpi(id)!}`);
  tokens.push(...SECTIONS.slice(2).map(({ token }) => `${token}=${digests.section(token)}`));
  return tokens.join(" ");
}

/** How a stored record compares with the spec as it is now. */
export type RecordComparison = { verdict: "current" } | { verdict: "changed"; changes: string[] } | { verdict: "unreadable"; reason: string };

/**
 * Compares a stored record with the spec (or its digests). `changes` name what changed, in the
 * spec's order ("the target of KPI reactivation-rate", "the technology owners"); the full
 * digest decides, so a change no part digest shows is still reported, as "a material part of
 * the spec".
 */
export function compareRecord(record: string, spec: Data | SpecDigests): RecordComparison {
  const stored = readRecord(record);
  if ("reason" in stored) return { verdict: "unreadable", reason: stored.reason };
  const current = spec instanceof SpecDigests ? spec : new SpecDigests(spec);
  if (stored.full === current.full) return { verdict: "current" };

  const changes: string[] = [];
  const sectionChange = (token: SectionToken): void => {
    const words = SECTIONS.find((section) => section.token === token)!.words;
    if (stored.sections.get(token) !== current.section(token)) changes.push(words);
  };
  sectionChange("mkt");
  sectionChange("tech");

  const added = current.kpiIds.filter((id) => !stored.kpis.has(id));
  const removed = [...stored.kpis.keys()].filter((id) => current.kpi(id) === undefined).sort(compareText);
  for (const id of current.kpiIds) {
    const digests = stored.kpis.get(id);
    if (digests === undefined) continue;
    const now = current.kpi(id)!;
    const slice = (text: string, index: number): string => text.slice(index * PART_DIGEST_LENGTH, (index + 1) * PART_DIGEST_LENGTH);
    const changed = KPI_FIELDS.filter((_field, index) => slice(digests, index) !== slice(now, index));
    if (changed.length > 0) changes.push(`the ${listWords(changed, "and")} of KPI ${id}`);
  }
  if (added.length > 0 || removed.length > 0) {
    const what = [...(added.length > 0 ? [`${listWords(added, "and")} added`] : []), ...(removed.length > 0 ? [`${listWords(removed, "and")} removed`] : [])];
    changes.push(`the KPIs (${what.join("; ")})`);
  }

  for (const { token } of SECTIONS.slice(2)) sectionChange(token);
  return { verdict: "changed", changes: changes.length > 0 ? changes : ["a material part of the spec"] };
}

interface StoredRecord {
  full: string;
  sections: Map<string, string>;
  kpis: Map<string, string>;
}

// Reads a record written by signOffRecord; a record in another version, or edited by hand into
// something else, says why it cannot be read rather than guessing.
function readRecord(record: string): StoredRecord | { reason: string } {
  const [version, full, ...tokens] = record.trim().split(/\s+/);
  if (version !== RECORD_VERSION) {
    return {
      reason: /^v\d+$/.test(version ?? "")
        ? `it is a ${version} record, and this version of JointSpec reads ${RECORD_VERSION}`
        : `it does not start with "${RECORD_VERSION}"`,
    };
  }
  if (full === undefined || !new RegExp(`^[A-Za-z0-9_-]{${FULL_DIGEST_LENGTH}}$`).test(full)) {
    return { reason: `its digest is not ${FULL_DIGEST_LENGTH} characters of base64url` };
  }
  const stored: StoredRecord = { full, sections: new Map(), kpis: new Map() };
  for (const token of tokens) {
    const match = /^([^=]+)=([A-Za-z0-9_-]+)$/.exec(token);
    if (!match) return { reason: `"${token}" is not a part digest` };
    const [, key, digest] = match as unknown as [string, string, string];
    if (key.startsWith("kpi.")) stored.kpis.set(decodeKpiId(key.slice(4)), digest);
    else stored.sections.set(key, digest);
  }
  return stored;
}

/** The canonical material parts of a spec. Reads defensively: shape errors are the schema's. */
function materialParts(spec: Data): MaterialParts {
  const owners = asMap(spec.owners);
  const ownerNames = (side: BusinessFunction): Canonical | null =>
    // The person is the commitment; role, email and team are ways to reach them.
    sortedSet(asList(owners?.[side]).map((person) => canonical(asMap(person) ? asMap(person)!.name : person)));
  const sections: Record<SectionToken, Canonical | null> = {
    mkt: ownerNames(FUNCTIONS[0]),
    tech: ownerNames(FUNCTIONS[1]),
    // Every field of the review: its notes carry the conditions it was given under.
    sec: canonical(spec.security_review),
    data: Array.isArray(spec.data)
      ? sortedSet(
          spec.data.map((item) => {
            const entry = asMap(item);
            return entry
              ? canonical({ name: entry.name, classification: entry.classification, systems: sortedSet(asList(entry.systems).map(canonical)) })
              : canonical(item);
          }),
        )
      : canonical(spec.data),
    sys: Array.isArray(spec.systems) ? sortedSet(spec.systems.map(canonical)) : canonical(spec.systems),
    time: canonical(spec.timeline),
  };

  const kpis = new Map<string, Record<KpiField, Canonical | null>>();
  let unnamed = 0;
  for (const item of asList(spec.kpis)) {
    const kpi = asMap(item) ?? {};
    const id = asText(kpi.id)?.trim() || `#${++unnamed}`;
    const fields = Object.fromEntries(
      KPI_FIELDS.map((field) => [field, field === "owners" && Array.isArray(kpi.owners) ? sortedSet(kpi.owners.map(canonical)) : canonical(kpi[field])]),
    ) as Record<KpiField, Canonical | null>;
    // Two KPIs with one id (a schema problem) are one part: both are in its digests.
    const earlier = kpis.get(id);
    kpis.set(
      id,
      earlier
        ? (Object.fromEntries(KPI_FIELDS.map((field) => [field, sortedSet([earlier[field], fields[field]])])) as Record<KpiField, Canonical | null>)
        : fields,
    );
  }
  return { sections, kpis };
}

/**
 * The meaning of a YAML value, without its formatting: text has its line breaks and runs of
 * spaces collapsed to one space (so folded and literal blocks, re-wrapped lines and
 * indentation do not count), numbers and booleans are compared as the text they read as
 * (`target: 18` and `target: "18"` say the same), maps have their keys sorted, and empty
 * values (null, "", an empty map or list) count as absent.
 */
function canonical(value: unknown): Canonical | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = value.normalize("NFC").replace(/\s+/g, " ").trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item) ?? "");
    return items.length === 0 ? null : items;
  }
  if (typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort(compareText)
      .flatMap((key) => {
        const inner = canonical((value as Record<string, unknown>)[key]);
        return inner === null ? [] : [[key, inner] as const];
      });
    return entries.length === 0 ? null : Object.fromEntries(entries);
  }
  return null;
}

// A list whose order carries no meaning (owners of a side, data items, systems): sorted by
// canonical text, so reordering it changes nothing.
function sortedSet(items: readonly (Canonical | null)[]): Canonical | null {
  const present = items.filter((item): item is Canonical => item !== null);
  if (present.length === 0) return null;
  return present
    .map((item) => [JSON.stringify(item), item] as const)
    .sort(([a], [b]) => compareText(a, b))
    .map(([, item]) => item);
}

function fullDigest(parts: MaterialParts): string {
  const kpis = [...parts.kpis].sort(([a], [b]) => compareText(a, b)).map(([id, fields]) => [id, KPI_FIELDS.map((field) => fields[field])]);
  return digest(
    `jointspec sign-off ${RECORD_VERSION}\n${JSON.stringify({ sections: SECTIONS.map(({ token }) => parts.sections[token]), kpis })}`,
    FULL_DIGEST_LENGTH,
  );
}

// The part's name is hashed with its value, so two parts with the same value do not share a digest.
function partDigest(part: string, value: Canonical | null): string {
  return digest(`${part}\n${JSON.stringify(value)}`, PART_DIGEST_LENGTH);
}

/** The first `length` base64url characters of the SHA-256 of `text` (UTF-8). */
function digest(text: string, length: number): string {
  return base64url(sha256(new TextEncoder().encode(text))).slice(0, length);
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Written here because the core runs in Node and in a web worker, which share no base64 helper
// that takes bytes (Buffer is Node's; btoa wants a binary string).
function base64url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

// A KPI id is kebab-case when the schema is satisfied; anything else (spaces, "=", "#") is
// percent-encoded so the record stays one line of space-separated tokens.
function encodeKpiId(id: string): string {
  return encodeURIComponent(id);
}

function decodeKpiId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

// Code-unit order, not the locale's: the record must be the same on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
