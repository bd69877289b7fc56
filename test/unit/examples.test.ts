import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { lintSpec } from "../../src/core/lint.js";
import { runInProcess } from "./helpers/cli.js";
import { expectedFindings, FIXTURES, REPO } from "./helpers/fixtures.js";

// Every example shows its intended findings (marked inline) at the right line and column,
// in each of the three formats; the SARIF log passes the official schema and Microsoft's
// SARIF Multitool, which also applies GitHub code scanning's ingestion rules.

const EXAMPLES = readdirSync(join(REPO, "examples"))
  .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith("."))
  .sort();
const expected = EXAMPLES.flatMap((name) => expectedFindings(readFileSync(join(REPO, "examples", name), "utf8")).map((e) => `examples/${name}:${e}`)).sort();

interface JsonFile {
  filePath: string;
  findings: { ruleId: string; line: number; column: number }[];
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

describe("examples", () => {
  it("has at least six specs besides the clean one, each with a marked finding", () => {
    ok(EXAMPLES.length >= 7);
    ok(EXAMPLES.filter((name) => expectedFindings(readFileSync(join(REPO, "examples", name), "utf8")).length > 0).length >= 6);
  });

  it("the canonical example (test/fixtures/design-example.campaign.yaml) lints clean, as does its copy in examples/", () => {
    const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");
    deepStrictEqual(lintSpec(design).findings, []);
    strictEqual(readFileSync(join(REPO, "examples/spring-loyalty-relaunch.campaign.yaml"), "utf8"), design);
  });

  it("json: every marked finding and no other", async () => {
    const { stdout } = await runInProcess(["lint", "examples", "--format", "json"]);
    const files = JSON.parse(stdout) as JsonFile[];
    const actual = files.flatMap((file) => file.findings.map((f) => `${file.filePath}:${f.ruleId}@${f.line}:${f.column}`)).sort();
    deepStrictEqual(actual, expected);
  });

  it("stylish: every marked finding and no other", async () => {
    const { stdout } = await runInProcess(["lint", "examples", "--no-color"]);
    const actual: string[] = [];
    let file = "";
    for (const line of stdout.split("\n")) {
      if (line.startsWith("examples/")) file = line;
      const row = /^\s+(\d+):(\d+)\s+(?:error|warning|info)\s+.*\s(\S+)$/.exec(line);
      if (row) actual.push(`${file}:${row[3]}@${row[1]}:${row[2]}`);
    }
    deepStrictEqual(actual.sort(), expected);
  });

  describe("sarif", () => {
    let log: SarifLog;
    let text: string;
    before(async () => {
      text = (await runInProcess(["lint", "examples", "--format", "sarif"])).stdout;
      log = JSON.parse(text) as SarifLog;
    });

    it("every marked finding and no other, with repo-relative URIs", () => {
      const [run] = log.runs;
      const actual = run!.results.map((r) => {
        const { artifactLocation, region } = r.locations[0]!.physicalLocation;
        strictEqual(artifactLocation.uriBaseId, "%SRCROOT%");
        return `${artifactLocation.uri}:${r.ruleId}@${region.startLine}:${region.startColumn}`;
      });
      deepStrictEqual(actual.sort(), expected);
    });

    it("names each rule with its help URI, and each result's rule by index", () => {
      const [run] = log.runs;
      const rules = run!.tool.driver.rules;
      ok(rules.every((rule) => rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`)));
      for (const result of run!.results) strictEqual(rules[result.ruleIndex]!.id, result.ruleId);
      const fingerprints = run!.results.map((r) => r.partialFingerprints["jointspecFinding/v1"]);
      strictEqual(new Set(fingerprints).size, fingerprints.length, "fingerprints are distinct");
    });

    it("validates against the official SARIF 2.1.0 JSON schema", () => {
      const require = createRequire(__filename);
      const schemaPath = join(require.resolve("@microsoft/sarif-multitool-linux/package.json"), "../sarif-2.1.0.json");
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
      ok(validate(log), JSON.stringify(validate.errors, null, 2));
    });

    it("passes the SARIF Multitool's SARIF and GitHub rules", function () {
      this.timeout(120_000);
      const require = createRequire(__filename);
      const multitool = join(require.resolve("@microsoft/sarif-multitool-linux/package.json"), "../Sarif.Multitool");
      const dir = mkdtempSync(join(tmpdir(), "jointspec-sarif-"));
      try {
        const input = join(dir, "examples.sarif");
        const output = join(dir, "validation.sarif");
        writeFileSync(input, text);
        const run = spawnSync(multitool, ["validate", input, "--rule-kind", "Gh;Sarif", "-o", output, "--log", "ForceOverwrite"], {
          encoding: "utf8",
          env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
        });
        strictEqual(run.status, 0, run.stderr);
        // The Multitool exits 0 even when it finds problems: they are the results of its own log.
        const validation = JSON.parse(readFileSync(output, "utf8")) as { runs: { results: { ruleId: string; message: unknown }[] }[] };
        deepStrictEqual(
          validation.runs[0]!.results.map((r) => `${r.ruleId} ${JSON.stringify(r.message)}`),
          [],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
