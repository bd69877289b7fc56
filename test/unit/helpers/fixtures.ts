// Reads fixture files and the findings they expect, marked inline as comments (the markers
// are read by ./expect-markers.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Finding } from "../../../src/core/types.js";

export { expectedFindings } from "./expect-markers.js";

export const REPO = resolve(__dirname, "../../../..");
export const FIXTURES = join(REPO, "test/fixtures");

/**
 * The day the tests lint as of (LintOptions.today, JOINTSPEC_TODAY for the CLI), so that no
 * result depends on the day they run: after every date the fixtures give as past (reviews
 * approved, sign-offs given). A fixture about a date in the future uses one after it.
 */
export const FIXTURE_TODAY = "2027-12-31";

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
