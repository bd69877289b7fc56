// JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure DevOps…): one
// test suite and one test case per spec, one <failure> per finding. Characters XML 1.0
// cannot hold are dropped, and everything else is escaped.

import type { Finding } from "../core/types.js";
import { countBySeverity, type FileReport, type Formatter } from "./types.js";

export const junit: Formatter = (reports) => {
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="jointspec" tests="${reports.length}" failures="${reports.filter((r) => r.findings.length > 0).length}" errors="0">`];
  for (const report of reports) out.push(...suite(report));
  out.push(`</testsuites>`);
  return `${out.join("\n")}\n`;
};

function suite(report: FileReport): string[] {
  const name = attribute(report.path);
  const failed = report.findings.length > 0 ? 1 : 0;
  const lines = [
    `  <testsuite name="${name}" tests="1" failures="${failed}" errors="0" skipped="0">`,
    `    <testcase name="${attribute(report.title ?? report.path)}" classname="${name}" file="${name}">`,
    ...report.findings.map((finding) => failure(report, finding)),
    `    </testcase>`,
  ];
  const counts = countBySeverity([report]);
  if (failed) lines.push(`    <system-out>${text(`${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info(s)`)}</system-out>`);
  lines.push(`  </testsuite>`);
  return lines;
}

function failure(report: FileReport, finding: Finding): string {
  const where = `${report.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  return `      <failure message="${attribute(finding.message)}" type="${attribute(`${finding.severity} ${finding.ruleId}`)}">${text(`${where} ${finding.severity} ${finding.message} (${finding.ruleId})`)}</failure>`;
}

// XML 1.0 allows tab, LF, CR and the printable ranges; anything else cannot be written at all.
function xmlSafe(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}
