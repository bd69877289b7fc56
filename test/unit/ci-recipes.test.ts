import { deepStrictEqual, match, ok, strictEqual } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { BIN } from "./helpers/cli.js";
import { REPO } from "./helpers/fixtures.js";

// The CI recipes are tried as written, as far as this machine allows: the action's lint
// step runs in bash with its inputs in the environment, the README's GitLab job line and the
// pre-commit hook's entry run as commands, with only the installer swapped for the local bin.

const tmp = mkdtempSync(join(tmpdir(), "jointspec-recipes-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function bash(script: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["--noprofile", "--norc", "-c", script], { cwd: REPO, encoding: "utf8", env: { PATH: process.env.PATH, ...env } });
}

describe("CI recipes", () => {
  it("action.yml: the lint step annotates and writes SARIF, failing on errors", () => {
    const action = parse(readFileSync(join(REPO, "action.yml"), "utf8")) as { runs: { steps: { name: string; run?: string; env?: Record<string, string> }[] } };
    const step = action.runs.steps.find((s) => s.name === "Lint specs")!;
    const sarif = join(tmp, "action.sarif");
    const run = bash(step.run!, {
      JOINTSPEC_BIN: BIN,
      JOINTSPEC_PATHS: "examples test/fixtures/cli/mixed/*.yaml",
      JOINTSPEC_SARIF: sarif,
      JOINTSPEC_FAIL_SEVERITY: "error",
      JOINTSPEC_MAX_WARNINGS: "-1",
      JOINTSPEC_CONFIG: "",
    });
    strictEqual(run.status, 1, run.stderr);
    const lines = run.stdout.trim().split("\n");
    ok(lines.length >= 9 && lines.every((line) => line.startsWith("::")), run.stdout);
    strictEqual((JSON.parse(readFileSync(sarif, "utf8")) as { runs: { results: unknown[] }[] }).runs[0]!.results.length, 9);
    // Every ${{ }} expression in a run script would be pasted into bash unescaped.
    for (const s of action.runs.steps) ok(!s.run?.includes("${{"), `${s.name} passes inputs through env`);
  });

  it("README: the GitLab job's script line", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const line = /^\s+- (npx --yes github:jointspec\/jointspec lint .*)$/m.exec(readme)?.[1];
    ok(line, "the GitLab script line");
    const run = bash(`cd ${tmp} && cp -r ${REPO}/examples . && ${line.replace("npx --yes github:jointspec/jointspec", `node ${BIN}`)}`);
    strictEqual(run.status, 1);
    match(run.stdout, /✖ 9 problems/);
    ok(readFileSync(join(tmp, "jointspec-junit.xml"), "utf8").startsWith("<?xml"));
    ok(readFileSync(join(tmp, "gl-jointspec.sarif"), "utf8").includes('"version": "2.1.0"'));
  });

  it(".pre-commit-hooks.yaml: the hook lints the specs among the files it is given", () => {
    const [hook] = parse(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as { entry: string; files: string; language: string }[];
    // language: script runs the entry as a path in the hook's checkout, as bash does here
    // from the repository root; install-routes.test.ts runs it through pre-commit itself.
    strictEqual(hook!.language, "script");
    const files = ["examples/black-friday-flash-sale.campaign.yaml", "examples/partner-webinar.yaml", "test/fixtures/cli/mixed/docker-compose.yaml"];
    ok(files.every((f) => new RegExp(hook!.files).test(f)));
    const run = bash(`${hook!.entry} --format json ${files.join(" ")}`);
    strictEqual(run.status, 0, run.stderr);
    deepStrictEqual((JSON.parse(run.stdout) as { filePath: string }[]).map((f) => f.filePath), files.slice(0, 2));
    const none = bash(`${hook!.entry} test/fixtures/cli/mixed/docker-compose.yaml`);
    strictEqual(none.status, 0, "a commit without specs passes");
  });
});
