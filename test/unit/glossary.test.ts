import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGlossaryFile } from "../../src/core/config.js";
import { BUNDLED_ORIGIN, Glossary } from "../../src/core/glossary/glossary.js";
import { termAt } from "../../src/core/glossary/lookup.js";
import { lintSpec } from "../../src/core/lint.js";
import { REPO } from "./helpers/fixtures.js";

const bundled = Glossary.bundled();
const words = (text: string, glossary = bundled): string[] => glossary.findTerms(text).map((m) => `${m.entry.term}=${text.slice(m.start, m.end)}`);

describe("glossary", () => {
  it("bundles at least 20 ambiguous and 20 jargon entries, DR and customer among them", () => {
    const ambiguous = bundled.entries.filter((e) => e.kind === "ambiguous");
    const jargon = bundled.entries.filter((e) => e.kind === "jargon");
    ok(ambiguous.length >= 20, `${ambiguous.length} ambiguous`);
    ok(jargon.length >= 20, `${jargon.length} jargon`);
    ok(bundled.entries.length >= 40);
    for (const term of ["DR", "customer", "conversion", "pipeline", "segment", "retention", "real time", "SQL", "SLA"]) {
      const entry = bundled.lookup(term);
      strictEqual(entry?.kind, "ambiguous", term);
      strictEqual(entry.report, true, `${term} is reported`);
      ok(entry.marketing?.meaning && entry.technology?.meaning, `${term} has both meanings`);
    }
    for (const everyday of ["lead", "event", "launch"]) strictEqual(bundled.lookup(everyday)?.report ?? false, false, `${everyday} is hover-only`);
    ok(bundled.entries.every((e) => e.origin === BUNDLED_ORIGIN));
  });

  it("no two entries share a spelling", () => {
    const seen = new Map<string, string>();
    for (const entry of bundled.entries) {
      for (const spelling of [entry.term, ...(entry.aliases ?? [])]) {
        const key = spelling.toLowerCase();
        ok(!seen.has(key), `"${spelling}" in ${entry.term} and ${seen.get(key)}`);
        seen.set(key, entry.term);
      }
    }
  });

  const MATCHES: [text: string, expected: string[]][] = [
    ["Personalised DR emails", ["DR=DR"]],
    ["Dr Reyes will drive the DRM work", []],
    ["Our customers and their customer's data", ["customer=customers", "customer=customer"]],
    ["near real-time and realtime feeds, or real\ntime", ["real time=real-time", "real time=realtime", "real time=real\ntime"]],
    ["SQL counts, sql typed in lower case", ["SQL=SQL"]],
    ["SLAs for the API", ["SLA=SLAs", "API=API"]],
    ["pipelined work", []],
  ];
  for (const [text, expected] of MATCHES) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => deepStrictEqual(words(text), expected));
  }

  it("a workspace glossary adds terms and replaces bundled entries", () => {
    const file = join(REPO, "examples/glossary/acme.glossary.yaml");
    const parsed = parseGlossaryFile(readFileSync(file, "utf8"), file);
    ok(parsed.ok);
    const glossary = bundled.extend(parsed.value);
    strictEqual(glossary.lookup("Northstar")?.origin, file);
    strictEqual(glossary.lookup("lead")?.origin, file, "Acme's lead replaces the bundled one");
    strictEqual(glossary.entries.filter((e) => e.term.toLowerCase() === "lead").length, 1);
    strictEqual(bundled.lookup("Northstar"), undefined, "the bundled glossary is unchanged");
  });

  it("reports a broken glossary file with a position", () => {
    const parsed = parseGlossaryFile("jointspec-glossary: 1\nterms:\n  - term: DR\n    kind: vague\n    example: x\n", "g.yaml");
    ok(!parsed.ok);
    deepStrictEqual(
      parsed.problems.map((p) => [p.range.start.line, p.range.start.character]),
      [[3, 10]],
    );
  });
});

describe("termAt (hover look-up)", () => {
  const text = readFileSync(join(REPO, "test/fixtures/design-example.campaign.yaml"), "utf8");
  const { analysis } = lintSpec(text);
  const at = (needle: string, occurrence = 0) => {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    return analysis.parsed.lines.positionAt(index + 1);
  };

  it("explains DR in the summary, with the meaning the spec pinned", () => {
    const found = termAt(analysis, at("DR emails"));
    strictEqual(found?.entry.term, "DR");
    strictEqual(found.written, "DR");
    deepStrictEqual(found.pinned, { value: "direct response", side: "marketing" });
    strictEqual(found.onPin, false);
    deepStrictEqual(found.range, { start: { line: 4, character: 58 }, end: { line: 4, character: 60 } });
  });

  it("explains the pin itself under glossary:", () => {
    const found = termAt(analysis, at("DR: direct"));
    strictEqual(found?.entry.term, "DR");
    strictEqual(found.onPin, true);
  });

  it("says nothing in ids, keys and enum values", () => {
    strictEqual(termAt(analysis, at("id: spring")), undefined);
    strictEqual(termAt(analysis, at("approved")), undefined);
    strictEqual(termAt(analysis, at("source: warehouse")), undefined);
  });

  it("finds jargon in lists of systems", () => {
    strictEqual(termAt(analysis, at("CDP, ESP, data"))?.entry.term, "CDP");
  });
});

// Issue 13: terms are found in what a scalar says, at the source text that says it.
describe("terms in free text, read as the scalar means it", () => {
  const spanned = (text: string): string[] => lintSpec(text).analysis.terms.map((t) => `${t.entry.term}=${text.slice(t.start, t.end)}`);

  it("reads double-quoted escapes, and spans the escape in the source", () => {
    deepStrictEqual(spanned('jointspec: 1\nsummary: "per\\nsegment, Real\\u0020time, \\x73egment"\n'), [
      "segment=segment",
      "real time=Real\\u0020time",
      "segment=\\x73egment",
    ]);
  });

  it("joins the lines of an escaped line break, with no space between them", () => {
    deepStrictEqual(spanned('jointspec: 1\nsummary: "a seg\\\n  ment and a DR\\\n  drill"\n'), ["segment=seg\\\n  ment"]);
  });

  it("skips a block scalar's header comment, URLs, mailto: and email addresses", () => {
    const text = [
      "jointspec: 1",
      "summary: >-   # the DR wording",
      "  See https://wiki.example.com/Customer-Preference-Centre, mailto:segment@example.com,",
      "  sql.team@example.com and www.example.com/retention; the customer decides.",
      "",
    ].join("\n");
    deepStrictEqual(spanned(text), ["customer=customer"]);
  });
});

// A pin the text contradicts (ambiguous-term's "contradicted" finding): the cue words of the
// glossary's meanings, weighed in the clause around each use of the term, a few words each side.
describe("cue words: a pin the text contradicts", () => {
  const spec = (summary: string, pin: string): string =>
    `jointspec: 1\nid: cue-check\ntitle: Cue check\nstatus: draft\nsummary: ${summary}\nglossary:\n  ${pin}\n`;
  const contradictions = (summary: string, pin: string): string[] =>
    lintSpec(spec(summary, pin))
      .findings.filter((f) => f.ruleId === "ambiguous-term")
      .map((f) => f.message);

  it("every reported ambiguous entry of the bundled glossary gives each meaning a few cues", () => {
    for (const entry of Glossary.bundled().entries.filter((e) => e.kind === "ambiguous" && e.report)) {
      for (const side of ["marketing", "technology"] as const) ok((entry[side]?.cues?.length ?? 0) >= 4, `${entry.term}: ${side} has cues`);
    }
  });

  const CASES: { summary: string; pin: string; reads?: RegExp }[] = [
    // Technology's meaning in the text, marketing's pinned, and the other way round.
    {
      summary: "Platform runs the DR failover drill before the sale.",
      pin: "DR: direct response",
      reads: /"DR" is pinned as direct response, but ".*DR failover drill.*" reads as disaster recovery \(failover\)/,
    },
    { summary: "Send DR mailers with a coupon to lapsed members.", pin: "DR: disaster recovery", reads: /reads as direct response \(mailers and coupon\)/ },
    {
      summary: "Keep logs under the retention policy and purge backups.",
      pin: "retention: customer retention",
      reads: /reads as data retention \(logs, purge and backups\)/,
    },
    { summary: "Run the SQL query against the orders table.", pin: "SQL: sales-qualified lead", reads: /reads as Structured Query Language \(query\)/ },
    { summary: "Set the DR RTO to one hour.", pin: "DR: marketing", reads: /reads as disaster recovery \(RTO\)/ },
    // Silence: the text agrees, says nothing, is a tie, or its cues are elsewhere.
    { summary: "Send DR mailers with a coupon to lapsed members.", pin: "DR: direct response" },
    { summary: "The DR budget is approved.", pin: "DR: direct response" },
    { summary: "The DR offer page has a failover copy.", pin: "DR: direct response" },
    { summary: "Print by the backup date, and send the DR pack in March.", pin: "DR: direct response" },
    { summary: "One outage letter went out well before this DR run.", pin: "DR: direct response" },
    { summary: "Set the DR rto to one hour.", pin: "DR: direct response" },
    { summary: "Platform runs the DR failover drill.", pin: "DR: our own words for it" },
  ];
  for (const { summary, pin, reads } of CASES) {
    it(`${pin} | ${summary} -> ${reads ? "reported" : "silent"}`, () => {
      const messages = contradictions(summary, pin);
      if (reads) {
        strictEqual(messages.length, 1, messages.join("\n"));
        ok(reads.test(messages[0]!), messages[0]);
      } else deepStrictEqual(messages, []);
    });
  }

  it("reports one finding per pin, at the first use the cues contradict, with the pin related", () => {
    const text = spec("The DR budget is set. Platform runs the DR failover drill, then a DR restore test.", "DR: direct response");
    const findings = lintSpec(text).findings.filter((f) => f.ruleId === "ambiguous-term");
    strictEqual(findings.length, 1);
    strictEqual(findings[0]!.range.start.character, "summary: The DR budget is set. Platform runs the ".length);
    ok(findings[0]!.related?.[0]?.message.includes("pinned as direct response"));
  });
});
