// Lints one spec's text: parse, check the shape against the compiled schema, run the rules,
// and turn what they report into findings with ranges and fixes. Pure: text in, data out.

import type { Document } from "yaml";
import validateSpec from "./generated/validate-spec.js";
import { EditBuilder } from "./fixes/yaml-edits.js";
import { Glossary, type GlossaryEntry } from "./glossary/glossary.js";
import { findTermOccurrences, readPins, type TermOccurrence, type TermPin } from "./glossary/terms.js";
import { DEFAULT_LIMITS, MAX_FINDINGS_PER_RULE, mayExceed, sizeAgainstLimit, utf8Length } from "./limits.js";
import { parseYaml, type ParsedYaml } from "./parse.js";
import { offsetsForPath } from "./paths.js";
import type { RosterPerson } from "./roster.js";
import type { Report, Rule, RuleContext, RuleNeed } from "./rule.js";
import { RULES } from "./rules/index.js";
import { applySuppressions, findDirectives, type SuppressedFinding } from "./suppressions.js";
import type { SchemaError } from "./schema/compiled.js";
import { LineIndex } from "./text.js";
import type { Finding, Fix, Severity, SeveritySetting } from "./types.js";

export interface LintOptions {
  /** The rules to run, in order. Defaults to the registry (src/core/rules/index.ts). */
  rules?: readonly Rule[];
  /** Severity per rule id; rules not named keep their default. */
  severities?: Readonly<Record<string, SeveritySetting | undefined>>;
  /** The glossary in force: bundled plus workspace files. Defaults to the bundled one. */
  glossary?: Glossary;
  /** A spec over this many bytes of UTF-8 is not read: one spec-size finding. Defaults to DEFAULT_LIMITS.specSize. */
  maxSpecSize?: number;
  /**
   * Today's date, YYYY-MM-DD, in the host's time zone: the core has no clock, so the hosts pass
   * it (the CLI and the extension: the local date). Without it, no date is judged against today
   * (an approved security review dated in the future is not reported).
   */
  today?: string;
  /** The roster from .jointspec.yaml (`people:`); names are checked against it when it is not empty. */
  people?: readonly RosterPerson[];
  /**
   * Whether findings carry their fixes (default true). A host that shows none, as the CLI's
   * reports other than json, passes false and the core does not turn the rules' edits into
   * ranges; Fix all and --fix read fixes, so they leave it on.
   */
  fixes?: boolean;
  /** Whether findings carry their related places (default true); no CLI report shows them. */
  related?: boolean;
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
  /** Set when the spec was over the size limit and so not read at all (even with spec-size off). */
  tooLarge?: { size: string; limit: string };
}

export interface LintResult {
  findings: Finding[];
  /** Findings silenced by a jointspec-disable comment, with the comment that did it. */
  suppressed: SuppressedFinding[];
  analysis: SpecAnalysis;
}

/** Lints a spec's text. Never throws: a failing rule becomes one finding. */
export function lintSpec(text: string, options: LintOptions = {}): LintResult {
  const limit = options.maxSpecSize ?? DEFAULT_LIMITS.specSize;
  if (mayExceed(text, limit)) {
    const tooLarge = checkSpecSize(utf8Length(text), options);
    if (tooLarge) return tooLarge;
  }
  const glossary = options.glossary ?? Glossary.bundled();
  const parsed = parseYaml(text, { libraryOnly: options.yamlLibraryOnly });
  const analysis: SpecAnalysis = { parsed, spec: undefined, glossary, terms: [], pins: new Map() };
  const findings: Finding[] = [];
  const document = parsed.document;

  // The severity a rule runs with: the workspace's setting, else its default, raised in the
  // specs its metadata names (stale-sign-off is an error once the spec is approved).
  const severityOf = (rule: Rule): SeveritySetting =>
    options.severities?.[rule.id] ??
    (rule.raisedSeverity && analysis.spec && rule.raisedSeverity.applies(analysis.spec) ? rule.raisedSeverity.severity : rule.defaultSeverity);
  const rules = options.rules ?? RULES;
  const active = rules.filter((rule) => severityOf(rule) !== "off");
  const parts: FindingParts = { fixes: options.fixes !== false, related: options.related !== false };

  let schemaErrors: SchemaError[] = [];
  const data = parsed.data;
  const isMapRoot = typeof data === "object" && data !== null && !Array.isArray(data);
  const wellFormed = parsed.problems.length === 0;
  if (wellFormed) {
    if (!validateSpec(data)) schemaErrors = validateSpec.errors ?? [];
    if (isMapRoot && document) {
      analysis.spec = data as Record<string, unknown>;
      analysis.terms = findTermOccurrences(document, text, glossary);
      analysis.pins = readPins(document, glossary);
    }
  }

  // An empty file has no document; the rules that still run on it (those needing text or a document) get an empty one.
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
    knownRuleIds: rules.map((rule) => rule.id),
    today: options.today,
    cappedRuleIds: new Set(),
    people: options.people ?? [],
  };

  // What each kind of rule needs (see RuleNeed): syntax problems make the rest meaningless,
  // and a root that is not a map leaves only the shape check's word.
  const available: Record<RuleNeed, boolean> = { text: true, document: wellFormed, spec: wellFormed && isMapRoot };

  // Findings past the cap are only counted: bad input must not cost a finding's range and fixes each.
  const omitted = new Map<Rule, number>();
  const run = (rule: Rule, into: Finding[]): void => {
    if (!available[rule.needs]) return;
    const severity = severityOf(rule) as Severity;
    let reported = 0;
    const report = (r: Report): boolean => {
      if (++reported <= MAX_FINDINGS_PER_RULE) {
        into.push(toFinding(rule, severity, r, parsed, parts));
        return true;
      }
      omitted.set(rule, reported - MAX_FINDINGS_PER_RULE);
      context.cappedRuleIds.add(rule.id);
      return false;
    };
    try {
      rule.check(context, report);
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
  for (const [rule, count] of omitted) findings.push(omittedFinding(rule, severityOf(rule) as Severity, count, parsed));
  const { findings: kept, suppressed } = applySuppressions(findings, directives);
  // Rules about the suppressions themselves need to know which comments silenced something.
  context.usedDirectives = new Set(suppressed.map((s) => s.directive));
  omitted.clear();
  for (const rule of active) if (rule.runsLast) run(rule, kept);
  for (const [rule, count] of omitted) kept.push(omittedFinding(rule, severityOf(rule) as Severity, count, parsed));

  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, suppressed, analysis };
}

let emptyDocument: Document.Parsed | undefined;

/**
 * The result for a spec of `size` bytes when it is over the limit: one spec-size finding at
 * the start of the file (none when the rule is off), and nothing read. Undefined when the size
 * is within the limit. For hosts that know a file's size before reading it.
 */
export function checkSpecSize(size: number, options: LintOptions = {}, sizeIsAtLeast = false): LintResult | undefined {
  const limit = options.maxSpecSize ?? DEFAULT_LIMITS.specSize;
  if (size <= limit) return undefined;
  // Over the limit, the text is never read, whether or not the rule that says so is in the run.
  const rule = (options.rules ?? RULES).find((candidate) => candidate.id === "spec-size");
  const severity = rule ? (options.severities?.[rule.id] ?? rule.defaultSeverity) : "off";
  const words = { ...sizeAgainstLimit(size, limit) };
  if (sizeIsAtLeast) words.size = `at least ${words.size}`;
  // The text was not read, so the analysis is that of an empty text: no document, no terms.
  const parsed: ParsedYaml = { text: "", lines: new LineIndex(""), document: undefined, data: undefined, problems: [] };
  const findings: Finding[] =
    !rule || severity === "off"
      ? []
      : [
          {
            ruleId: rule.id,
            severity,
            message: formatMessage(rule.messages.tooLarge!, words),
            range: parsed.lines.rangeOf(0, 0),
          },
        ];
  return {
    findings,
    suppressed: [],
    analysis: { parsed, spec: undefined, glossary: options.glossary ?? Glossary.bundled(), terms: [], pins: new Map(), tooLarge: words },
  };
}

// Says how many findings of a rule the cap left out, once, at the start of the file.
function omittedFinding(rule: Rule, severity: Severity, count: number, parsed: ParsedYaml): Finding {
  return {
    ruleId: rule.id,
    severity,
    message: `${String(count).replace(/\B(?=(\d{3})+$)/g, ",")} more ${rule.id} finding${count === 1 ? "" : "s"} in this file ${count === 1 ? "is" : "are"} not shown: JointSpec reports at most ${MAX_FINDINGS_PER_RULE} of each rule per file. Fix the ones shown, then lint again.`,
    range: parsed.lines.rangeOf(0, 0),
  };
}

/** Which optional parts of a finding the host wants made (LintOptions.fixes and .related). */
interface FindingParts {
  fixes: boolean;
  related: boolean;
}

function toFinding(rule: Rule, severity: Severity, report: Report, parsed: ParsedYaml, parts: FindingParts): Finding {
  const { lines, document } = parsed;
  const offsets = report.offsets ?? (document ? offsetsForPath(document, lines, report.path ?? [], report.at === "key" ? "key" : "value") : [0, 0]);
  // Made with the same keys in the same order, then extended, so that every finding starts
  // with one shape (each shape more is one more case for the optimised code of every rule).
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: formatMessage(rule.messages[report.messageId] ?? report.messageId, report.data),
    range: lines.rangeOf(offsets[0], offsets[1]),
  };
  if (report.path) finding.path = report.path;
  if (parts.fixes && report.fixes) {
    const fixes = report.fixes
      .filter((fix) => fix.edits.length > 0)
      .map(
        (fix): Fix => ({
          title: fix.title,
          ...(fix.preferred ? { preferred: true } : {}),
          edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), offsets: [edit.start, edit.end], newText: edit.newText })),
        }),
      );
    if (fixes.length > 0) finding.fixes = fixes;
  }
  if (parts.related && report.related?.length) {
    finding.related = report.related.map((r) => ({ range: lines.rangeOf(r.offsets[0], r.offsets[1]), message: r.message }));
  }
  return finding;
}

/** Fills a message template's {{placeholders}}. */
function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  // A template is split once into its text and its placeholders: [text, name, whole, text, name, whole, …, text].
  let parts = templateParts.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      parts.push(template.slice(last, match.index), match[1]!, match[0]);
      last = match.index + match[0].length;
    }
    parts.push(template.slice(last));
    templateParts.set(template, parts);
  }
  let message = parts[0]!;
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i]!;
    message += (name in data ? String(data[name]) : parts[i + 1]!) + parts[i + 2]!;
  }
  return message;
}

// The rules' templates, split; a rule's messages are fixed, so this holds a few dozen.
const templateParts = new Map<string, string[]>();
