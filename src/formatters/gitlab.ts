// GitLab Code Quality: the JSON report that `artifacts:reports:codequality` takes, shown in
// merge requests. It is the subset of the Code Climate issue format that GitLab documents:
// description, check_name, fingerprint, severity and location (path, lines.begin); GitLab
// ignores Code Climate's other fields, so none are written. Suppressed findings are left out.
//
// Severities: GitLab has info, minor, major, critical and blocker. An error is "major", a
// warning "minor", an info "info"; critical and blocker are left for problems that break a
// running system, which a spec cannot do by itself.
//
// Fingerprints: GitLab tells new findings from old ones by fingerprint, so it is built from
// the file, the rule, the message and the source text the finding points at, numbered among
// findings alike in all four; never from the line, which moves when lines above it change.

import type { Severity } from "../core/types.js";
import { hash, occurrenceCounter, offendingText } from "./fingerprint.js";
import type { Formatter } from "./types.js";

const SEVERITIES: Record<Severity, "major" | "minor" | "info"> = { error: "major", warning: "minor", info: "info" };

export const gitlab: Formatter = (reports) => {
  const issues = reports.flatMap((report) => {
    const occurrence = occurrenceCounter();
    return report.findings.map((finding) => {
      const anchor = [report.path, finding.ruleId, finding.message, report.text !== undefined ? offendingText(report.text, finding) : ""].join("\u0000");
      return {
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: hash(`${anchor}\u0000${occurrence(anchor)}`),
        severity: SEVERITIES[finding.severity],
        location: { path: report.path, lines: { begin: finding.range.start.line + 1 } },
      };
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
