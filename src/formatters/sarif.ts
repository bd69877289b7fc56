// SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDE viewers). Paths are relative to
// %SRCROOT% (the working folder); fingerprints let a platform follow a result across commits
// in which lines move.

import type { Finding } from "../core/types.js";
import { hash, lineText } from "./fingerprint.js";
import type { FileReport, Formatter } from "./types.js";

const LEVELS = { error: "error", warning: "warning", info: "note" } as const;

export const sarif: Formatter = (reports, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) => {
    const seen = new Map<string, number>();
    const active = report.findings.map((finding) => toResult(finding, report, ruleIndex, seen));
    // Suppressed findings are recorded as such, with the comment's reason, not left out.
    const suppressed = (report.suppressed ?? []).map(({ finding, directive }) => ({
      ...toResult(finding, report, ruleIndex, seen),
      suppressions: [{ kind: "inSource", ...(directive.reason ? { justification: directive.reason } : {}) }],
    }));
    return [...active, ...suppressed];
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "JointSpec",
            informationUri: "https://github.com/jointspec/jointspec",
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            rules: context.rules.map((rule) => ({
              id: rule.id,
              // SARIF wants a name that differs from the id; a one-word id has none to give.
              ...(pascalCase(rule.id).toLowerCase() !== rule.id ? { name: pascalCase(rule.id) } : {}),
              shortDescription: { text: sentence(rule.description) },
              fullDescription: { text: sentence(rule.description) },
              helpUri: rule.docsUrl,
              help: { text: `${sentence(rule.description)} See ${rule.docsUrl}`, markdown: `${sentence(rule.description)} [Read more](${rule.docsUrl}).` },
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { tags: ["jointspec"], fixable: rule.fixable },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(context.cwd) } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toResult(finding: Finding, report: FileReport, ruleIndex: Map<string, number>, seen: Map<string, number>) {
  const { start, end } = finding.range;
  const region = {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  // Stable across moved lines: the rule, the file, and the text the finding points at,
  // numbered when the same text is reported more than once.
  const anchor = `${finding.ruleId}\u0000${report.path}\u0000${report.text !== undefined ? lineText(report.text, start.line).trim() : `${start.line}`}`;
  const occurrence = (seen.get(anchor) ?? 0) + 1;
  seen.set(anchor, occurrence);
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVELS[finding.severity],
    message: { text: sentence(finding.message) },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(report.path), uriBaseId: "%SRCROOT%" }, region } }],
    partialFingerprints: { "jointspecFinding/v1": `${hash(anchor)}:${occurrence}` },
  };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

function encodeUriPath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function directoryUri(folder: string): string {
  const posix = folder.replace(/\\/g, "/");
  const withSlash = posix.endsWith("/") ? posix : `${posix}/`;
  return `file://${withSlash.startsWith("/") ? "" : "/"}${encodeUriPath(withSlash)}`;
}
