// The workspace configuration (.jointspec.yaml) and workspace glossary files: parsed and
// checked here, as data, for the CLI and the extension alike. Hosts do the reading.

import validateConfig from "./generated/validate-config.js";
import validateGlossary from "./generated/validate-glossary.js";
import type { GlossaryEntry, GlossaryTerm } from "./glossary/glossary.js";
import { parseYaml } from "./parse.js";
import { offsetsForPath } from "./paths.js";
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
}

export const DEFAULT_CONFIG: JointspecConfig = { rules: {}, glossary: [], specs: [...DEFAULT_SPEC_PATTERNS], ignore: [] };

/** A problem in a config or glossary file, with its position. */
export interface DataFileProblem {
  message: string;
  range: Range;
}

export type DataFileResult<T> = { ok: true; value: T } | { ok: false; problems: DataFileProblem[] };

/** Parses and checks the text of a .jointspec.yaml file. */
export function parseConfig(text: string): DataFileResult<JointspecConfig> {
  const checked = parseDataFile(text, validateConfig);
  if (!checked.ok) return checked;
  const data = (checked.value ?? {}) as Partial<JointspecConfig>;
  return {
    ok: true,
    value: {
      rules: normalSeverities(data.rules ?? {}),
      glossary: data.glossary ?? [],
      specs: data.specs ?? [...DEFAULT_SPEC_PATTERNS],
      ignore: data.ignore ?? [],
    },
  };
}

// "warn" is how ESLint and Spectral users write it; everything past the config sees "warning".
function normalSeverities(rules: Readonly<Record<string, string>>): Record<string, SeveritySetting> {
  return Object.fromEntries(Object.entries(rules).map(([id, severity]) => [id, severity === "warn" ? "warning" : severity])) as Record<string, SeveritySetting>;
}

/** Parses and checks a workspace glossary file; `origin` says where its entries came from. */
export function parseGlossaryFile(text: string, origin: string): DataFileResult<GlossaryEntry[]> {
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

function parseDataFile(text: string, validate: typeof validateConfig): { ok: true; value: unknown } | { ok: false; problems: DataFileProblem[] } {
  const parsed = parseYaml(text);
  const { lines, document } = parsed;
  if (parsed.problems.length > 0) {
    return { ok: false, problems: parsed.problems.map((p) => ({ message: p.message, range: lines.rangeOf(p.offsets[0], p.offsets[1]) })) };
  }
  // An empty config means "all defaults".
  const data = parsed.data ?? {};
  if (validate(data)) return { ok: true, value: data };
  const problems = (validate.errors ?? []).map((error) => {
    const path = error.instancePath === "" ? [] : error.instancePath.slice(1).split("/").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // A bad key is reported at the key: Ajv names it in params, or (inside propertyNames) on the error.
    const badKey = error.keyword === "additionalProperties" ? error.params.additionalProperty : (error.propertyName ?? error.params.propertyName);
    const keyPath = badKey === undefined ? path : [...path, String(badKey)];
    const offsets = document ? offsetsForPath(document, lines, keyPath, badKey === undefined ? "value" : "key") : [0, 0];
    const message =
      badKey !== undefined && error.keyword !== "additionalProperties"
        ? `"${String(badKey)}" is not a JointSpec rule id.${didYouMean(String(badKey), (error.params.allowedValues as unknown[] | undefined) ?? [])}`
        : dataFileMessage(error, keyPath);
    return { message, range: lines.rangeOf(offsets[0]!, offsets[1]!) };
  });
  // In file order, as a person reads them top to bottom (Ajv reports in schema order).
  return { ok: false, problems: dedupe(problems).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character) };
}

function dataFileMessage(error: SchemaError, path: (string | number)[]): string {
  const where = label(path);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      return `Unknown key "${key}" in ${path.length <= 1 ? "this file" : label(path.slice(0, -1))}.${didYouMean(key, Object.keys((error.parentSchema?.properties as object | undefined) ?? {}))}`;
    }
    case "enum":
      return `${where} must be one of ${(error.params.allowedValues as unknown[]).join(", ")}, not ${JSON.stringify(error.data)}.${didYouMean(error.data, error.params.allowedValues as unknown[])}`;
    case "required":
      return `${where === "The spec" ? "This file" : where} has no ${String(error.params.missingProperty)}.`;
    default:
      return `${where === "The spec" ? "This file" : where} ${error.message ?? "does not match its schema"}.`;
  }
}

// " Did you mean "x"?" when a written value is a typo of a known one; the known list is short.
function didYouMean(written: unknown, known: readonly unknown[]): string {
  const suggestion = typeof written === "string" ? closestMatch(written, known.filter((k): k is string => typeof k === "string")) : undefined;
  return suggestion ? ` Did you mean "${suggestion}"?` : "";
}

function dedupe(problems: DataFileProblem[]): DataFileProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p.range);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
