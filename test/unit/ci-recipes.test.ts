import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO } from "./helpers/fixtures.js";

// The pre-commit hook's entry runs as a command, with the installer swapped for the local
// bin. (The GitHub Action and the README's GitLab job are run as users run them, in
// github-action.test.ts and gitlab-recipe.test.ts.)

function bash(script: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["--noprofile", "--norc", "-c", script], { cwd: REPO, encoding: "utf8", env: { PATH: process.env.PATH, ...env } });
}

describe("CI recipes", () => {
  it(".pre-commit-hooks.yaml: the hook lints the specs among the files it is given", () => {
    const [hook] = parse(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as { entry: string; files: string; language: string }[];
    // language: script runs the entry as a path in the hook's checkout, as bash does here
    // from the repository root; install-routes.test.ts runs it through pre-commit itself.
    strictEqual(hook!.language, "script");
    const files = ["examples/black-friday-flash-sale.campaign.yaml", "examples/partner-webinar.yaml", "test/fixtures/cli/mixed/docker-compose.yaml"];
    ok(files.every((f) => new RegExp(hook!.files).test(f)));
    const run = bash(`${hook!.entry} --format json ${files.join(" ")}`);
    strictEqual(run.status, 0, run.stderr);
    deepStrictEqual(
      (JSON.parse(run.stdout) as { filePath: string }[]).map((f) => f.filePath),
      files.slice(0, 2),
    );
    const none = bash(`${hook!.entry} test/fixtures/cli/mixed/docker-compose.yaml`);
    strictEqual(none.status, 0, "a commit without specs passes");
  });
});
