// A large run shared between threads (src/cli/parallel.ts) reports exactly what one thread
// reports: the same files in the same order, the same findings, the same fixes, and the same
// error at the same file. Run through the built bin, the only way the CLI starts workers.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Candidate } from "../../src/cli/files.js";
import { lintFiles } from "../../src/cli/lint-files.js";
import { lintInWorkers } from "../../src/cli/parallel.js";
import { Workspace } from "../../src/cli/workspace.js";
import { runBin } from "./helpers/cli.js";
import { FIXTURE_TODAY, REPO } from "./helpers/fixtures.js";

// Every example, many times over under fresh ids: specs with and without findings, with fixes.
const COPIES = 16;
const tmp = mkdtempSync(join(tmpdir(), "jointspec-concurrency-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const examples = readdirSync(join(REPO, "examples")).filter((name) => name.endsWith(".campaign.yaml"));
const names: string[] = [];
for (let copy = 0; copy < COPIES; copy++) {
  for (const example of examples) {
    const name = `${String(copy).padStart(2, "0")}-${example}`;
    const text = readFileSync(join(REPO, "examples", example), "utf8");
    writeFileSync(join(tmp, name), text.replace(/^(\s*id:\s*)(\S+)/m, `$1$2-${copy}`));
    names.push(name);
  }
  // And specs that --fix changes.
  for (const fixture of readdirSync(join(REPO, "test/fixtures/fixes")).filter((name) => name.endsWith(".before.campaign.yaml"))) {
    const name = `${String(copy).padStart(2, "0")}-fix-${fixture}`;
    writeFileSync(join(tmp, name), readFileSync(join(REPO, "test/fixtures/fixes", fixture)));
    names.push(name);
  }
}
// The examples' config (roster, glossary) comes along, so the copies are linted as the examples are.
writeFileSync(join(tmp, ".jointspec.yaml"), readFileSync(join(REPO, "examples/.jointspec.yaml")));
mkdirSync(join(tmp, "glossary"));
writeFileSync(join(tmp, "glossary/acme.glossary.yaml"), readFileSync(join(REPO, "examples/glossary/acme.glossary.yaml")));

describe("--concurrency", function () {
  this.timeout(120_000);

  it("lints a large run in several threads with the same report, in the same order, as one thread", () => {
    ok(names.length >= 200, `a run of ${names.length} files is below the size that starts workers`);
    const alone = runBin(["lint", ".", "-f", "json", "--concurrency", "off"], tmp);
    strictEqual(alone.code, 1, alone.stderr);
    const files = (JSON.parse(alone.stdout) as { filePath: string }[]).map((file) => file.filePath);
    deepStrictEqual(files, [...names].sort(), "one thread reports every file, in order");
    for (const threads of ["1", "2", "3", "auto"]) {
      const shared = runBin(["lint", ".", "-f", "json", "--concurrency", threads], tmp);
      deepStrictEqual([shared.code, shared.stderr], [alone.code, alone.stderr], `--concurrency ${threads}`);
      strictEqual(shared.stdout, alone.stdout, `--concurrency ${threads} reports what one thread reports`);
    }
  });

  it("fixes in several threads what one thread fixes", () => {
    const args = ["lint", ".", "--fix-dry-run", "-f", "json"];
    const alone = runBin([...args, "--concurrency", "off"], tmp);
    ok(alone.stdout.includes('"output"'), "some copies have fixes");
    strictEqual(runBin([...args, "--concurrency", "3"], tmp).stdout, alone.stdout);
  });

  it("stops at a file it cannot read as one thread does, whichever thread meets it", async () => {
    // A file that goes missing between finding the files and linting them, in the middle of
    // the run: files on both sides of it are in other threads' hands.
    const candidates: Candidate[] = [...names.slice(0, 120), "gone.campaign.yaml", ...names.slice(120)].map((name) => ({
      path: join(tmp, name),
      explicit: false,
    }));
    const here = {
      cwd: tmp,
      workspace: new Workspace(undefined, tmp),
      specsOnly: false,
      wantsPreview: false,
      wantsText: false,
      wantsFixes: true,
      today: FIXTURE_TODAY,
    };
    const alone = lintFiles(candidates, here);
    strictEqual(alone.length, 121, "one thread stops at the missing file");
    deepStrictEqual(alone.at(-1), { kind: "error", message: "cannot read gone.campaign.yaml: no such file or directory" });
    for (const threads of [1, 3]) {
      const shared = await lintInWorkers(candidates, threads, {
        here,
        explicitConfig: undefined,
        toolVersion: "test",
        cacheEntries: undefined,
        script: join(REPO, "bin/jointspec.js"),
      });
      deepStrictEqual(shared, alone, `${threads} threads`);
    }
  });

  it("finishes when there are more threads than the files keep busy", () => {
    // Eight threads on a machine of fewer cores: some workers are still starting when the
    // main thread has linted everything; they are called off, not waited for.
    const shared = runBin(["lint", ".", "-f", "json", "--concurrency", "8"], tmp);
    strictEqual(shared.stdout, runBin(["lint", ".", "-f", "json", "--concurrency", "off"], tmp).stdout);
  });

  for (const value of ["0", "many", "-2"]) {
    it(`refuses --concurrency ${value}`, () => {
      const run = runBin(["lint", "--concurrency", value, "examples"]);
      deepStrictEqual([run.code, run.stderr], [2, `jointspec: --concurrency takes auto, off or a whole number of threads (1 or more), not "${value}"\n`]);
    });
  }
});
