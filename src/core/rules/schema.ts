// Reports shape errors against schemas/jointspec.schema.json (types, enum values, dates,
// unknown keys), in words a person can act on. Meaning is left to the other rules.
import { MAX_QUOTED_LENGTH, quoteForMessage } from "../limits.js";
import type { FixDraft, Report, Rule, RuleContext } from "../rule.js";
import type { SchemaError } from "../schema/compiled.js";
import { closestMatch, knownKeys, schemaAt } from "../schema/spec-schema.js";
import type { SpecPath } from "../types.js";

export const schema: Rule = {
  id: "schema",
  defaultSeverity: "error",
  description: "The spec has the shape of schemas/jointspec.schema.json",
  needs: "document",
  fixable: true,
  messages: {
    empty: "The spec is empty; start it with jointspec: 1, then id, title and status.",
    notAMap: "A spec is a map of keys such as jointspec, id and title, but this file holds {{actual}} at the top.",
    required: "{{where}} has no {{property}}; add {{property}}: ({{title}}).",
    unknownKey: 'Unknown key "{{key}}" in {{where}}. {{hint}}',
    enum: "{{where}} must be one of {{allowed}}, not {{value}}.{{hint}}",
    const: "{{where}} must be {{expected}}, not {{value}}.",
    type: "{{where}} must be {{expected}}, not {{actual}}.",
    format: "{{where}} must be {{format}}, not {{value}}.",
    pattern: "{{where}} must be {{pattern}}, not {{value}}.",
    empty_text: "{{where}} must not be empty.",
    duplicate: "{{where}} lists the same value twice; keep one.",
    other: "{{where}} {{problem}}.",
  },
  check(context, report) {
    // One finding per place. A file can hold 100,000 errors; past the cap they are only
    // counted, by place, without the words, suggestions and fixes that cost the most.
    const seen = new Set<string>();
    let capped = false;
    for (const error of context.schemaErrors) {
      const place = placeOf(error);
      if (seen.has(place)) continue;
      seen.add(place);
      if (capped) report({ messageId: "other" });
      else capped = !report(describe(error, context));
    }
  },
};

// What one finding stands for: the path it reports, and whether at the key. Errors about the
// same place (a map missing two required keys) give one finding, the first.
function placeOf(error: SchemaError): string {
  switch (error.keyword) {
    case "required":
      return `${error.instancePath}\u0000key`;
    case "additionalProperties":
      return `${error.instancePath}/${String(error.params.additionalProperty).replace(/~/g, "~0").replace(/\//g, "~1")}\u0000key`;
    default:
      return error.instancePath;
  }
}

const FORMAT_WORDS: Record<string, string> = {
  date: "a real date written YYYY-MM-DD",
  email: "an email address",
  uri: "an absolute URL",
};

function describe(error: SchemaError, { edits }: RuleContext): Report {
  const path = pointerToPath(error.instancePath);
  const where = label(path);
  const value = display(error.data);
  switch (error.keyword) {
    case "type": {
      if (path.length === 0) {
        if (error.data === undefined || error.data === null) return { messageId: "empty", path };
        return { messageId: "notAMap", data: { actual: Array.isArray(error.data) ? "a list" : `the single value ${value}` }, path };
      }
      return { messageId: "type", data: { where, expected: typeWords(error.params.type as string | string[]), actual: kindOf(error.data) }, path };
    }
    case "required": {
      const property = String(error.params.missingProperty);
      const title = schemaAt([...path, property])?.title ?? property;
      return { messageId: "required", data: { where: path.length === 0 ? "The spec" : where, property, title }, path, at: "key" };
    }
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const suggestion = closestMatch(key, knownKeys(path));
      const keyPath = [...path, key];
      const fixes: FixDraft[] = suggestion ? [{ title: `Rename to ${suggestion}`, edits: edits.renameKey(keyPath, suggestion) }] : [];
      return {
        messageId: "unknownKey",
        data: {
          key: shorten(key),
          where: path.length === 0 ? "the spec" : where,
          hint: suggestion ? `Did you mean "${suggestion}"?` : path.length === 0 ? "Remove it, or prefix it with x- to keep it as your own." : "Remove it.",
        },
        path: keyPath,
        at: "key",
        fixes,
      };
    }
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === "string" ? closestMatch(error.data, allowed) : undefined;
      const fixes: FixDraft[] = suggestion ? [{ title: `Change to ${suggestion}`, edits: edits.replaceValue(path, suggestion) }] : [];
      return { messageId: "enum", data: { where, allowed: allowed.join(", "), value, hint: suggestion ? ` Did you mean "${suggestion}"?` : "" }, path, fixes };
    }
    case "const":
      return { messageId: "const", data: { where, expected: display(error.params.allowedValue), value }, path };
    case "format":
      return { messageId: "format", data: { where, format: FORMAT_WORDS[String(error.params.format)] ?? String(error.params.format), value }, path };
    case "pattern":
      return { messageId: "pattern", data: { where, pattern: patternWords(String(error.params.pattern)), value }, path };
    case "minLength":
      return { messageId: "empty_text", data: { where }, path };
    case "uniqueItems":
      return { messageId: "duplicate", data: { where }, path };
    default:
      return { messageId: "other", data: { where, problem: error.message ?? "does not match the schema" }, path };
  }
}

function pointerToPath(pointer: string): SpecPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** `kpis[0].owners` style, as people write paths into YAML; an overlong key is cut short. */
export function label(path: SpecPath): string {
  let text = "";
  for (const segment of path) text += typeof segment === "number" ? `[${segment}]` : text ? `.${shorten(segment)}` : shorten(segment);
  return text || "The spec";
}

// A key as a message shows it: whole, unless it is too long to read.
function shorten(key: string): string {
  return key.length > MAX_QUOTED_LENGTH ? `${key.slice(0, MAX_QUOTED_LENGTH)}…` : key;
}

function display(value: unknown): string {
  if (typeof value === "string") return quoteForMessage(value);
  if (value === null || value === undefined) return "empty";
  if (typeof value === "object") return Array.isArray(value) ? "a list" : "a map";
  return String(value);
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `text (${quoteForMessage(value)})`;
  return `${typeof value === "number" ? "a number" : "a boolean"} (${String(value)})`;
}

function typeWords(type: string | string[]): string {
  const words: Record<string, string> = {
    object: "a map",
    array: "a list",
    string: "text",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    null: "empty",
  };
  const types = Array.isArray(type) ? type : String(type).split(",");
  return types.map((t) => words[t] ?? t).join(" or ");
}

function patternWords(pattern: string): string {
  if (pattern.startsWith("^[a-z0-9]+(-")) return "kebab-case (lowercase words joined by hyphens, such as spring-loyalty-relaunch)";
  if (pattern.startsWith("^https?:")) return "a web address starting with https:// or http://";
  return `text matching ${pattern}`;
}
