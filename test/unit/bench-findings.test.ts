import { deepStrictEqual, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO } from "./helpers/fixtures.js";

// The bench corpus's findings are a contract for optimisations (issue 6): the built CLI must
// find exactly what bench/expected-findings.json records, spec by spec, rule@line:column.
// The corpus is regenerated from its seed into a temporary folder, and must hash as recorded.
// After a deliberate change to the findings, rewrite the file with node bench/findings.mjs --write.

interface Findings {
  seed: number;
  corpusHash: string;
  files: Record<string, string[]>;
}
interface FindingsModule {
  EXPECTED_FILE: string;
  currentFindings(seed: number): Findings;
  differences(expected: Record<string, string[]>, actual: Record<string, string[]>): { path: string; expected?: string[]; actual?: string[] }[];
}

describe("bench corpus findings", () => {
  it("the CLI finds exactly what bench/expected-findings.json records, on a corpus with the recorded hash", async function () {
    this.timeout(90_000);
    const bench = (await import(pathToFileURL(join(REPO, "bench/findings.mjs")).href)) as FindingsModule;
    const expected = JSON.parse(readFileSync(bench.EXPECTED_FILE, "utf8")) as Findings;
    const current = bench.currentFindings(expected.seed);
    strictEqual(current.corpusHash, expected.corpusHash, "bench/generate.mjs no longer makes the recorded corpus");
    strictEqual(Object.keys(current.files).length, Object.keys(expected.files).length);
    // The first few differing specs, not a diff of a thousand entries.
    deepStrictEqual(bench.differences(expected.files, current.files).slice(0, 5), []);
  });
});
