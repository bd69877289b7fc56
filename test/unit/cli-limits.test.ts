import { deepStrictEqual, doesNotMatch, strictEqual } from "node:assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUNNERS, type CliRun } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

// The CLI on input too large or too broken to read in full: size limits from the defaults
// and from .jointspec.yaml, glossary and config files over theirs, and the cap on findings.
// Every file is generated into a temporary folder; both runners (in-process and the built
// bin) see the same cases.

const KB = 1024;
const MB = 1024 * KB;
const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");
const NOTE = "  - The loyalty relaunch keeps members informed about rewards and tiers.\n";
/** A valid spec of exactly `bytes` bytes. */
const specOf = (bytes: number): string => {
  const start = `${design}x-notes:\n`;
  const body = NOTE.repeat(Math.floor((bytes - start.length) / NOTE.length));
  return `${start}${body}  - ${"x".repeat(bytes - start.length - body.length - 5)}\n`;
};
const badEntries = (count: number): string =>
  `jointspec-glossary: 1\nterms:\n${Array.from({ length: count }, (_, i) => `  - term: term${i}\n    kind: jargon\n`).join("")}`;
const specTooLarge = (size: string, limit: string): string =>
  `This spec is ${size}, over the limit of ${limit} for specs, so JointSpec did not read or check it. A spec is a few hundred lines; split this file, or raise limits.specSize in .jointspec.yaml if it really is one spec.`;

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}
const findingsOf = (run: CliRun): { filePath: string; findings: Finding[] }[] => JSON.parse(run.stdout) as { filePath: string; findings: Finding[] }[];

interface Case {
  name: string;
  args: string[];
  code: number;
  stdout?: string;
  stderr?: string;
  check?: (run: CliRun) => void;
}

const CASES: Case[] = [
  {
    name: "a 3 MB spec: one spec-size finding at 1:1, in stylish",
    args: ["lint", "big.campaign.yaml", "--no-color"],
    code: 1,
    stdout: `big.campaign.yaml\n  1:1  error  ${specTooLarge("3 MB", "2 MB")}  spec-size\n\n✖ 1 problem (1 error, 0 warnings, 0 infos) in 1 of 1 spec\n`,
    stderr: "",
  },
  {
    name: "a 3 MB spec in json",
    args: ["lint", "big.campaign.yaml", "--format", "json"],
    code: 1,
    check: (run) =>
      deepStrictEqual(
        findingsOf(run)[0]!.findings.map((f) => ({ ...f })),
        [{ ruleId: "spec-size", severity: "error", message: specTooLarge("3 MB", "2 MB"), line: 1, column: 1, endLine: 1, endColumn: 1 }],
      ),
  },
  {
    // A sparse file: 3 GB on paper, nothing on disk. Node cannot even read a file past 2 GB into one buffer.
    name: "a 3 GB spec is answered from its size",
    args: ["lint", "huge.campaign.yaml", "--format", "json"],
    code: 1,
    check: (run) =>
      deepStrictEqual(
        findingsOf(run)[0]!.findings.map((f) => [f.ruleId, f.line, f.column, f.message]),
        [["spec-size", 1, 1, specTooLarge("3072 MB", "2 MB")]],
      ),
  },
  {
    name: "a folder walk lints an oversized file with a jointspec key in its head, and skips one without",
    args: ["lint", "walk", "--format", "json"],
    code: 1,
    check: (run) =>
      deepStrictEqual(
        findingsOf(run).map((file) => [file.filePath, file.findings.map((f) => f.ruleId)]),
        [["walk/other.yaml", ["spec-size"]]],
      ),
  },
  {
    name: "the config's limits.specSize applies",
    args: ["lint", "small-limit/two-kb.campaign.yaml", "--format", "json"],
    code: 1,
    check: (run) =>
      deepStrictEqual(
        findingsOf(run)[0]!.findings.map((f) => [f.ruleId, f.message]),
        [["spec-size", specTooLarge("2 KB", "1 KB")]],
      ),
  },
  {
    name: "the rule's severity applies to an oversized spec",
    args: ["lint", "big.campaign.yaml", "--format", "json", "--config", "warn-only.yaml"],
    code: 0,
    check: (run) =>
      deepStrictEqual(
        findingsOf(run)[0]!.findings.map((f) => [f.ruleId, f.severity]),
        [["spec-size", "warning"]],
      ),
  },
  {
    name: "--print-config shows the limits in force, in bytes",
    args: ["--print-config", "small-limit/two-kb.campaign.yaml"],
    code: 0,
    check: (run) => deepStrictEqual((JSON.parse(run.stdout) as { limits: unknown }).limits, { specSize: 1024, glossarySize: 1 * MB }),
  },
  {
    name: "a glossary file over its limit: one error naming it, from its size",
    args: ["lint", "gloss-big/a.campaign.yaml"],
    code: 2,
    stdout: "",
    stderr:
      "jointspec: gloss-big/big.glossary.yaml (named in gloss-big/.jointspec.yaml): This glossary file is 1.5 MB, over the limit of 1 MB for glossary files, so its entries were not loaded. Split it, or raise limits.glossarySize in .jointspec.yaml if it really is one glossary.\n",
  },
  {
    name: "the same glossary under a raised limit: its first 100 problems and a count of the others",
    args: ["lint", "gloss-raised/a.campaign.yaml"],
    code: 2,
    stdout: "",
    check: (run) => {
      const lines = run.stderr.trimEnd().split("\n");
      strictEqual(lines.length, 101);
      strictEqual(lines[0], "jointspec: gloss-raised/big.glossary.yaml:3:5: terms[0] has no marketing.");
      strictEqual(lines[99], "jointspec: gloss-raised/big.glossary.yaml:201:5: terms[99] has no marketing.");
      strictEqual(lines[100], "jointspec: gloss-raised/big.glossary.yaml: and 19900 more problems");
    },
  },
  {
    name: "a limit that is not a size",
    args: ["lint", "bad-limit/a.campaign.yaml"],
    code: 2,
    stderr: 'jointspec: bad-limit/.jointspec.yaml:2:13: limits.specSize must be a size such as 1 MB, 512 KB or 2000000 (bytes), more than zero, not "big".\n',
  },
  {
    name: "a config file over 1 MB",
    args: ["lint", "big-config/a.campaign.yaml"],
    code: 2,
    stderr:
      "jointspec: big-config/.jointspec.yaml: This config file is 1.1 MB, over the 1 MB a .jointspec.yaml may be (it is a dozen lines of settings), so it was not read.\n",
  },
  {
    name: "20,000 schema-invalid KPIs: at most 100 findings of a rule, and one that counts the rest",
    args: ["lint", "bad-kpis.campaign.yaml", "--format", "json"],
    code: 1,
    check: (run) => {
      const findings = findingsOf(run)[0]!.findings;
      const counts: Record<string, number> = {};
      for (const finding of findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
      deepStrictEqual(counts, { "kpi-measurable": 101, "owners-both-functions": 2, schema: 101, "security-review": 1, "shared-kpi": 1 });
      deepStrictEqual(
        findings.filter((f) => f.message.includes("not shown")).map((f) => [f.ruleId, f.line, f.column, f.message.split(":")[0]]),
        [
          ["kpi-measurable", 1, 1, "19,900 more kpi-measurable findings in this file are not shown"],
          ["schema", 1, 1, "79,900 more schema findings in this file are not shown"],
        ],
      );
    },
  },
  {
    name: "SARIF carries the spec-size finding and the rule",
    args: ["lint", "big.campaign.yaml", "--format", "sarif"],
    code: 1,
    check: (run) => {
      const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
      deepStrictEqual(
        sarif.runs[0]!.results.map((r) => r.ruleId),
        ["spec-size"],
      );
      strictEqual(sarif.runs[0]!.tool.driver.rules[0]!.id, "spec-size");
    },
  },
];

describe("jointspec CLI on big and broken input", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "jointspec-limits-"));
    const write = (path: string, text: string): void => {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write("big.campaign.yaml", specOf(3 * MB));
    write("huge.campaign.yaml", "");
    truncateSync(join(dir, "huge.campaign.yaml"), 3 * 1024 * MB);
    write("walk/data.yaml", `rows:\n${"  - 1\n".repeat((3 * MB) / 6)}jointspec: 1\n`);
    write("walk/other.yaml", specOf(3 * MB).replace("x-notes:", "x-note:"));
    write("small-limit/.jointspec.yaml", "limits:\n  specSize: 1 KB\n");
    write("small-limit/two-kb.campaign.yaml", specOf(2 * KB));
    write("warn-only.yaml", "rules:\n  spec-size: warning\n");
    // 20,000 entries without an example (740 KB), padded with a comment to 1.5 MB.
    const glossary = badEntries(20_000);
    const bigGlossary = `${glossary}#${"x".repeat(1.5 * MB - glossary.length - 2)}\n`;
    for (const folder of ["gloss-big", "gloss-raised"]) {
      write(`${folder}/big.glossary.yaml`, bigGlossary);
      write(`${folder}/a.campaign.yaml`, design);
    }
    write("gloss-big/.jointspec.yaml", "glossary: [big.glossary.yaml]\n");
    write("gloss-raised/.jointspec.yaml", "glossary: [big.glossary.yaml]\nlimits:\n  glossarySize: 2 MB\n");
    write("bad-limit/.jointspec.yaml", "limits:\n  specSize: big\n");
    write("bad-limit/a.campaign.yaml", design);
    write("big-config/.jointspec.yaml", `# ${"padding ".repeat(140_000)}\n`);
    write("big-config/a.campaign.yaml", design);
    write(
      "bad-kpis.campaign.yaml",
      `jointspec: 1\nid: bad-kpis\ntitle: Bad KPIs\nstatus: draft\nkpis:\n${Array.from({ length: 20_000 }, (_, i) => `  - id: K${i}\n    nam: x\n    owners: [sales]\n`).join("")}`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("generates files of the sizes the cases name", () => {
    strictEqual(readFileSync(join(dir, "big.campaign.yaml")).length, 3 * MB);
    strictEqual(readFileSync(join(dir, "small-limit/two-kb.campaign.yaml")).length, 2 * KB);
    strictEqual(readFileSync(join(dir, "gloss-big/big.glossary.yaml")).length, 1.5 * MB);
  });

  for (const { name: runner, run } of RUNNERS) {
    describe(runner, () => {
      for (const testCase of CASES) {
        it(testCase.name, async () => {
          const result = await run(testCase.args, dir);
          strictEqual(result.code, testCase.code, `exit code (stderr: ${result.stderr.slice(0, 500)})`);
          if (testCase.stdout !== undefined) strictEqual(result.stdout, testCase.stdout);
          if (testCase.stderr !== undefined) strictEqual(result.stderr, testCase.stderr);
          doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
          testCase.check?.(result);
        });
      }
    });
  }
});
