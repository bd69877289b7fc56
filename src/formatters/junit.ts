// JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure DevOps…): one
// test suite and one test case per spec. A test fails exactly when the run's exit code says
// so: each finding at or above --fail-severity is a <failure>; findings below it are listed
// in the test case's <system-out>, and the test passes. With --max-warnings, one more test
// checks the number of warnings. Characters XML 1.0 cannot hold are dropped, and everything
// else is escaped.

import type { Finding } from "../core/types.js";
import { countBySeverity, failsAt, type FileReport, type FormatContext, type Formatter } from "./types.js";

export const junit: Formatter = (reports, context) => {
  const suites = reports.map((report) => suite(report, context));
  const warningLimit = context.maxWarnings >= 0 ? [warningSuite(countBySeverity(reports).warning, context.maxWarnings)] : [];
  const all = [...suites, ...warningLimit];
  const failed = all.filter((s) => s.failed).length;
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="jointspec" tests="${all.length}" failures="${failed}" errors="0">`];
  for (const s of all) out.push(...s.lines);
  out.push(`</testsuites>`);
  return `${out.join("\n")}\n`;
};

interface Suite {
  failed: boolean;
  lines: string[];
}

function suite(report: FileReport, context: FormatContext): Suite {
  const name = attribute(report.path);
  const failures = report.findings.filter((finding) => failsAt(finding.severity, context.failSeverity));
  const passing = report.findings.filter((finding) => !failsAt(finding.severity, context.failSeverity));
  const failed = failures.length > 0;
  const lines = [
    `  <testsuite name="${name}" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="0">`,
    `    <testcase name="${attribute(report.title ?? report.path)}" classname="${name}" file="${name}">`,
    ...failures.map((finding) => failure(report, finding)),
  ];
  // Findings that do not fail the run are still worth reading: they go with the test's output.
  if (passing.length > 0) lines.push(`      <system-out>${text(passing.map((finding) => describe(report, finding)).join("\n"))}</system-out>`);
  lines.push(`    </testcase>`);
  if (report.findings.length > 0) {
    const counts = countBySeverity([report]);
    const rule = `failing on ${context.failSeverity}${context.failSeverity === "info" ? "" : " or worse"}`;
    lines.push(`    <system-out>${text(`${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info(s); ${rule}`)}</system-out>`);
  }
  lines.push(`  </testsuite>`);
  return { failed, lines };
}

// --max-warnings fails the run on the total, which no single spec's test can show.
function warningSuite(warnings: number, limit: number): Suite {
  const failed = warnings > limit;
  const name = attribute(`at most ${limit} warning(s) (--max-warnings)`);
  const lines = [
    `  <testsuite name="--max-warnings" tests="1" failures="${failed ? 1 : 0}" errors="0" skipped="0">`,
    `    <testcase name="${name}" classname="jointspec">`,
    ...(failed ? [`      <failure message="${attribute(`${warnings} warnings, more than --max-warnings ${limit}`)}" type="max-warnings"/>`] : []),
    `      <system-out>${text(`${warnings} warning(s)`)}</system-out>`,
    `    </testcase>`,
    `  </testsuite>`,
  ];
  return { failed, lines };
}

function failure(report: FileReport, finding: Finding): string {
  return `      <failure message="${attribute(finding.message)}" type="${attribute(`${finding.severity} ${finding.ruleId}`)}">${text(describe(report, finding))}</failure>`;
}

function describe(report: FileReport, finding: Finding): string {
  const where = `${report.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  return `${where} ${finding.severity} ${finding.message} (${finding.ruleId})`;
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
