import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
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
interface CorpusFile {
  path: string;
  text: string;
  heavy: boolean;
  problems: string[];
}
interface GenerateModule {
  DEFAULT_SEED: number;
  HEAVY_EVERY: number;
  HEAVY_GLOSSARY_TERMS: string[];
  buildCorpus(seed?: number, options?: { kind?: string }): { seed: number; kind: string; files: CorpusFile[]; hash: string };
}

const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(REPO, file)).href)) as T;

describe("bench corpus findings", () => {
  it("the CLI finds exactly what bench/expected-findings.json records, on a corpus with the recorded hash", async function () {
    this.timeout(90_000);
    const bench = await load<FindingsModule>("bench/findings.mjs");
    const expected = JSON.parse(readFileSync(bench.EXPECTED_FILE, "utf8")) as Findings;
    const current = bench.currentFindings(expected.seed);
    strictEqual(current.corpusHash, expected.corpusHash, "bench/generate.mjs no longer makes the recorded corpus");
    strictEqual(Object.keys(current.files).length, Object.keys(expected.files).length);
    // The first few differing specs, not a diff of a thousand entries.
    deepStrictEqual(bench.differences(expected.files, current.files).slice(0, 5), []);
  });
});

// Issue 10: the budgets must hold on specs like real teams write, so a quarter of the corpus is
// "heavy" and bench/expected-findings.json pins their findings too. These check that the heavy
// share still holds what makes it heavy, so that a change to the generator cannot quietly
// leave the fast path's hard cases out of the corpus and the pinned findings.
describe("bench corpus: the heavy share", () => {
  let generate: GenerateModule;
  let heavy: CorpusFile[];
  let others: CorpusFile[];
  let expected: Findings;
  before(async function () {
    this.timeout(30_000);
    generate = await load<GenerateModule>("bench/generate.mjs");
    const specs = generate.buildCorpus(generate.DEFAULT_SEED).files.filter((f) => f.path.startsWith("specs/"));
    heavy = specs.filter((f) => f.heavy);
    others = specs.filter((f) => !f.heavy);
    expected = JSON.parse(readFileSync(join(REPO, "bench/expected-findings.json"), "utf8")) as Findings;
  });

  it("is every fourth spec of the default corpus, and all of a heavy corpus", function () {
    this.timeout(30_000);
    strictEqual(heavy.length, 1000 / generate.HEAVY_EVERY);
    ok(heavy.every((f) => Number(/\/(\d{4})-/.exec(f.path)![1]) % generate.HEAVY_EVERY === generate.HEAVY_EVERY - 1));
    const all = generate.buildCorpus(generate.DEFAULT_SEED, { kind: "heavy" }).files.filter((f) => f.path.startsWith("specs/"));
    strictEqual(all.filter((f) => f.heavy).length, 1000);
    // Spec i is the same heavy spec in both kinds of corpus.
    deepStrictEqual(
      heavy.map((f) => f.text),
      heavy.map((f) => all.find((g) => g.path === f.path)!.text),
    );
  });

  it("writes long text in every style: block scalars of each indicator, quoted and plain over several lines", () => {
    const texts = heavy.map((f) => f.text);
    for (const header of [">", ">-", "|", "|-"]) {
      ok(texts.filter((t) => new RegExp(`^ *[\\w-]+: ${header.replace("|", "\\|")}( +#.*)?\\r?$`, "m").test(t)).length >= 20, `few heavy specs use ${header}`);
    }
    ok(
      texts.some((t) => /^summary: "[^"\n]*\r?\n {2}\S/m.test(t)),
      "no double-quoted summary over several lines",
    );
    ok(
      texts.some((t) => /^summary: '[^'\n]*\r?\n {2}\S/m.test(t)),
      "no single-quoted summary over several lines",
    );
    ok(
      texts.some((t) => /^summary: [A-Z][^"'\n]*\r?\n {2}\S/m.test(t)),
      "no plain summary over several lines",
    );
    // A blank line right after a block header, and blank lines inside block scalars holding only spaces.
    ok(
      texts.some((t) => /: [>|]-?\r?\n\r?\n/.test(t)),
      "no block scalar starting with a blank line",
    );
    ok(
      texts.some((t) => /\n {2}\S[^\n]*\n +\r?\n {2}\S/.test(t)),
      "no whitespace-only line inside a block scalar",
    );
  });

  it("has comments at many indents, trailing comments, CRLF files and files without a final newline", () => {
    const indents = new Set<number>();
    for (const f of heavy) for (const m of f.text.matchAll(/^( *)#/gm)) indents.add(m[1]!.length);
    ok(indents.size >= 6, `comment lines only at indents ${[...indents].join(", ")}`);
    ok(heavy.filter((f) => /\S {1,4}# /.test(f.text)).length >= 100, "few trailing comments");
    ok(
      heavy.some((f) => f.text.includes("\r\n")),
      "no CRLF spec",
    );
    ok(
      heavy.some((f) => !f.text.endsWith("\n")),
      "no spec without a final newline",
    );
    ok(
      others.every((f) => !f.text.includes("\r") && f.text.endsWith("\n")),
      "the other specs changed style",
    );
  });

  it("is dense with terms of the bundled glossary", () => {
    const glossary = parse(readFileSync(join(REPO, "glossary/jointspec.glossary.yaml"), "utf8")) as { terms: { term: string; aliases?: string[] }[] };
    const spellings = new Set(glossary.terms.flatMap((t) => [t.term, ...(t.aliases ?? [])]));
    deepStrictEqual(
      generate.HEAVY_GLOSSARY_TERMS.filter((term) => !spellings.has(term)),
      [],
      "HEAVY_GLOSSARY_TERMS names a term the glossary does not have",
    );
    const all = heavy.map((f) => f.text).join("\n");
    deepStrictEqual(
      generate.HEAVY_GLOSSARY_TERMS.filter((term) => !all.includes(term)),
      [],
      "a term of HEAVY_GLOSSARY_TERMS appears in no heavy spec",
    );
  });

  it("has several findings per spec, all of the rules' kinds and no YAML error, in the pinned findings", () => {
    // customer-kpi notes nearly every spec (the generator writes no KPI focus), so it says
    // nothing about how dense the planted problems are; it is left out of the counts.
    const findingsOf = (files: CorpusFile[]) => files.map((f) => expected.files[f.path]!.filter((finding) => !finding.startsWith("customer-kpi@")));
    const heavyFindings = findingsOf(heavy);
    const mean = (lists: string[][]) => lists.reduce((n, list) => n + list.length, 0) / lists.length;
    ok(mean(heavyFindings) >= 3, `heavy specs have ${mean(heavyFindings)} findings on average`);
    ok(mean(heavyFindings) > 3 * mean(findingsOf(others)));
    const rules = new Set(heavyFindings.flat().map((f) => f.split("@")[0]));
    deepStrictEqual([...rules].sort(), [
      "ambiguous-term",
      "joint-sign-off",
      "kpi-measurable",
      "owners-both-functions",
      "schema",
      "security-review",
      "security-review-gate",
      "shared-kpi",
      "stale-sign-off",
    ]);
    // Several unpinned terms and several unmeasurable KPIs in one spec.
    ok(heavyFindings.some((list) => list.filter((f) => f.startsWith("ambiguous-term@")).length >= 3));
    ok(heavyFindings.some((list) => list.filter((f) => f.startsWith("kpi-measurable@")).length >= 4));
    // A clean heavy spec draws no finding, though its comments name reported terms.
    const clean = heavy.filter((f) => f.problems.length === 0);
    ok(clean.length > 0 && findingsOf(clean).every((list) => list.length === 0));
    ok(clean.some((f) => /#.*\b(DR|SLA|customer|segment)\b/.test(f.text)));
    strictEqual(
      Object.values(expected.files)
        .flat()
        .filter((f) => f.startsWith("yaml-syntax@")).length,
      0,
    );
  });
});
