import { ok } from "node:assert";
import { spawnSync } from "node:child_process";
import { REPO } from "./helpers/fixtures.js";

// dist/cli.js is committed, because git installs, the pre-commit hook and the GitHub Action
// run it straight from a checkout with nothing to build. The build that ran before these
// tests rewrote it from the sources, so any difference from the committed copy means the
// committed bundle is stale: rebuild (`npm run compile`) and commit dist/cli.js.

function git(...args: string[]) {
  return spawnSync("git", args, { cwd: REPO, encoding: "utf8" });
}

describe("the committed CLI bundle", () => {
  it("is tracked by git", () => {
    const listed = git("ls-files", "--error-unmatch", "dist/cli.js");
    ok(listed.status === 0, `dist/cli.js is not committed: ${listed.stderr}`);
  });

  it("matches what the build makes from the sources", () => {
    const diff = git("diff", "--stat", "--exit-code", "--", "dist/cli.js");
    ok(diff.status === 0, `dist/cli.js differs from the committed bundle; run npm run compile and commit it.\n${diff.stdout}`);
  });
});
