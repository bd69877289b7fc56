// Lints a file's raw bytes: a host that reads files hands them over as they are, and the
// core says, with a position, when they are not UTF-8 text.

import { lintSpec, type LintOptions, type LintResult } from "./lint.js";
import { RULES } from "./rules/index.js";
import { decodeUtf8 } from "./text.js";
import type { Finding, Severity } from "./types.js";

export type BytesLintResult = (LintResult & { text: string }) | { findings: Finding[]; suppressed: []; analysis: undefined; text: undefined };

/** Decodes and lints; undecodable bytes give one yaml-syntax finding (unless that rule is off or not in the run). */
export function lintBytes(bytes: Uint8Array, options: LintOptions = {}): BytesLintResult {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { ...lintSpec(decoded.text, options), text: decoded.text };
  // Bytes that are not text are the file's syntax problem, reported under that rule's id.
  const rule = (options.rules ?? RULES).find((candidate) => candidate.id === "yaml-syntax");
  const severity = rule ? (options.severities?.[rule.id] ?? rule.defaultSeverity) : "off";
  const findings: Finding[] =
    !rule || severity === "off"
      ? []
      : [{ ruleId: rule.id, severity: severity as Severity, message: decoded.message, range: { start: decoded.position, end: decoded.position } }];
  return { findings, suppressed: [], analysis: undefined, text: undefined };
}
