// What a rule is: data (id, severity, description, messages) and one small check function
// that reports paths into the spec. The core turns paths into ranges and edits into fixes.

import type { Document } from "yaml";
import type { Glossary, GlossaryEntry } from "./glossary/glossary.js";
import type { TermOccurrence, TermPin } from "./glossary/terms.js";
import type { SyntaxProblem } from "./parse.js";
import type { SchemaError } from "./schema/compiled.js";
import type { LineIndex } from "./text.js";
import type { RosterPerson } from "./roster.js";
import type { Severity, SpecPath } from "./types.js";
import type { EditBuilder, RawEdit } from "./fixes/yaml-edits.js";
import type { SuppressionDirective } from "./suppressions.js";

/** A fix as a rule proposes it: edits at offsets, before the core adds ranges. */
export interface FixDraft {
  title: string;
  edits: RawEdit[];
  preferred?: boolean;
}

export interface Report {
  messageId: string;
  /** Values for the message template's {{placeholders}}. */
  data?: Record<string, string | number>;
  /** Where the finding points; the core maps it to a range. */
  path?: SpecPath;
  /** Point at the key rather than the value at `path`. */
  at?: "key";
  /** Exact offsets, for findings inside a value (a word in free text). Wins over `path`. */
  offsets?: [number, number];
  fixes?: FixDraft[];
  related?: { offsets: [number, number]; message: string }[];
}

export interface RuleContext {
  /** The spec's top-level map as plain data (already known to be an object). */
  spec: Readonly<Record<string, unknown>>;
  text: string;
  lines: LineIndex;
  document: Document.Parsed;
  glossary: Glossary;
  /** Glossary terms in free text, in document order. */
  terms: readonly TermOccurrence[];
  /** Meanings pinned under the spec's `glossary:` key. */
  pins: ReadonlyMap<GlossaryEntry, TermPin>;
  syntaxProblems: readonly SyntaxProblem[];
  schemaErrors: readonly SchemaError[];
  /** Builds minimal text edits for fixes. */
  edits: EditBuilder;
  /** The jointspec-disable comments, and which of them silenced a finding (known after the other rules ran). */
  directives: readonly SuppressionDirective[];
  usedDirectives: ReadonlySet<SuppressionDirective>;
  /** The id of every rule in this run (the registry, unless the caller passed its own), on or off. */
  knownRuleIds: readonly string[];
  /**
   * Today's date (YYYY-MM-DD) as the host's clock and time zone give it; undefined when the
   * caller gave none, and then nothing is judged against today (the core has no clock).
   */
  today: string | undefined;
  /** Rules that reported more findings than a file may show, so some were only counted. */
  cappedRuleIds: Set<string>;
  /** The workspace's roster (.jointspec.yaml `people:`); empty when it has none. */
  people: readonly RosterPerson[];
}

/**
 * What a rule needs before it can say anything, from least to most:
 * - `text`: any text, even YAML that does not parse (the syntax rule itself);
 * - `document`: one well-formed YAML document, whatever its root (the shape check);
 * - `spec`: a document whose root is a map, so that `context.spec` holds the spec's keys.
 * When the text falls short, the rule does not run: a broken file gets the finding that
 * explains it, not a pile of findings that follow from it.
 */
export type RuleNeed = "text" | "document" | "spec";

export interface Rule {
  /** Permanent: users configure it, CI systems key results on it. */
  id: string;
  defaultSeverity: Severity;
  /** One line, for `jointspec rules`, SARIF, the config schema, the settings and the docs tables. */
  description: string;
  needs: RuleNeed;
  /** Message templates by id, with {{placeholders}}. */
  messages: Record<string, string>;
  /** Whether some of its findings carry fixes. */
  fixable: boolean;
  /**
   * When Fix all may apply its fixes unasked (the ones it marks preferred), in words that
   * finish "yes, …" in the rules table. Unset: its fixes are quick fixes a person chooses.
   */
  fixAllWhen?: string;
  /**
   * A stronger severity the rule takes in some specs, unless the workspace sets the rule's
   * severity itself: `when` finishes "error …" in the docs and tables ("while the spec is
   * approved or live"), `applies` decides it from the spec's data.
   */
  raisedSeverity?: { severity: Severity; when: string; applies(spec: Readonly<Record<string, unknown>>): boolean };
  /** Runs after every other rule and after suppressions are applied; its findings cannot be suppressed. */
  runsLast?: boolean;
  /**
   * Reports through `report`, which answers false once the rule has reported as many findings
   * as a file may show: the report was counted, not kept, and a rule with costly reports may
   * count the rest cheaply.
   */
  check(context: RuleContext, report: (report: Report) => boolean): void;
}

/** The docs page of a rule, for links from every surface. */
const DOCS_BASE_URL = "https://github.com/jointspec/jointspec/blob/main/docs/rules/";

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
