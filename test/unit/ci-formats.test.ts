import { deepStrictEqual, doesNotMatch, match, ok, strictEqual } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { validateXML } from "xmllint-wasm";
import { runInProcess } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

// Each CI format fed to a real consumer: JUnit to an XML parser and to libxml2 (xmllint)
// with a JUnit schema; GitHub annotations to the workflow-command grammar, with a spec
// whose title and keys try to start commands of their own; SARIF suppressions to the
// official schema.

const CI = "test/fixtures/ci";
const tmp = mkdtempSync(join(tmpdir(), "jointspec-ci-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe("CI formats", () => {
  describe("junit", () => {
    let xml: string;
    before(async () => {
      xml = (await runInProcess(["lint", CI, "examples", "--format", "junit"])).stdout;
    });

    // Every shape the report can take: failures, passing findings, the --max-warnings test.
    const VARIANTS: string[][] = [[], ["--fail-severity", "warning"], ["--fail-severity", "info", "--max-warnings", "3"], ["--max-warnings", "100"]];
    for (const args of VARIANTS) {
      it(`${args.join(" ") || "by default"}: well-formed, and valid against a JUnit XML schema with libxml2`, async () => {
        const report = (await runInProcess(["lint", CI, "examples", "--format", "junit", ...args])).stdout;
        strictEqual(XMLValidator.validate(report), true);
        const schema = readFileSync(join(FIXTURES, "junit/junit.xsd"), "utf8");
        const result = await validateXML({ xml: [{ fileName: "report.xml", contents: report }], schema: [{ fileName: "junit.xsd", contents: schema }] });
        deepStrictEqual(result.errors, []);
        ok(result.valid);
      });
    }

    // A finding fails its spec's test only when it fails the run; the others are the test's output.
    const FAILING: Record<string, string[]> = { error: ["error"], warning: ["error", "warning"], info: ["error", "warning", "info"] };
    for (const [failSeverity, failing] of Object.entries(FAILING)) {
      it(`--fail-severity ${failSeverity}: one test case per spec, a failure per ${failing.join(" or ")} finding, the rest in system-out`, async () => {
        const args = ["lint", CI, "examples", "--fail-severity", failSeverity];
        const json = JSON.parse((await runInProcess([...args, "--format", "json"])).stdout) as { filePath: string; findings: { severity: string }[] }[];
        const suites = parseJunit((await runInProcess([...args, "--format", "junit"])).stdout).testsuites.testsuite;
        deepStrictEqual(
          suites.map((s) => s["@_name"]),
          json.map((f) => f.filePath),
        );
        for (const [index, suite] of suites.entries()) {
          const findings = json[index]!.findings;
          const failures = findings.filter((f) => failing.includes(f.severity)).length;
          strictEqual(suite.testcase.length, 1);
          strictEqual(suite.testcase[0]!.failure?.length ?? 0, failures, suite["@_name"]);
          strictEqual(suite["@_failures"], failures > 0 ? "1" : "0");
          const output = suite.testcase[0]!["system-out"];
          strictEqual(output === undefined ? 0 : String(output).split("\n").length, findings.length - failures, suite["@_name"]);
        }
      });
    }

    // The report's verdict is the exit code's: GitLab must not show failed tests on a green job.
    const VERDICTS: [args: string[], code: number, failures: number][] = [
      [["examples/black-friday-flash-sale.campaign.yaml"], 0, 0],
      [["examples/black-friday-flash-sale.campaign.yaml", "--fail-severity", "warning"], 1, 1],
      [["examples/black-friday-flash-sale.campaign.yaml", "--max-warnings", "0"], 1, 1],
      [["examples/black-friday-flash-sale.campaign.yaml", "--max-warnings", "1"], 0, 0],
      [["examples/new-year-sweepstakes.campaign.yaml"], 1, 1],
      [["test/fixtures/design-example.campaign.yaml", "--fail-severity", "info"], 0, 0],
    ];
    for (const [args, code, failures] of VERDICTS) {
      it(`${args.join(" ")}: exit ${code}, ${failures} failed test(s)`, async () => {
        const run = await runInProcess(["lint", ...args, "--format", "junit"]);
        strictEqual(run.code, code, run.stderr);
        const report = parseJunit(run.stdout).testsuites;
        strictEqual(report["@_failures"], String(failures));
        strictEqual(report.testsuite.filter((s) => s["@_failures"] === "1").length, failures);
      });
    }

    it("a warnings-only spec passes, with its warning in the test's output", async () => {
      const suite = parseJunit((await runInProcess(["lint", "examples/black-friday-flash-sale.campaign.yaml", "--format", "junit"])).stdout).testsuites
        .testsuite[0]!;
      strictEqual(suite.testcase[0]!.failure, undefined);
      match(String(suite.testcase[0]!["system-out"]), /^examples\/black-friday-flash-sale\.campaign\.yaml:\d+:\d+ warning .+ \(\S+\)$/);
    });

    it("--max-warnings adds one test that fails when there are more warnings", async () => {
      const report = parseJunit((await runInProcess(["lint", "examples", "--format", "junit", "--max-warnings", "3"])).stdout).testsuites;
      const limit = report.testsuite.at(-1)!;
      strictEqual(limit["@_name"], "--max-warnings");
      deepStrictEqual(limit.testcase[0]!.failure, [{ "@_message": "9 warnings, more than --max-warnings 3", "@_type": "max-warnings" }]);
    });

    it("strips characters XML cannot hold and escapes the rest", () => {
      doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      ok(xml.includes("Spring relaunch&#10;::error::injected %0A &amp; &lt;b&gt;"), "the hostile title, escaped in an attribute");
    });
  });

  describe("github", () => {
    let lines: string[];
    before(async () => {
      lines = (await runInProcess(["lint", CI, "examples", "--format", "github"])).stdout.split("\n").filter(Boolean);
    });

    // name and value of a property cannot hold ",", ":", CR or LF; the message no CR or LF.
    const COMMAND = /^::(error|warning|notice) file=[^,:\r\n]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=[^,:\r\n]+::[^\r\n]*$/;

    it("every line is one workflow command of the grammar", () => {
      ok(lines.length >= 10);
      for (const line of lines) match(line, COMMAND);
    });

    it("a title with a newline and ::error:: cannot start a command of its own", () => {
      const hostile = lines.filter((line) => line.includes("hostile.campaign.yaml"));
      strictEqual(hostile.length, 1);
      ok(hostile[0]!.includes("title=JointSpec schema%3A Spring relaunch%0A%3A%3Aerror%3A%3Ainjected %250A & <b>::"), hostile[0]);
      ok(hostile[0]!.includes('Unknown key "badkey%0D::warning::x"'), "the bell is dropped, the CR escaped");
      strictEqual(lines.filter((line) => line.startsWith("::")).length, lines.length);
    });

    it("maps severities to error, warning and notice", () => {
      const kinds = new Set(lines.map((line) => line.slice(2, line.indexOf(" "))));
      deepStrictEqual([...kinds].sort(), ["error", "notice", "warning"]);
    });
  });

  describe("sarif suppressions", () => {
    it("records a suppressed finding as suppressed in source, with the reason", async () => {
      const log = JSON.parse((await runInProcess(["lint", `${CI}/suppressed.campaign.yaml`, "--format", "sarif"])).stdout) as {
        runs: { results: { ruleId: string; suppressions?: { kind: string; justification?: string }[] }[] }[];
      };
      deepStrictEqual(
        log.runs[0]!.results.map((r) => [r.ruleId, r.suppressions]),
        [["owners-both-functions", [{ kind: "inSource", justification: "IT names its owner at kickoff" }]]],
      );
      const require = createRequire(__filename);
      const schema = JSON.parse(readFileSync(join(require.resolve("@microsoft/sarif-multitool-linux/package.json"), "../sarif-2.1.0.json"), "utf8")) as object;
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(schema);
      ok(validate(log), JSON.stringify(validate.errors));
    });
  });

  describe("several outputs in one run", () => {
    it("stylish to the terminal, SARIF and JUnit to files", async () => {
      const sarifFile = join(tmp, "out/jointspec.sarif");
      const junitFile = join(tmp, "out/junit.xml");
      const run = await runInProcess(["lint", "examples", "--no-color", "-f", "stylish", "-f", `sarif:${sarifFile}`, "-f", `junit:${junitFile}`]);
      strictEqual(run.code, 1);
      match(run.stdout, /✖ 14 problems/);
      strictEqual((JSON.parse(readFileSync(sarifFile, "utf8")) as { runs: { results: unknown[] }[] }).runs[0]!.results.length, 14);
      strictEqual(XMLValidator.validate(readFileSync(junitFile, "utf8")), true);
    });

    const REFUSED: [string[], RegExp][] = [
      [["-f", "json", "-f", "sarif"], /only one --format can write to the terminal/],
      [["-f", "json", "-f", "sarif:x.sarif", "-o", "y.json"], /--output goes with a single --format/],
      [["-f", "sarif:"], /needs a file name after the colon/],
    ];
    for (const [args, message] of REFUSED) {
      it(`refuses ${args.join(" ")}`, async () => {
        const run = await runInProcess(["lint", "examples", ...args]);
        strictEqual(run.code, 2);
        match(run.stderr, message);
      });
    }
  });

  describe("--fail-severity and the summary line", () => {
    const CASES: [args: string[], code: number][] = [
      [["examples/black-friday-flash-sale.campaign.yaml"], 0],
      [["examples/black-friday-flash-sale.campaign.yaml", "--fail-severity", "warning"], 1],
      [["examples/spring-loyalty-relaunch.campaign.yaml", "--fail-severity", "info"], 0],
      [["examples/lapsed-member-winback.campaign.yaml", "--config", "test/fixtures/cli/ignored/.jointspec.yaml", "--fail-severity", "info"], 1],
      [["examples/new-year-sweepstakes.campaign.yaml", "--fail-severity", "error"], 1],
    ];
    for (const [args, code] of CASES) {
      it(`${args.join(" ")} exits ${code}`, async () => {
        strictEqual((await runInProcess(["lint", ...args, "-f", "json"])).code, code);
      });
    }

    it("prints one summary line on stderr when the report is not stylish on the terminal", async () => {
      const run = await runInProcess(["lint", "examples", "-f", "json", "--fail-severity", "warning"]);
      strictEqual(run.stderr, "jointspec: 14 problems (3 errors, 9 warnings, 2 infos) in 13 of 15 specs; failing on warning or worse\n");
    });

    it("refuses an unknown severity", async () => {
      const run = await runInProcess(["lint", "examples", "--fail-severity", "fatal"]);
      strictEqual(run.stderr, 'jointspec: --fail-severity takes error, warning or info, not "fatal"\n');
    });
  });
});

interface JunitReport {
  testsuites: {
    "@_failures": string;
    testsuite: { "@_name": string; "@_failures": string; testcase: { failure?: Record<string, string>[]; "system-out"?: unknown }[] }[];
  };
}

function parseJunit(xml: string): JunitReport {
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ["testsuite", "testcase", "failure"].includes(name) }).parse(xml) as JunitReport;
}
