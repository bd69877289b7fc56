// What every formatter receives: the findings per file, and a little context. Formatters
// are pure functions of this data to text; they never read files or the environment.

import type { SuppressedFinding } from "../core/suppressions.js";
import type { Finding, Severity } from "../core/types.js";
import type { PreviewModel } from "../preview/model/types.js";

export interface FileReport {
  /** The path as shown to people and CI: relative to the working folder, with forward slashes. */
  path: string;
  findings: Finding[];
  /** Findings silenced by a jointspec-disable comment, kept for formats that record them (SARIF, JSON). */
  suppressed?: SuppressedFinding[];
  /** The spec's title, when it has one: reports name specs the way people do. */
  title?: string;
  /** The file's text, when it could be read as text (for snippets and fingerprints). */
  text?: string;
  /** The spec as a reader sees it, for the html format (the host builds it only for that format). */
  preview?: PreviewModel;
  /** With --fix or --fix-dry-run, the fixed text, when fixes changed it (ESLint's `output`). */
  output?: string;
}

export interface RuleSummary {
  id: string;
  defaultSeverity: "error" | "warning" | "info";
  description: string;
  fixable: boolean;
  docsUrl: string;
}

/** Styles a piece of text for a terminal; the identity when colour is off. */
export type Paint = (style: "red" | "yellow" | "cyan" | "dim" | "underline" | "bold", text: string) => string;

export interface FormatContext {
  /** Absolute working folder, the base of every report's path. */
  cwd: string;
  /** The host decides about colour (TTY, NO_COLOR, --color); formatters only apply it. */
  paint: Paint;
  toolVersion: string;
  rules: readonly RuleSummary[];
  /** A fresh random value per run, for formats whose output embeds a script or style (html). */
  nonce?: string;
  /** --fail-severity: findings of this severity or worse fail the run (exit 1). */
  failSeverity: Severity;
  /** --max-warnings: more warnings than this fail the run; -1 for no limit. */
  maxWarnings: number;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

/** Counts by severity, for summaries. */
export function countBySeverity(reports: readonly FileReport[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  return counts;
}

/**
 * A run's count in one line, in the same words wherever it is shown (the stylish report's
 * last line, the stderr summary of other formats): problems by severity, then how many of
 * the specs linted have any.
 */
export function summaryOf(reports: readonly FileReport[]): string {
  const counts = countBySeverity(reports);
  const total = counts.error + counts.warning + counts.info;
  const withProblems = reports.filter((report) => report.findings.length > 0).length;
  return `${plural(total, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "info")}) in ${withProblems} of ${plural(reports.length, "spec")}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Whether a finding of this severity fails a run that fails on `failSeverity` or worse. */
export function failsAt(severity: Severity, failSeverity: Severity): boolean {
  return RANK[severity] <= RANK[failSeverity];
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
