import { deepStrictEqual, match, ok, strictEqual } from "node:assert";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { REPO } from "./helpers/fixtures.js";
import { cloneAtHead, makeRepository, runAction, type ActionRun } from "./helpers/github-action.js";

// action.yml as GitHub runs it (see helpers/github-action.ts): from a clone of this
// repository at HEAD, so what is tested is what is committed, with nothing installed, in a
// consumer repository, with the inputs a workflow gives it, hostile ones included.

const tmp = mkdtempSync(join(tmpdir(), "jointspec-action-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const ACTION = join(tmp, "action");

const ERROR_SPEC = readFileSync(join(REPO, "examples/new-year-sweepstakes.campaign.yaml"), "utf8"); // one error
const WARNING_SPEC = readFileSync(join(REPO, "examples/black-friday-flash-sale.campaign.yaml"), "utf8"); // one warning
const CLEAN_SPEC = readFileSync(join(REPO, "test/fixtures/design-example.campaign.yaml"), "utf8");
const NOT_A_SPEC = "services:\n  web:\n    image: nginx\n";

const requireHere = createRequire(__filename);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(
  JSON.parse(readFileSync(join(requireHere.resolve("@microsoft/sarif-multitool-linux/package.json"), "../sarif-2.1.0.json"), "utf8")) as object,
);

interface Sarif {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

/** The files a SARIF log reports on, as plain paths, sorted. */
function sarifFiles(workspace: string, file = "jointspec.sarif"): string[] {
  const log = JSON.parse(readFileSync(join(workspace, file), "utf8")) as Sarif;
  ok(validateSarif(log), JSON.stringify(validateSarif.errors));
  return [...new Set(log.runs[0]!.results.map((r) => decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri)))].sort();
}

// A command that ran where it should not have would leave this file behind.
function assertNothingRan(workspace: string): void {
  for (const folder of [workspace, join(workspace, ".."), ACTION]) ok(!readdirSync(folder).includes("pwned"), `nothing was run in ${folder}`);
}

interface ActionCase {
  name: string;
  files: Record<string, string>;
  inputs?: Record<string, string>;
  code: number;
  /** The sarif-file output: the file's name, or "" when it must not be set (and no file exists). */
  sarif: string;
  /** The files the SARIF log reports on. */
  reported?: string[];
  stderr?: RegExp;
  check?: (run: ActionRun, workspace: string) => void;
}

const BAD_REPO = {
  "campaigns/new-year-sweepstakes.campaign.yaml": ERROR_SPEC,
  "campaigns/black-friday-flash-sale.campaign.yaml": WARNING_SPEC,
  "campaigns/design-example.campaign.yaml": CLEAN_SPEC,
  "docker-compose.yaml": NOT_A_SPEC,
};

// Each name is a spec file in the repository, named in a multi-line `paths`: each must be
// linted as the file it names, and none may become an option or run as a command.
const HOSTILE_NAMES = ["--config=/etc/passwd", "-f json", "$(touch pwned)", "; touch pwned", "`touch pwned`", "*", "-- --quiet"];

const CASES: ActionCase[] = [
  {
    name: "default inputs, a repository with bad specs: fails, annotates, writes SARIF and sets the output",
    files: BAD_REPO,
    code: 1,
    sarif: "jointspec.sarif",
    reported: ["campaigns/black-friday-flash-sale.campaign.yaml", "campaigns/new-year-sweepstakes.campaign.yaml"],
    check: ({ annotations }) => {
      deepStrictEqual(
        annotations.map((a) => [a.kind, a.properties.file]),
        [
          ["warning", "campaigns/black-friday-flash-sale.campaign.yaml"],
          ["error", "campaigns/new-year-sweepstakes.campaign.yaml"],
        ],
      );
      ok(annotations.every((a) => Number(a.properties.line) >= 1 && a.message.length > 0));
    },
  },
  {
    name: "a multi-line paths: a folder with a space, blanks trimmed, empty lines skipped",
    files: { "shared specs/q1 launch.campaign.yaml": WARNING_SPEC, "campaigns/new-year-sweepstakes.campaign.yaml": ERROR_SPEC },
    inputs: { paths: "  shared specs  \n\n" },
    code: 0,
    sarif: "jointspec.sarif",
    reported: ["shared specs/q1 launch.campaign.yaml"],
  },
  {
    name: "a single-line paths: separated by spaces",
    files: { "a/one.campaign.yaml": WARNING_SPEC, "b/two.campaign.yaml": ERROR_SPEC, "c/three.campaign.yaml": ERROR_SPEC },
    inputs: { paths: "a  b\tc/three.campaign.yaml" },
    code: 1,
    sarif: "jointspec.sarif",
    reported: ["a/one.campaign.yaml", "b/two.campaign.yaml", "c/three.campaign.yaml"],
  },
  {
    name: "hostile file names in a multi-line paths are linted as files",
    files: { ...Object.fromEntries(HOSTILE_NAMES.map((name) => [name, WARNING_SPEC])), "other.campaign.yaml": ERROR_SPEC },
    inputs: { paths: HOSTILE_NAMES.join("\n") },
    code: 0,
    sarif: "jointspec.sarif",
    reported: [...HOSTILE_NAMES].sort(),
    check: ({ annotations }) => {
      deepStrictEqual(annotations.map((a) => a.properties.file).sort(), [...HOSTILE_NAMES].sort());
      ok(
        annotations.every((a) => a.kind === "warning"),
        "the warnings of the named files, not JSON, and not other.campaign.yaml's error",
      );
    },
  },
  {
    name: "a single-line paths of option-like words: each word is a path, so nothing is found",
    files: BAD_REPO,
    inputs: { paths: "-f json --config=/etc/passwd" },
    code: 2,
    sarif: "",
    stderr: /^jointspec: cannot read -f: no such file or directory\n$/,
  },
  {
    name: "a glob is JointSpec's: * finds the specs, never a named non-spec file",
    files: { "one.campaign.yaml": WARNING_SPEC, "docker-compose.yaml": NOT_A_SPEC, "$(touch pwned).yaml": NOT_A_SPEC },
    inputs: { paths: "*" },
    code: 0,
    sarif: "jointspec.sarif",
    reported: ["one.campaign.yaml"],
  },
  {
    name: "shell syntax in a single-line paths is not run",
    files: BAD_REPO,
    inputs: { paths: "$(touch pwned) ; touch pwned `touch pwned` campaigns" },
    code: 2,
    sarif: "",
    stderr: /^jointspec: no files match the pattern "\$\(touch"\n$/,
  },
  {
    name: "an option-like config is a file name",
    files: { ...BAD_REPO, "--quiet": "rules:\n  security-review-gate: off\n" },
    inputs: { config: "--quiet" },
    code: 0,
    sarif: "jointspec.sarif",
    reported: ["campaigns/black-friday-flash-sale.campaign.yaml"],
  },
  {
    name: "a config that does not exist, named by shell syntax",
    files: BAD_REPO,
    inputs: { config: "$(touch pwned)" },
    code: 2,
    sarif: "",
    stderr: /\$\(touch pwned\)/,
  },
  {
    name: "a sarif-file named by shell syntax is written under that name",
    files: BAD_REPO,
    inputs: { "sarif-file": "; touch pwned" },
    code: 1,
    sarif: "; touch pwned",
    reported: ["campaigns/black-friday-flash-sale.campaign.yaml", "campaigns/new-year-sweepstakes.campaign.yaml"],
  },
  {
    name: "a sarif-file with a newline is refused, and sets no output",
    files: BAD_REPO,
    inputs: { "sarif-file": "a.sarif\nsarif-file=/etc/passwd" },
    code: 2,
    sarif: "",
    check: ({ annotations }) =>
      deepStrictEqual(
        annotations.map((a) => a.message),
        ["The input sarif-file must be one path, on one line."],
      ),
  },
  {
    name: "an option as fail-severity is a bad value",
    files: BAD_REPO,
    inputs: { "fail-severity": "-f json" },
    code: 2,
    sarif: "",
    stderr: /^jointspec: --fail-severity takes error, warning or info, not "-f json"\n$/,
  },
  {
    name: "shell syntax as max-warnings is a bad value",
    files: BAD_REPO,
    inputs: { "max-warnings": "`touch pwned`" },
    code: 2,
    sarif: "",
    stderr: /^jointspec: --max-warnings takes a whole number, not "`touch pwned`"\n$/,
  },
  {
    name: "no specs yet, allow-no-specs false (the default): exit 2, no SARIF, no output",
    files: { "docker-compose.yaml": NOT_A_SPEC },
    code: 2,
    sarif: "",
    stderr: /^jointspec: no specs found in \./,
  },
  {
    name: "no specs yet, allow-no-specs true: passes with a SARIF log of no results",
    files: { "docker-compose.yaml": NOT_A_SPEC },
    inputs: { "allow-no-specs": "true" },
    code: 0,
    sarif: "jointspec.sarif",
    reported: [],
  },
  {
    name: "allow-no-specs takes true or false",
    files: BAD_REPO,
    inputs: { "allow-no-specs": "yes" },
    code: 2,
    sarif: "",
    check: ({ annotations }) =>
      deepStrictEqual(
        annotations.map((a) => a.message),
        ["The input allow-no-specs takes true or false."],
      ),
  },
  {
    name: "a stale SARIF log from an earlier run is not reported as this run's",
    files: { "docker-compose.yaml": NOT_A_SPEC, "jointspec.sarif": "{}" },
    code: 2,
    sarif: "",
  },
  {
    name: "max-warnings 0 fails on one warning",
    files: { "one.campaign.yaml": WARNING_SPEC },
    inputs: { "max-warnings": "0" },
    code: 1,
    sarif: "jointspec.sarif",
    stderr: /1 warning, more than --max-warnings 0\n$/,
  },
  { name: "max-warnings 1 allows one", files: { "one.campaign.yaml": WARNING_SPEC }, inputs: { "max-warnings": "1" }, code: 0, sarif: "jointspec.sarif" },
  {
    name: "fail-severity warning fails on a warning",
    files: { "one.campaign.yaml": WARNING_SPEC },
    inputs: { "fail-severity": "warning" },
    code: 1,
    sarif: "jointspec.sarif",
  },
  {
    name: "fail-severity error passes a warning",
    files: { "one.campaign.yaml": WARNING_SPEC },
    inputs: { "fail-severity": "error" },
    code: 0,
    sarif: "jointspec.sarif",
  },
];

describe("GitHub Action (action.yml, run as GitHub runs a composite action)", function () {
  this.timeout(60_000);

  before(() => {
    cloneAtHead(REPO, ACTION);
  });

  it("the checkout holds the built CLI and no node_modules: nothing to install", () => {
    ok(existsSync(join(ACTION, "dist/cli.js")));
    ok(!existsSync(join(ACTION, "node_modules")));
  });

  it("needs no other action, passes inputs only through env:, and installs nothing", () => {
    const action = parse(readFileSync(join(ACTION, "action.yml"), "utf8")) as { runs: { steps: { uses?: string; run?: string }[] } };
    for (const step of action.runs.steps) {
      strictEqual(step.uses, undefined);
      ok(!step.run!.includes("${{"), "no expression is pasted into a script");
      ok(!/\b(npm|npx|yarn|pnpm)\b/.test(step.run!), "nothing is installed");
    }
  });

  for (const testCase of CASES) {
    it(testCase.name, () => {
      const workspace = makeRepository(tmp, testCase.files);
      const run = runAction({ actionPath: ACTION, workspace, inputs: testCase.inputs ?? {} });
      strictEqual(run.code, testCase.code, `exit code\n${run.stdout}\n${run.stderr}`);
      deepStrictEqual(run.outputs, { "sarif-file": testCase.sarif });
      if (testCase.sarif === "") ok(!existsSync(join(workspace, testCase.inputs?.["sarif-file"] ?? "jointspec.sarif")), "no SARIF log");
      else if (testCase.reported) deepStrictEqual(sarifFiles(workspace, testCase.sarif), testCase.reported);
      else sarifFiles(workspace, testCase.sarif);
      if (testCase.stderr) match(run.stderr, testCase.stderr);
      testCase.check?.(run, workspace);
      assertNothingRan(workspace);
    });
  }

  // The runner's node, whatever it is: a fake node on the PATH reports a version, and passes
  // anything else to the real one.
  const NODES: [version: string | undefined, passes: boolean][] = [
    ["v18.20.4", false],
    ["v20.15.1", false],
    ["v20.16.0", true],
    ["v22.11.0", true],
    [undefined, false],
  ];
  for (const [version, passes] of NODES) {
    it(`the runner's node ${version ?? "missing"}: ${passes ? "runs" : "fails with a clear message, before linting"}`, () => {
      const bin = mkdtempSync(join(tmp, "node-"));
      if (version) {
        writeFileSync(
          join(bin, "node"),
          `#!/bin/sh\nif [ "$1" = --version ]; then echo ${version}; exit 0; fi\nexec ${JSON.stringify(process.execPath)} "$@"\n`,
        );
        chmodSync(join(bin, "node"), 0o755);
      }
      const workspace = makeRepository(tmp, { "one.campaign.yaml": WARNING_SPEC });
      // Without a node, the PATH has nothing else either: the check needs only bash itself.
      const run = runAction({ actionPath: ACTION, workspace, path: version ? `${bin}:${process.env.PATH}` : bin });
      if (passes) {
        strictEqual(run.code, 0, run.stderr);
        strictEqual(run.outputs["sarif-file"], "jointspec.sarif");
        return;
      }
      strictEqual(run.code, 1);
      deepStrictEqual(run.steps, [{ name: "Check Node.js", code: 1 }], "the lint step does not run");
      deepStrictEqual(
        run.annotations.map((a) => a.kind),
        ["error"],
      );
      strictEqual(
        run.annotations[0]!.message,
        `JointSpec needs Node.js 20.16 or later on the runner, and found ${version ?? "no node on the PATH"}. It uses the runner's Node.js and installs none: add actions/setup-node with node-version 20 or later before this action.`,
      );
      strictEqual(run.outputs["sarif-file"], "");
    });
  }

  describe("the README's workflow, word for word", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const block = /```yaml\n(# \.github\/workflows\/jointspec\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
    type WorkflowStep = { uses?: string; id?: string; if?: string; with?: Record<string, string> };
    const steps = block ? (parse(block) as { jobs: { lint: { steps: WorkflowStep[] } } }).jobs.lint.steps : [];

    it("pins a release of the action", () => {
      ok(block, "the README has the workflow");
      const step = steps.find((s) => s.uses?.startsWith("jointspec/jointspec@"));
      match(step!.uses!, /^jointspec\/jointspec@v\d+\.\d+\.\d+$/);
    });

    it("its inputs run the action, and the upload step gets a SARIF log that exists", () => {
      const step = steps.find((s) => s.uses?.startsWith("jointspec/jointspec@"))!;
      const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
      strictEqual(upload.with!.sarif_file, `\${{ steps.${step.id}.outputs.sarif-file }}`);
      ok(upload.if?.includes(`steps.${step.id}.outputs.sarif-file != ''`), "the upload is skipped when there is no log");
      const workspace = makeRepository(tmp, {
        "campaigns/one.campaign.yaml": ERROR_SPEC,
        "shared specs/two.campaign.yaml": WARNING_SPEC,
        "docs/not-linted.campaign.yaml": ERROR_SPEC,
      });
      const run = runAction({ actionPath: ACTION, workspace, inputs: step.with! });
      strictEqual(run.code, 1, run.stderr);
      deepStrictEqual(sarifFiles(workspace, run.outputs["sarif-file"]), ["campaigns/one.campaign.yaml", "shared specs/two.campaign.yaml"]);
    });

    it("lists every input of action.yml, with its default", () => {
      const action = parse(readFileSync(join(ACTION, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }> };
      const listed = (/^Inputs:([\s\S]*?)\n\n/m.exec(readme)?.[1] ?? "").replace(/\s+/g, " ");
      for (const [id, input] of Object.entries(action.inputs)) {
        ok(listed.includes(`\`${id}\``), `the README lists ${id}`);
        if (input.default !== "") ok(listed.includes(`\`${id}\` (default \`${input.default}\``), `the README gives ${id}'s default, ${input.default}`);
      }
    });
  });

  it("the emulation refuses a uses: step", () => {
    const action = join(tmp, "uses-action");
    mkdirSync(action);
    writeFileSync(join(action, "action.yml"), "name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n");
    const workspace = makeRepository(tmp, {});
    try {
      runAction({ actionPath: action, workspace });
    } catch (error) {
      match((error as Error).message, /uses actions\/setup-node@v4: the action must need no other action/);
      return;
    }
    ok(false, "runAction should have thrown");
  });
});
