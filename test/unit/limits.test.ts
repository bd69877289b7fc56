import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { limitsOf, parseConfig, parseGlossaryFile } from "../../src/core/config.js";
import { checkSpecSize, lintSpec, type LintOptions } from "../../src/core/lint.js";
import { lintBytes } from "../../src/core/lint-bytes.js";
import { DEFAULT_LIMITS, formatSize, KB, MB, parseSize, sizeAgainstLimit, utf8Length } from "../../src/core/limits.js";
import { buildPreviewModel } from "../../src/preview/model/build.js";
import { actualFindings } from "./helpers/fixtures.js";

// Size limits and the bounds on every error path: big inputs are generated here, in memory,
// and each case asserts the exact findings (rule, position, message) and how many there are.

const HEAD = "jointspec: 1\nid: bad-kpis\ntitle: Bad KPIs\nstatus: draft\n";
/** A spec of `count` KPIs, each breaking the schema four ways and kpi-measurable once. */
const badKpis = (count: number): string =>
  `${HEAD}kpis:\n${Array.from({ length: count }, (_, i) => `  - id: K${i}\n    nam: x\n    owners: [sales]\n`).join("")}`;
/** Plain text that grows a valid spec to at least `bytes`. */
const padded = (bytes: number, line = "  - The loyalty relaunch keeps members informed about rewards and tiers.\n"): string =>
  `${HEAD}x-notes:\n${line.repeat(Math.ceil(bytes / line.length))}`;
const tooLargeMessage = (size: string, limit: string): string =>
  `This spec is ${size}, over the limit of ${limit} for specs, so JointSpec did not read or check it. A spec is a few hundred lines; split this file, or raise limits.specSize in .jointspec.yaml if it really is one spec.`;
const omittedMessage = (count: string, rule: string): string =>
  `${count} more ${rule} findings in this file are not shown: JointSpec reports at most 100 of each rule per file. Fix the ones shown, then lint again.`;

describe("limits", () => {
  describe("sizes as written", () => {
    const CASES: [written: string | number, bytes: number | undefined][] = [
      ["2 MB", 2 * MB],
      ["2MB", 2 * MB],
      ["512 KB", 512 * KB],
      ["1.5 MB", 1.5 * MB],
      ["2000000", 2_000_000],
      [2_000_000, 2_000_000],
      ["100 B", 100],
      ["0 KB", undefined],
      [0, undefined],
      [1.5, undefined],
      ["1 GB", undefined],
      ["big", undefined],
      ["-1 MB", undefined],
    ];
    for (const [written, bytes] of CASES) {
      it(`${JSON.stringify(written)} is ${bytes ?? "not a size"}`, () => {
        strictEqual(parseSize(written), bytes);
        // The config file accepts exactly the sizes parseSize reads.
        const config = parseConfig(`limits:\n  specSize: ${typeof written === "string" ? JSON.stringify(written) : written}\n`);
        if (bytes === undefined) {
          ok(!config.ok);
          deepStrictEqual(
            config.problems.map((p) => [p.range.start.line, p.range.start.character]),
            [[1, 12]],
          );
          strictEqual(
            config.problems[0]!.message,
            `limits.specSize must be a size such as 1 MB, 512 KB or 2000000 (bytes), more than zero, not ${typeof written === "string" ? JSON.stringify(written) : written}.`,
          );
        } else {
          ok(config.ok);
          deepStrictEqual(limitsOf(config.value), { specSize: bytes, glossarySize: DEFAULT_LIMITS.glossarySize });
        }
      });
    }

    it("are shown so that a size and its limit never look the same", () => {
      deepStrictEqual([900, 2048, 1536, 52_430_325].map(formatSize), ["900 bytes", "2 KB", "1.5 KB", "50 MB"]);
      deepStrictEqual(sizeAgainstLimit(3 * MB, 2 * MB), { size: "3 MB", limit: "2 MB" });
      deepStrictEqual(sizeAgainstLimit(2 * MB + 1, 2 * MB), { size: "2097153 bytes", limit: "2097152 bytes" });
    });

    it("count UTF-8 bytes as the file holds them", () => {
      for (const text of ["plain", "café", "€ 100", "🎉 launch", "lone \ud800 surrogate", ""]) strictEqual(utf8Length(text), Buffer.byteLength(text), text);
    });
  });

  describe("a spec over the limit", () => {
    const summary = `${HEAD}summary: ${"x".repeat(2000)}\n`;
    // 700,000 euro signs are 2.1 MB of UTF-8 in 0.7 million UTF-16 code units.
    const euros = `${HEAD}summary: ${"€".repeat(700_000)}\n`;
    const CASES: { name: string; text: () => string; options: LintOptions; expected: string[]; message?: string }[] = [
      {
        name: "3 MB of valid YAML, default limit",
        text: () => padded(3 * MB),
        options: {},
        expected: ["spec-size@1:1"],
        message: tooLargeMessage("3 MB", "2 MB"),
      },
      {
        name: "a limit one byte below the text",
        text: () => summary,
        options: { maxSpecSize: summary.length - 1 },
        expected: ["spec-size@1:1"],
        message: tooLargeMessage(`${summary.length} bytes`, `${summary.length - 1} bytes`),
      },
      {
        name: "a limit exactly the text's size",
        text: () => summary,
        options: { maxSpecSize: summary.length },
        expected: ["owners-both-functions@1:1", "owners-both-functions@1:1", "security-review@1:1", "shared-kpi@1:1"],
      },
      {
        name: "multi-byte text under the limit in characters, over it in bytes",
        text: () => euros,
        options: {},
        expected: ["spec-size@1:1"],
        message: tooLargeMessage(`${Buffer.byteLength(euros)} bytes`, `${2 * MB} bytes`),
      },
      { name: "broken YAML is not even parsed", text: () => `${padded(3 * MB)}x-end: [unclosed\n\tbad: tab\n`, options: {}, expected: ["spec-size@1:1"] },
      { name: "a warning when configured so", text: () => padded(3 * MB), options: { severities: { "spec-size": "warning" } }, expected: ["spec-size@1:1"] },
      { name: "nothing when the rule is off, and still not read", text: () => padded(3 * MB), options: { severities: { "spec-size": "off" } }, expected: [] },
    ];
    for (const { name, text, options, expected, message } of CASES) {
      it(name, () => {
        const result = lintSpec(text(), options);
        deepStrictEqual(actualFindings(result.findings), expected);
        if (message) strictEqual(result.findings[0]!.message, message);
        if (expected[0] === "spec-size@1:1") {
          strictEqual(result.findings[0]!.severity, options.severities?.["spec-size"] ?? "error");
          deepStrictEqual(result.findings[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
          strictEqual(result.analysis.parsed.document, undefined, "nothing was parsed");
        }
        if (options.severities?.["spec-size"] === "off") strictEqual(result.analysis.parsed.document, undefined, "nothing was parsed");
      });
    }

    it("the preview says why it shows nothing, even with the rule off", () => {
      for (const severities of [{}, { "spec-size": "off" as const }]) {
        const result = lintSpec(padded(3 * MB), { severities });
        const model = buildPreviewModel(result, { severities });
        strictEqual(model.readability, "none");
        strictEqual(
          model.notice,
          "This spec is 3 MB, over the limit of 2 MB for specs, so it was not read. Split it, or raise limits.specSize in .jointspec.yaml.",
        );
      }
    });

    it("bytes over the limit are not even decoded", () => {
      // Invalid UTF-8 would be a yaml-syntax finding, had the bytes been decoded.
      const bytes = new Uint8Array(3 * MB).fill(0x61);
      bytes[10] = 0xff;
      const result = lintBytes(bytes);
      deepStrictEqual(actualFindings(result.findings), ["spec-size@1:1"]);
      strictEqual(result.findings[0]!.message, tooLargeMessage("3 MB", "2 MB"));
      strictEqual(result.text, undefined);
    });

    it("a host that only knows a lower bound says so", () => {
      strictEqual(checkSpecSize(2 * MB, {}), undefined);
      strictEqual(checkSpecSize(5 * MB, { maxSpecSize: 1 * MB }, true)!.findings[0]!.message, tooLargeMessage("at least 5 MB", "1 MB"));
    });
  });

  describe("at most 100 findings of a rule per file", () => {
    const CASES: { name: string; text: () => string; counts: Record<string, number>; omitted: Record<string, string> }[] = [
      {
        // 20,000 KPIs, each with four schema places (no name, bad id, unknown key, bad owner) and one kpi-measurable finding.
        name: "20,000 schema-invalid KPIs",
        text: () => badKpis(20_000),
        counts: { schema: 101, "kpi-measurable": 101, "owners-both-functions": 2, "security-review": 1, "shared-kpi": 1 },
        omitted: { "kpi-measurable": "19,900", schema: "79,900" },
      },
      {
        name: "exactly 25 KPIs: 100 schema findings, none left out",
        text: () => badKpis(25),
        counts: { schema: 100, "kpi-measurable": 25, "owners-both-functions": 2, "security-review": 1, "shared-kpi": 1 },
        omitted: {},
      },
      {
        name: "26 KPIs: one more finding, and one that says so",
        text: () => badKpis(26),
        counts: { schema: 101, "kpi-measurable": 26, "owners-both-functions": 2, "security-review": 1, "shared-kpi": 1 },
        omitted: { schema: "4" },
      },
      {
        name: "5,000 duplicate keys",
        text: () => `${HEAD}x-notes:\n${Array.from({ length: 5000 }, (_, i) => `  - a: ${i}\n    a: ${i}\n`).join("")}`,
        counts: { "yaml-syntax": 101 },
        omitted: { "yaml-syntax": "4,900" },
      },
    ];
    for (const { name, text, counts, omitted } of CASES) {
      it(name, () => {
        const { findings } = lintSpec(text());
        const counted: Record<string, number> = {};
        for (const finding of findings) counted[finding.ruleId] = (counted[finding.ruleId] ?? 0) + 1;
        deepStrictEqual(counted, counts);
        const summaries = findings.filter((f) => / more .* findings in this file are not shown/.test(f.message));
        deepStrictEqual(
          summaries.map((f) => [f.ruleId, f.message, f.range.start.line, f.range.start.character]),
          Object.entries(omitted).map(([rule, count]) => [rule, omittedMessage(count, rule), 0, 0]),
        );
      });
    }

    it("keeps the first findings in the rule's order, at their places", () => {
      const schemaFindings = lintSpec(badKpis(20_000)).findings.filter((f) => f.ruleId === "schema" && !f.message.includes("not shown"));
      strictEqual(schemaFindings.length, 100);
      // Four places for each of the first 25 KPIs: kpis[0] starts on line 6, kpis[24].owners is on line 80.
      deepStrictEqual([Math.min(...schemaFindings.map((f) => f.range.start.line)), Math.max(...schemaFindings.map((f) => f.range.start.line))], [5, 79]);
      ok(schemaFindings.some((f) => f.message === 'Unknown key "nam" in kpis[0]. Did you mean "name"?'));
    });

    it("a suppression of a capped rule is not called unused: its finding may be among those only counted", () => {
      const text = badKpis(200).replace("  - id: K150\n", "  # jointspec-disable-next-line schema -- migrating old KPIs\n  - id: K150\n");
      const { findings } = lintSpec(text);
      deepStrictEqual(
        findings.filter((f) => f.ruleId === "suppression"),
        [],
      );
      // The same comment where nothing is capped, on a line without a finding, is unused.
      const unused = lintSpec(`${HEAD}# jointspec-disable-next-line schema -- migrating old KPIs\nsummary: fine\n`).findings.filter(
        (f) => f.ruleId === "suppression",
      );
      deepStrictEqual(
        unused.map((f) => f.message),
        ["This suppression of schema suppresses nothing; remove it, or the next time the problem appears it will be hidden."],
      );
    });
  });

  describe("words about bad input stay short", () => {
    const long = "x".repeat(100_000);
    const CASES: { name: string; text: string; message: string }[] = [
      {
        name: "a long enum value",
        text: `jointspec: 1\nid: a\ntitle: A\nstatus: ${long}\n`,
        message: `status must be one of draft, in-review, approved, live, retired, not "${"x".repeat(80)}…".`,
      },
      {
        name: "a long id",
        text: `jointspec: 1\nid: ${long.toUpperCase()}\ntitle: A\nstatus: draft\n`,
        message: `id must be kebab-case (lowercase words joined by hyphens, such as spring-loyalty-relaunch), not "${"X".repeat(80)}…".`,
      },
      {
        name: "a long unknown key",
        text: `jointspec: 1\nid: a\ntitle: A\nstatus: draft\n? ${long}\n: 1\n`,
        message: `Unknown key "${"x".repeat(80)}…" in the spec. Remove it, or prefix it with x- to keep it as your own.`,
      },
    ];
    for (const { name, text, message } of CASES) {
      it(name, () => {
        const schema = lintSpec(text).findings.filter((f) => f.ruleId === "schema");
        strictEqual(schema.length, 1);
        strictEqual(schema[0]!.message, message);
      });
    }
  });

  describe("glossary and config files", () => {
    const entries = (count: number): string =>
      `jointspec-glossary: 1\nterms:\n${Array.from({ length: count }, (_, i) => `  - term: term${i}\n    kind: jargon\n`).join("")}`;

    it("a glossary file over its limit is one problem, unparsed", () => {
      const text = entries(100_000);
      const parsed = parseGlossaryFile(text, "big.glossary.yaml");
      ok(!parsed.ok);
      deepStrictEqual(parsed.problems, [
        {
          message:
            "This glossary file is 3.5 MB, over the limit of 1 MB for glossary files, so its entries were not loaded. Split it, or raise limits.glossarySize in .jointspec.yaml if it really is one glossary.",
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ]);
      strictEqual(parsed.more, 0);
    });

    it("20,000 entries without an example fail with 100 problems and a count of the rest", () => {
      const parsed = parseGlossaryFile(entries(20_000), "bad.glossary.yaml");
      ok(!parsed.ok);
      strictEqual(parsed.problems.length, 100);
      strictEqual(parsed.more, 19_900);
      deepStrictEqual(parsed.problems[0], {
        message: "terms[0] has no marketing.",
        range: { start: { line: 2, character: 4 }, end: { line: 2, character: 15 } },
      });
      deepStrictEqual(parsed.problems[99]!.range.start, { line: 200, character: 4 });
    });

    it("a config file over 1 MB is one problem", () => {
      const parsed = parseConfig(`# ${"padding ".repeat(140_000)}\n`);
      ok(!parsed.ok);
      deepStrictEqual(
        parsed.problems.map((p) => p.message),
        ["This config file is 1.1 MB, over the 1 MB a .jointspec.yaml may be (it is a dozen lines of settings), so it was not read."],
      );
    });
  });
});
