// The workspace configuration (.jointspec.yaml) and workspace glossary files: parsed and
// checked here, as data, for the CLI and the extension alike. Hosts do the reading.

import validateConfig from "./generated/validate-config.js";
import validateGlossary from "./generated/validate-glossary.js";
import type { GlossaryEntry, GlossaryTerm } from "./glossary/glossary.js";
import {
  configTooLargeMessage,
  CONFIG_SIZE_LIMIT,
  DEFAULT_LIMITS,
  glossaryTooLargeMessage,
  MAX_DATA_FILE_PROBLEMS,
  mayExceed,
  parseSize,
  quoteForMessage,
  utf8Length,
  type Limits,
} from "./limits.js";
import { parseYaml } from "./parse.js";
import { offsetsForPath } from "./paths.js";
import type { RosterPerson } from "./roster.js";
import { label } from "./rules/schema.js";
import { closestMatch } from "./schema/spec-schema.js";
import type { SchemaError } from "./schema/compiled.js";
import type { Range, SeveritySetting } from "./types.js";

export const CONFIG_FILE_NAMES = [".jointspec.yaml", ".jointspec.yml"] as const;

/** Files that are specs by name, whatever their content. */
export const DEFAULT_SPEC_PATTERNS = ["**/*.campaign.yaml", "**/*.campaign.yml"] as const;

/** Never linted, whatever the config says. */
export const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"] as const;

export interface JointspecConfig {
  rules: Readonly<Record<string, SeveritySetting>>;
  /** Glossary file paths as written, relative to the config file. */
  glossary: readonly string[];
  specs: readonly string[];
  ignore: readonly string[];
  /** The size limits the file sets, in bytes; the others keep their default (see limitsOf). */
  limits: Readonly<Partial<Limits>>;
  /** The roster, when the file lists one (`people:`); empty otherwise. */
  people: readonly RosterPerson[];
}

export const DEFAULT_CONFIG: JointspecConfig = { rules: {}, glossary: [], specs: [...DEFAULT_SPEC_PATTERNS], ignore: [], limits: {}, people: [] };

/** The limits in force under `config`: what it sets, defaults for the rest. */
export function limitsOf(config: JointspecConfig): Limits {
  return { ...DEFAULT_LIMITS, ...config.limits };
}

/** A problem in a config or glossary file, with its position. */
export interface DataFileProblem {
  message: string;
  range: Range;
}

/**
 * A failure lists at most MAX_DATA_FILE_PROBLEMS problems, in the order found; `more` counts
 * the ones left out, so that a file with 100,000 bad entries fails fast with a short list.
 */
export type DataFileResult<T> = { ok: true; value: T } | { ok: false; problems: DataFileProblem[]; more: number };

/** Parses and checks the text of a .jointspec.yaml file. */
export function parseConfig(text: string): DataFileResult<JointspecConfig> {
  const tooLarge = sizeProblem(text, CONFIG_SIZE_LIMIT, configTooLargeMessage);
  if (tooLarge) return tooLarge;
  const checked = parseDataFile(text, validateConfig);
  if (!checked.ok) return checked;
  const data = (checked.value ?? {}) as Partial<Omit<JointspecConfig, "limits">> & { limits?: Partial<Record<keyof Limits, string | number>> };
  const limits: Partial<Limits> = {};
  for (const name of ["specSize", "glossarySize"] as const) {
    const written = data.limits?.[name];
    if (written === undefined) continue;
    const bytes = parseSize(written);
    // The schema admits the form; a size of zero ("0 KB") is the one thing it cannot rule out.
    if (bytes === undefined)
      return { ok: false, problems: [{ message: sizeMessage(["limits", name], written), range: rangeOfValue(text, ["limits", name]) }], more: 0 };
    limits[name] = bytes;
  }
  return {
    ok: true,
    value: {
      rules: normalSeverities(data.rules ?? {}),
      glossary: data.glossary ?? [],
      specs: data.specs ?? [...DEFAULT_SPEC_PATTERNS],
      ignore: data.ignore ?? [],
      limits,
      people: data.people ?? [],
    },
  };
}

// "warn" is how ESLint and Spectral users write it; everything past the config sees "warning".
function normalSeverities(rules: Readonly<Record<string, string>>): Record<string, SeveritySetting> {
  return Object.fromEntries(Object.entries(rules).map(([id, severity]) => [id, severity === "warn" ? "warning" : severity])) as Record<string, SeveritySetting>;
}

/**
 * Parses and checks a workspace glossary file; `origin` says where its entries came from. A
 * file over `maxSize` bytes is refused before it is parsed.
 */
export function parseGlossaryFile(text: string, origin: string, maxSize: number = DEFAULT_LIMITS.glossarySize): DataFileResult<GlossaryEntry[]> {
  const tooLarge = sizeProblem(text, maxSize, (size) => glossaryTooLargeMessage(size, maxSize));
  if (tooLarge) return tooLarge;
  const checked = parseDataFile(text, validateGlossary);
  if (!checked.ok) return checked;
  const terms = (checked.value as { terms: GlossaryTerm[] }).terms;
  return { ok: true, value: terms.map((term) => ({ ...term, origin })) };
}

/** The places a config file for `filePath` may be, nearest first (pure path arithmetic). */
export function configCandidates(filePath: string): string[] {
  const separator = filePath.includes("\\") && !filePath.includes("/") ? "\\" : "/";
  const parts = filePath.split(/[\\/]/);
  parts.pop();
  const candidates: string[] = [];
  for (let length = parts.length; length > 0; length--) {
    const folder = parts.slice(0, length).join(separator) || separator;
    for (const name of CONFIG_FILE_NAMES) candidates.push(folder.endsWith(separator) ? folder + name : folder + separator + name);
  }
  return candidates;
}

// A file over its limit is one problem at its start, found without parsing it.
function sizeProblem(text: string, limit: number, message: (size: number) => string): { ok: false; problems: DataFileProblem[]; more: number } | undefined {
  if (!mayExceed(text, limit)) return undefined;
  const size = utf8Length(text);
  if (size <= limit) return undefined;
  return { ok: false, problems: [{ message: message(size), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], more: 0 };
}

function parseDataFile(text: string, validate: typeof validateConfig): { ok: true; value: unknown } | { ok: false; problems: DataFileProblem[]; more: number } {
  const parsed = parseYaml(text);
  const { lines, document } = parsed;
  if (parsed.problems.length > 0) {
    const shown = parsed.problems.slice(0, MAX_DATA_FILE_PROBLEMS);
    return {
      ok: false,
      problems: shown.map((p) => ({ message: p.message, range: lines.rangeOf(p.offsets[0], p.offsets[1]) })),
      more: parsed.problems.length - shown.length,
    };
  }
  // An empty config means "all defaults".
  const data = parsed.data ?? {};
  if (validate(data)) return { ok: true, value: data };
  // Ajv lists every error of every entry; only the first problems get a position and words,
  // the rest are counted by the place they are about (several errors can share one place).
  const problems: DataFileProblem[] = [];
  const seenRanges = new Set<string>();
  const shownPlaces = new Set<string>();
  const morePlaces = new Set<string>();
  for (const error of validate.errors ?? []) {
    const path =
      error.instancePath === ""
        ? []
        : error.instancePath
            .slice(1)
            .split("/")
            .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // A bad key is reported at the key: Ajv names it in params, or (inside propertyNames) on the error.
    const badKey = error.keyword === "additionalProperties" ? error.params.additionalProperty : (error.propertyName ?? error.params.propertyName);
    const keyPath = badKey === undefined ? path : [...path, String(badKey)];
    const place = JSON.stringify(keyPath);
    if (problems.length >= MAX_DATA_FILE_PROBLEMS) {
      if (!shownPlaces.has(place)) morePlaces.add(place);
      continue;
    }
    shownPlaces.add(place);
    const offsets = document ? offsetsForPath(document, lines, keyPath, badKey === undefined ? "value" : "key") : [0, 0];
    const range = lines.rangeOf(offsets[0]!, offsets[1]!);
    const rangeKey = JSON.stringify(range);
    if (seenRanges.has(rangeKey)) continue;
    seenRanges.add(rangeKey);
    const message =
      badKey !== undefined && error.keyword !== "additionalProperties"
        ? `${quoteForMessage(String(badKey))} is not a JointSpec rule id.${didYouMean(String(badKey), (error.params.allowedValues as unknown[] | undefined) ?? [])}`
        : dataFileMessage(error, keyPath);
    problems.push({ message, range });
  }
  // In file order, as a person reads them top to bottom (Ajv reports in schema order).
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { ok: false, problems, more: morePlaces.size };
}

// The range of the value at `path` in a config that parsed, for problems found after validation.
function rangeOfValue(text: string, path: (string | number)[]): DataFileProblem["range"] {
  const { document, lines } = parseYaml(text);
  const offsets = document ? offsetsForPath(document, lines, path, "value") : [0, 0];
  return lines.rangeOf(offsets[0]!, offsets[1]!);
}

function sizeMessage(path: (string | number)[], value: unknown): string {
  const written = typeof value === "string" ? quoteForMessage(value) : String(value);
  return `${label(path)} must be a size such as 1 MB, 512 KB or 2000000 (bytes), more than zero, not ${written}.`;
}

function dataFileMessage(error: SchemaError, path: (string | number)[]): string {
  const where = label(path);
  if (path[0] === "limits" && path.length === 2 && error.keyword !== "additionalProperties") return sizeMessage(path, error.data);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      return `Unknown key ${quoteForMessage(key)} in ${path.length <= 1 ? "this file" : label(path.slice(0, -1))}.${didYouMean(key, Object.keys((error.parentSchema?.properties as object | undefined) ?? {}))}`;
    }
    case "enum":
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(", ")}, not ${typeof error.data === "string" ? quoteForMessage(error.data) : JSON.stringify(error.data)}.${didYouMean(error.data, error.params.allowedValues as unknown[])}`;
    case "required":
      return `${where === "The spec" ? "This file" : where} has no ${String(error.params.missingProperty)}.`;
    default:
      return `${where === "The spec" ? "This file" : where} ${error.message ?? "does not match its schema"}.`;
  }
}

// " Did you mean "x"?" when a written value is a typo of a known one; the known list is short.
function didYouMean(written: unknown, known: readonly unknown[]): string {
  const suggestion =
    typeof written === "string"
      ? closestMatch(
          written,
          known.filter((k): k is string => typeof k === "string"),
        )
      : undefined;
  return suggestion ? ` Did you mean "${suggestion}"?` : "";
}
