// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
// diff. User text is escaped so that nothing in a spec can end the command or start a new
// one ("%", CR and LF in the message; also ":" and "," in properties).

import type { Severity } from "../core/types.js";
import type { Formatter } from "./types.js";

const COMMANDS: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

export const github: Formatter = (reports) => {
  const lines: string[] = [];
  for (const report of reports) {
    for (const finding of report.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(report.path)}`,
        `line=${start.line + 1}`,
        `endLine=${end.line + 1}`,
        `col=${start.character + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(report.title ? `JointSpec ${finding.ruleId}: ${report.title}` : `JointSpec ${finding.ruleId}`)}`,
      ];
      lines.push(`::${COMMANDS[finding.severity]} ${properties.join(",")}::${escapeData(finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
};

/** Escapes a command's message, as the Actions runner unescapes it; other control characters go. */
function escapeData(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/%/g, "%25")
    .replace(/\r/g, "%0D")
    .replace(/\n/g, "%0A");
}

/** Escapes a command property's value: the message's escapes, plus its separators. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
