// Reads fixture files and the findings they expect, marked inline as comments:
//   value   # expect: rule-id@column[, other-rule@column]   (a finding starts on this line)
//   # expect-next-line: rule-id@column                       (for lines that cannot hold a comment)
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Finding } from "../../../src/core/types.js";

export const REPO = resolve(__dirname, "../../../..");
export const FIXTURES = join(REPO, "test/fixtures");

/** "rule@line:column" for every marker in the text, 1-based, sorted. */
export function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const marker = /#\s*expect(-next-line)?:\s*(.+)$/.exec(line);
    if (!marker) return;
    const lineNumber = index + 1 + (marker[1] ? 1 : 0);
    for (const item of marker[2]!.split(",")) {
      const [rule, column] = item.trim().split("@");
      expected.push(`${rule}@${lineNumber}:${column}`);
    }
  });
  return expected.sort();
}

/** The same shape for actual findings, for a deep-equal against the markers. */
export function actualFindings(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`).sort();
}

/** The fixture files in a folder, by name, with their text. */
export function fixturesIn(folder: string): { name: string; path: string; text: string }[] {
  const dir = join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name, path: join(dir, name), text: readFileSync(join(dir, name), "utf8") }));
}
