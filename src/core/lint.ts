// Lints one spec's text: parse, check the shape against the compiled schema, run the rules,
// and turn what they report into findings with ranges and fixes. Pure: text in, data out.

import type { Document } from "yaml";
import validateSpec from "./generated/validate-spec.js";
import { EditBuilder } from "./fixes/yaml-edits.js";
import { Glossary, type GlossaryEntry } from "./glossary/glossary.js";
import { findTermOccurrences, readPins, type TermOccurrence, type TermPin } from "./glossary/terms.js";
import { parseYaml, type ParsedYaml } from "./parse.js";
import { offsetsForPath } from "./paths.js";
import type { Report, Rule, RuleContext } from "./rule.js";
import { RULES, RULE_IDS } from "./rules/index.js";
import { applySuppressions, findDirectives, type SuppressedFinding } from "./suppressions.js";
import type { SchemaError } from "./schema/compiled.js";
import type { Finding, Fix, Severity, SeveritySetting } from "./types.js";

export interface LintOptions {
  /** Severity per rule id; rules not named keep their default. */
  severities?: Readonly<Record<string, SeveritySetting | undefined>>;
  /** The glossary in force: bundled plus workspace files. Defaults to the bundled one. */
  glossary?: Glossary;
  /** Internal, for the fast YAML path's differential test: parse with the yaml library only. */
  yamlLibraryOnly?: boolean;
}

/** Everything learnt about a spec while linting it, for hovers and the preview to reuse. */
export interface SpecAnalysis {
  parsed: ParsedYaml;
  /** The top-level map as data, when the text is one YAML document holding a map. */
  spec: Record<string, unknown> | undefined;
  glossary: Glossary;
  terms: readonly TermOccurrence[];
  pins: ReadonlyMap<GlossaryEntry, TermPin>;
}

export interface LintResult {
  findings: Finding[];
  /** Findings silenced by a jointspec-disable comment, with the comment that did it. */
  suppressed: SuppressedFinding[];
  analysis: SpecAnalysis;
}

/** Lints a spec's text. Never throws: a failing rule becomes one finding. */
export function lintSpec(text: string, options: LintOptions = {}): LintResult {
  const glossary = options.glossary ?? Glossary.bundled();
  const parsed = parseYaml(text, { libraryOnly: options.yamlLibraryOnly });
  const analysis: SpecAnalysis = { parsed, spec: undefined, glossary, terms: [], pins: new Map() };
  const findings: Finding[] = [];
  const document = parsed.document;

  const severityOf = (rule: Rule): SeveritySetting => options.severities?.[rule.id] ?? rule.defaultSeverity;
  const active = RULES.filter((rule) => severityOf(rule) !== "off");

  let schemaErrors: SchemaError[] = [];
  const data = parsed.data;
  const isMapRoot = typeof data === "object" && data !== null && !Array.isArray(data);
  if (parsed.problems.length === 0) {
    if (!validateSpec(data)) schemaErrors = validateSpec.errors ?? [];
    if (isMapRoot && document) {
      analysis.spec = data as Record<string, unknown>;
      analysis.terms = findTermOccurrences(document, text, glossary);
      analysis.pins = readPins(document, glossary);
    }
  }

  // An empty file has no document; the rules that still run on it (syntax, schema) get an empty one.
  const ruleDocument = document ?? (emptyDocument ??= parseYaml("{}").document!);
  const directives = findDirectives(parsed.lines);
  const context: RuleContext = {
    spec: analysis.spec ?? {},
    text,
    lines: parsed.lines,
    document: ruleDocument,
    glossary,
    terms: analysis.terms,
    pins: analysis.pins,
    syntaxProblems: parsed.problems,
    schemaErrors,
    edits: new EditBuilder(ruleDocument, parsed.lines),
    directives,
    usedDirectives: new Set(),
    knownRuleIds: RULE_IDS,
  };

  const run = (rule: Rule, into: Finding[]): void => {
    // Syntax problems make the rest meaningless; a root that is not a map leaves only the schema's word.
    const runs = rule.id === "yaml-syntax" || (parsed.problems.length === 0 && (rule.id === "schema" || isMapRoot));
    if (!runs) return;
    const severity = severityOf(rule) as Severity;
    try {
      rule.check(context, (r: Report) => into.push(toFinding(rule, severity, r, parsed)));
    } catch (error) {
      into.push({
        ruleId: rule.id,
        severity: "error",
        message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this.`,
        range: parsed.lines.rangeOf(0, 0),
      });
    }
  };
  for (const rule of active) if (!rule.runsLast) run(rule, findings);
  const { findings: kept, suppressed } = applySuppressions(findings, directives);
  // Rules about the suppressions themselves need to know which comments silenced something.
  context.usedDirectives = new Set(suppressed.map((s) => s.directive));
  for (const rule of active) if (rule.runsLast) run(rule, kept);

  kept.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId),
  );
  return { findings: kept, suppressed, analysis };
}

let emptyDocument: Document.Parsed | undefined;

function toFinding(rule: Rule, severity: Severity, report: Report, parsed: ParsedYaml): Finding {
  const { lines, document } = parsed;
  const offsets =
    report.offsets ?? (document ? offsetsForPath(document, lines, report.path ?? [], report.at === "key" ? "key" : "value") : [0, 0]);
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data),
    range: lines.rangeOf(offsets[0], offsets[1]),
    ...(report.path ? { path: report.path } : {}),
  };
  const fixes = (report.fixes ?? [])
    .filter((fix) => fix.edits.length > 0)
    .map(
      (fix): Fix => ({
        title: fix.title,
        ...(fix.preferred ? { preferred: true } : {}),
        edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), offsets: [edit.start, edit.end], newText: edit.newText })),
      }),
    );
  if (fixes.length > 0) finding.fixes = fixes;
  if (report.related?.length) {
    finding.related = report.related.map((r) => ({ range: lines.rangeOf(r.offsets[0], r.offsets[1]), message: r.message }));
  }
  return finding;
}

/** Fills a message template's {{placeholders}}. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
