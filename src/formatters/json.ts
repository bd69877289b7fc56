// For scripts: every finding with 1-based line and column (as editors show them), the fixes
// as offset edits, and the fixed text after --fix-dry-run. Stable field order, so outputs can be diffed.

import type { Finding } from "../core/types.js";
import { countBySeverity, type Formatter } from "./types.js";

export const json: Formatter = (reports) => {
  const files = reports.map((report) => {
    const counts = countBySeverity([report]);
    return {
      filePath: report.path,
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info,
      findings: report.findings.map(toJson),
      suppressedFindings: (report.suppressed ?? []).map(({ finding, directive }) => ({ ...toJson(finding), justification: directive.reason })),
      // As ESLint's `output`: present only when --fix or --fix-dry-run changed the text.
      ...(report.output !== undefined ? { output: report.output } : {}),
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
};

function toJson(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    ...(finding.fixes
      ? {
          fixes: finding.fixes.map((fix) => ({
            title: fix.title,
            preferred: fix.preferred === true,
            edits: fix.edits.map((edit) => ({ start: edit.offsets[0], end: edit.offsets[1], text: edit.newText })),
          })),
        }
      : {}),
  };
}
