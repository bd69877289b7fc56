// The copies of the rules' facts (ids, default severities, descriptions, docs links, fixes)
// that live outside src/core/rules: the config schema's list of rule ids, the VS Code
// setting `jointspec.rules` in package.json, and the rules tables in README.md and
// docs/rules/README.md. Each is rendered from the registry, so a fact about a rule is
// written once, in the rule's file. Pure: files' text in, files' text out.
//   scripts/generate-rule-copies.mjs (run by `npm run compile`) writes them;
//   test/unit/rule-copies.test.ts fails when one was edited by hand.
import { docsUrl, type Rule } from "../src/core/rule.js";
import { RULES } from "../src/core/rules/index.js";

/** What regenerates the copies; drift messages name it. */
export const REGENERATE_COMMAND = "npm run compile";

/** A derived file, relative to the repository root, and how its rule facts are rendered. */
export interface RuleCopy {
  file: string;
  /** The file's text with its rule facts rewritten; everything else is kept as it is. */
  render(current: string, rules: readonly Rule[], read: (file: string) => string): string;
}

export const RULE_COPIES: readonly RuleCopy[] = [
  { file: "schemas/config.schema.json", render: configSchema },
  { file: "package.json", render: settings },
  { file: "docs/rules/README.md", render: (text, rules) => replaceRegion(text, "docs/rules/README.md", docsIndexTable(rules)) },
  { file: "README.md", render: (text, rules) => replaceRegion(text, "README.md", readmeTable(rules)) },
];

/** Every derived file as the rules say it should read, given a reader for the files as they are. */
export function renderRuleCopies(read: (file: string) => string, rules: readonly Rule[] = RULES): { file: string; text: string }[] {
  return RULE_COPIES.map((copy) => ({ file: copy.file, text: copy.render(read(copy.file), rules, read) }));
}

type Json = Record<string, unknown>;

// The rule ids a `.jointspec.yaml` may name under `rules:`, with what editors show for each.
function configSchema(text: string, rules: readonly Rule[]): string {
  const schema = JSON.parse(text) as Json;
  const names = objectAt(schema, ["properties", "rules", "propertyNames"], "schemas/config.schema.json");
  names.enum = rules.map((rule) => rule.id);
  names.enumDescriptions = rules.map((rule) => `${rule.description}.`);
  names.markdownEnumDescriptions = rules.map(
    (rule) =>
      `${rule.description} (default: \`${rule.defaultSeverity}\`${rule.raisedSeverity ? `; \`${rule.raisedSeverity.severity}\` ${rule.raisedSeverity.when}` : ""}).`,
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// One entry per rule in the `jointspec.rules` setting, with the severities the config schema allows.
function settings(text: string, rules: readonly Rule[], read: (file: string) => string): string {
  const manifest = JSON.parse(text) as Json;
  const setting = objectAt(manifest, ["contributes", "configuration", "properties", "jointspec.rules"], "package.json");
  const schema = JSON.parse(read("schemas/config.schema.json")) as Json;
  // "warn" is a spelling the config file accepts for people used to ESLint; the settings UI offers each severity once.
  const severities = (objectAt(schema, ["properties", "rules", "additionalProperties"], "schemas/config.schema.json").enum as string[]).filter(
    (severity) => severity !== "warn",
  );
  setting.properties = Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      {
        type: "string",
        enum: severities,
        default: rule.defaultSeverity,
        markdownDescription: `Severity of [\`${rule.id}\`](${docsUrl(rule.id)}).`,
      },
    ]),
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function docsIndexTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => row([`[\`${rule.id}\`](${rule.id}.md)`, severityWords(rule), fixableWords(rule), rule.description]));
  return [row(["Rule", "Default", "Fixable", "Description"]), row(["---", "---", "---", "---"]), ...rows].join("\n");
}

function readmeTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => row([`[\`${rule.id}\`](docs/rules/${rule.id}.md)`, severityWords(rule), rule.description]));
  return [row(["rule", "default", "description"]), row(["---", "---", "---"]), ...rows].join("\n");
}

// "warning", or "warning (error while the spec is approved or live)" for a rule that raises it.
function severityWords(rule: Rule): string {
  return rule.raisedSeverity ? `${rule.defaultSeverity} (${rule.raisedSeverity.severity} ${rule.raisedSeverity.when})` : rule.defaultSeverity;
}

// "yes" means Fix all applies the fixes unasked; quick fixes wait for a person to choose one.
function fixableWords(rule: Rule): string {
  if (!rule.fixable) return "no";
  return rule.fixAllWhen ? `yes, ${rule.fixAllWhen}` : "quick fix only";
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
}

const REGION_START = /<!-- rules:start\b[^>]*-->\n/;
const REGION_END = "<!-- rules:end -->";

/** Replaces what lies between a Markdown file's rules:start and rules:end comments. */
function replaceRegion(text: string, file: string, body: string): string {
  const start = REGION_START.exec(text);
  const end = start ? text.indexOf(REGION_END, start.index + start[0].length) : -1;
  if (!start || end < 0) {
    throw new Error(`${file} has no "<!-- rules:start … -->" … "${REGION_END}" region for the rules table; put the two comments where the table belongs`);
  }
  const marker = `<!-- rules:start (generated from src/core/rules by scripts/generate-rule-copies.mjs; edit the rules, not this table) -->\n`;
  return `${text.slice(0, start.index)}${marker}${body}\n${text.slice(end)}`;
}

// The object at a path in parsed JSON, or an error that says which file lacks it.
function objectAt(root: Json, path: readonly string[], file: string): Json {
  let node: unknown = root;
  for (const key of path) node = typeof node === "object" && node !== null ? (node as Json)[key] : undefined;
  if (typeof node !== "object" || node === null || Array.isArray(node)) throw new Error(`${file} has no object at ${path.join(".")} to fill in from the rules`);
  return node as Json;
}
