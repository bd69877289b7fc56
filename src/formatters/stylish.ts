// The default, for people at a terminal: findings grouped by file, aligned, with a summary.

import { countBySeverity, summaryOf, type Formatter } from "./types.js";

export const stylish: Formatter = (reports, context) => {
  const { paint } = context;
  const severityStyle = { error: "red", warning: "yellow", info: "cyan" } as const;
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((finding) => ({
      where: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      severity: finding.severity,
      message: finding.message.replace(/\s*[\r\n]+\s*/g, " "),
      ruleId: finding.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    out.push(paint("underline", report.path));
    for (const row of rows) {
      out.push(
        `  ${paint("dim", row.where.padEnd(whereWidth))}  ${paint(severityStyle[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint("dim", row.ruleId)}`,
      );
    }
    out.push("");
  }
  const counts = countBySeverity(reports);
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return "";
  out.push(paint("bold", paint(counts.error > 0 ? "red" : counts.warning > 0 ? "yellow" : "cyan", `✖ ${summaryOf(reports)}`)));
  return `${out.join("\n")}\n`;
};
