import { deepStrictEqual, notStrictEqual, ok, strictEqual } from "node:assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import type { Finding, Severity } from "../../src/core/types.js";
import { gitlab } from "../../src/formatters/gitlab.js";
import type { FormatContext } from "../../src/formatters/types.js";
import { runInProcess } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

// `-f gitlab`, GitLab's Code Quality report: checked against a JSON Schema written from
// GitLab's documentation of the format, against the findings of the json format, and for
// the fingerprints GitLab uses to tell new findings from old ones.

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const TWIN = readFileSync(join(FIXTURES, "gitlab/twin-kpis.campaign.yaml"), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "jointspec-gitlab-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, "gitlab/code-quality.schema.json"), "utf8")) as object);

async function report(args: readonly string[], cwd?: string): Promise<Issue[]> {
  const run = await runInProcess(["lint", ...args, "-f", "gitlab"], cwd);
  ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as Issue[];
}

// Lints one spec's text as a file of the given name in a folder of its own.
async function lintText(text: string, name = "spec.campaign.yaml"): Promise<Issue[]> {
  const dir = mkdtempSync(join(tmp, "spec-"));
  writeFileSync(join(dir, name), text);
  return report([name], dir);
}

describe("GitLab Code Quality (-f gitlab)", () => {
  const RUNS: string[][] = [
    ["examples"],
    ["test/fixtures/ci"],
    ["test/fixtures/bad-input"],
    ["test/fixtures/gitlab"],
    ["test/fixtures/design-example.campaign.yaml"],
  ];

  for (const args of RUNS) {
    it(`${args.join(" ")}: valid against GitLab's documented format, one issue per finding`, async () => {
      const issues = await report(args);
      ok(validate(issues), ajv.errorsText(validate.errors));
      const json = JSON.parse((await runInProcess(["lint", ...args, "-f", "json"])).stdout) as {
        filePath: string;
        findings: { ruleId: string; severity: Severity; message: string; line: number }[];
      }[];
      const expected = json.flatMap((file) => file.findings.map((f) => [f.message, f.ruleId, SEVERITY[f.severity], file.filePath, f.line]));
      deepStrictEqual(
        issues.map((i) => [i.description, i.check_name, i.severity, i.location.path, i.location.lines.begin]),
        expected,
      );
      strictEqual(new Set(issues.map((i) => i.fingerprint)).size, issues.length, "every fingerprint is different");
    });
  }

  const SEVERITY: Record<Severity, string> = { error: "major", warning: "minor", info: "info" };
  for (const [severity, expected] of Object.entries(SEVERITY)) {
    it(`a finding of severity ${severity} is ${expected}`, () => {
      const finding: Finding = {
        ruleId: "shared-kpi",
        severity: severity as Severity,
        message: "m",
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
      };
      const [issue] = JSON.parse(gitlab([{ path: "a/b.campaign.yaml", findings: [finding], text: "a\nb\nkpis:\n" }], CONTEXT)) as Issue[];
      strictEqual(issue!.severity, expected);
      deepStrictEqual(issue!.location, { path: "a/b.campaign.yaml", lines: { begin: 3 } });
    });
  }

  it("no findings: an empty array", async () => {
    deepStrictEqual(await report(["test/fixtures/design-example.campaign.yaml"]), []);
  });

  it("leaves suppressed findings out", async () => {
    const sarif = JSON.parse((await runInProcess(["lint", "test/fixtures/ci/suppressed.campaign.yaml", "-f", "sarif"])).stdout) as {
      runs: { results: { ruleId: string }[] }[];
    };
    deepStrictEqual(
      sarif.runs[0]!.results.map((r) => r.ruleId),
      ["owners-both-functions"],
      "the spec has one finding, suppressed",
    );
    deepStrictEqual(await report(["test/fixtures/ci/suppressed.campaign.yaml"]), []);
  });

  it("two identical findings in one file get different fingerprints", async () => {
    const issues = await lintText(TWIN);
    deepStrictEqual(
      issues.map((i) => [i.check_name, i.description, i.location.lines.begin]),
      [
        ["kpi-measurable", "KPI signups has no target; without it the two functions will not measure the same number.", 16],
        ["kpi-measurable", "KPI signups has no target; without it the two functions will not measure the same number.", 23],
      ],
    );
    notStrictEqual(issues[0]!.fingerprint, issues[1]!.fingerprint);
  });

  // Edits that move the findings without touching them: every fingerprint stays.
  const MOVES: [name: string, edit: (text: string) => string, shift: number][] = [
    ["three comment lines at the top", (text) => `# one\n# two\n# three\n${text}`, 3],
    ["a complete KPI added above the twins", (text) => text.replace("kpis:\n", `kpis:\n${COMPLETE_KPI}`), 6],
    ["blank lines between the sections above", (text) => text.replace("owners:\n", "\n\nowners:\n").replace("summary:", "\nsummary:"), 3],
    ["CRLF line endings", (text) => text.replace(/\n/g, "\r\n"), 0],
  ];
  for (const [name, edit, shift] of MOVES) {
    it(`fingerprints stay when the findings move: ${name}`, async () => {
      const before = await lintText(TWIN);
      const after = await lintText(edit(TWIN));
      deepStrictEqual(
        after.map((i) => i.location.lines.begin),
        before.map((i) => i.location.lines.begin + shift),
        "the findings moved as expected",
      );
      deepStrictEqual(
        after.map((i) => i.fingerprint),
        before.map((i) => i.fingerprint),
      );
    });
  }

  // Edits that change what a finding is about: its fingerprint changes, the other's stays.
  const CHANGES: [name: string, edit: (text: string) => string, file?: string][] = [
    [
      "the second KPI renamed",
      (text) => `${text.slice(0, text.lastIndexOf("- id: signups"))}- id: sign-ups${text.slice(text.lastIndexOf("- id: signups") + 13)}`,
    ],
    ["the file renamed", (text) => text, "other.campaign.yaml"],
  ];
  for (const [name, edit, file] of CHANGES) {
    it(`a fingerprint changes with what the finding is about: ${name}`, async () => {
      const before = await lintText(TWIN);
      const after = await lintText(edit(TWIN), file);
      strictEqual(after.length, 2);
      notStrictEqual(after[1]!.fingerprint, before[1]!.fingerprint);
      if (file) notStrictEqual(after[0]!.fingerprint, before[0]!.fingerprint);
      else strictEqual(after[0]!.fingerprint, before[0]!.fingerprint, "the first finding keeps its fingerprint");
    });
  }

  it("writes the report to a file with -f gitlab:FILE, next to another report", async () => {
    const file = join(tmp, "reports/gl-code-quality-report.json");
    mkdirSync(join(tmp, "reports"), { recursive: true });
    const run = await runInProcess(["lint", "examples", "--no-color", "-f", "stylish", "-f", `gitlab:${file}`]);
    strictEqual(run.code, 1);
    const issues = JSON.parse(readFileSync(file, "utf8")) as Issue[];
    strictEqual(issues.length, 14);
    ok(validate(issues), ajv.errorsText(validate.errors));
  });
});

const CONTEXT: FormatContext = { cwd: "/project", paint: (_style, text) => text, toolVersion: "0.0.0", rules: [], failSeverity: "error", maxWarnings: -1 };

const COMPLETE_KPI = `  - id: orders
    name: Orders
    definition: Orders per day
    target: ">= 100"
    source: warehouse.orders
    owners: [marketing, technology]
`;
