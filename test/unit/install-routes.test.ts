import { deepStrictEqual, match, ok, strictEqual } from "node:assert";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, sep } from "node:path";
import { parse } from "yaml";
import { expectedFindings, REPO } from "./helpers/fixtures.js";

// The install routes the README gives, tried as a new user tries them: each one installs
// what users install into a new project outside this repository, and runs the command there
// on real specs. Nothing is swapped for this repository's bin.
//
// Everything comes from a clone of this repository at HEAD, so what is tested is what is
// committed (commit before running this in a working copy). Installs run offline, with a
// fresh npm cache and HOME: the package has no dependencies, so npm needs no registry, and a
// route that reached for one would fail here. The one thing changed from the README is
// `github:jointspec/jointspec`, replaced by a git+file:// URL of the clone at HEAD's commit
// (what npm does with a github: spec, minus the download).

const README = readFileSync(join(REPO, "README.md"), "utf8");
const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
const GITHUB_SPEC = "github:jointspec/jointspec";
const GITHUB_URL = "https://github.com/jointspec/jointspec";
// The npm package, file by file: the CLI and what a user reads beside it; a stray file fails.
const PACKAGE_FILES = [
  "CHANGELOG.md",
  "LICENSE",
  "README.md",
  "bin/jointspec.js",
  "dist/cli.js",
  "glossary/jointspec.glossary.yaml",
  "glossary/jointspec.words.yaml",
  "package.json",
  "schemas/config.schema.json",
  "schemas/glossary.schema.json",
  "schemas/jointspec.schema.json",
  "schemas/words.schema.json",
];
const MAX_PACKED_BYTES = 1024 * 1024;
const STEP_TIMEOUT_MS = 120_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
interface JsonReport {
  filePath: string;
  findings: { ruleId: string; line: number; column: number }[];
}

let tmp = "";
let clone = "";
let sha = "";
let gitUrl = "";
let env: NodeJS.ProcessEnv = {};

// Runs a command line in bash, as a user types it, with the isolated environment.
function sh(command: string, cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync("bash", ["--noprofile", "--norc", "-c", command], {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: "utf8",
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
}

// Runs a command line that must succeed, and shows everything it printed when it does not.
function must(command: string, cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const run = sh(command, cwd, extraEnv);
  strictEqual(run.status, 0, `\`${command}\` exited with ${run.status}:\n${run.stdout}${run.stderr}`);
  return run;
}

// Runs git with the caller's own environment (its safe.directory and identity settings).
function git(cwd: string, ...args: string[]): string {
  const run = spawnSync("git", args, { cwd, encoding: "utf8" });
  strictEqual(run.status, 0, `git ${args.join(" ")}: ${run.stderr}`);
  return run.stdout.trim();
}

// The first fenced block of the given language after a heading of the README.
function readmeBlock(heading: string, language: string): string {
  const at = README.indexOf(`\n${heading}\n`);
  ok(at >= 0, `README has no "${heading}" heading`);
  const fence = "```";
  const block = new RegExp(`${fence}${language}\\n([\\s\\S]*?)${fence}`).exec(README.slice(at));
  ok(block, `README has no ${language} block under "${heading}"`);
  return block[1]!;
}

// A command the README's prose gives in backticks, found by a pattern.
function readmeCommand(pattern: RegExp): string {
  const found = pattern.exec(README.replace(/\s*\n\s*/g, " "));
  ok(found, `README gives no command matching ${pattern}`);
  return found[1]!;
}

// A new project beside the clone, as `npm init -y` makes it, holding specs to lint: the
// examples (with their .jointspec.yaml and glossary) and a YAML file that is not a spec.
function newProject(name: string, { npmInit = true } = {}): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  if (npmInit) must("npm init -y", dir);
  cpSync(join(clone, "examples"), join(dir, "specs"), { recursive: true });
  cpSync(join(clone, "test/fixtures/cli/mixed/docker-compose.yaml"), join(dir, "specs/docker-compose.yaml"));
  return dir;
}

// "specs/<file>:rule@line:column" for every finding the specs in a project mark inline.
function markedFindings(dir: string): string[] {
  return readdirSync(join(dir, "specs"))
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith(".") && name !== "docker-compose.yaml")
    .flatMap((name) => expectedFindings(readFileSync(join(dir, "specs", name), "utf8")).map((finding) => `specs/${name}:${finding}`))
    .sort();
}

// The same shape for a JSON report; also returns which files it covered.
function reportedFindings(stdout: string): { files: string[]; findings: string[] } {
  const reports = JSON.parse(stdout) as JsonReport[];
  return {
    files: reports.map((report) => report.filePath).sort(),
    findings: reports.flatMap((r) => r.findings.map((f) => `${r.filePath}:${f.ruleId}@${f.line}:${f.column}`)).sort(),
  };
}

// The installed command lints as the README says: 0 on clean specs, 1 with the findings the
// specs mark when one has an error, and a YAML file that is not a spec is left alone.
function checkInstalledCommand(dir: string): void {
  const bin = join(dir, "node_modules/.bin/jointspec");
  ok(existsSync(bin), "the install linked no jointspec command");
  ok(realpathSync(bin).startsWith(tmp + sep), `the command is ${realpathSync(bin)}, not the installed one`);
  const installed = JSON.parse(readFileSync(join(dir, "node_modules/jointspec/package.json"), "utf8")) as { dependencies?: object };
  strictEqual(installed.dependencies, undefined, "the installed package has runtime dependencies");

  const clean = sh("npx jointspec lint specs/spring-loyalty-relaunch.campaign.yaml specs/partner-webinar.yaml --format json", dir);
  strictEqual(clean.status, 0, `${clean.stdout}${clean.stderr}`);
  deepStrictEqual(reportedFindings(clean.stdout), { files: ["specs/partner-webinar.yaml", "specs/spring-loyalty-relaunch.campaign.yaml"], findings: [] });

  const all = sh("npx jointspec lint specs --format json", dir);
  strictEqual(all.status, 1, `${all.stdout}${all.stderr}`);
  const reported = reportedFindings(all.stdout);
  ok(!reported.files.includes("specs/docker-compose.yaml"), "a YAML file that is not a spec was linted");
  ok(reported.files.includes("specs/student-discount-verification.campaign.yaml"));
  deepStrictEqual(reported.findings, markedFindings(dir));
  ok(reported.findings.includes("specs/student-discount-verification.campaign.yaml:schema@5:9"));
}

describe("install routes, from a clone at HEAD into new projects", function () {
  this.timeout(STEP_TIMEOUT_MS);

  before(function () {
    this.timeout(STEP_TIMEOUT_MS);
    tmp = realpathSync(mkdtempSync(join(tmpdir(), "jointspec-install-")));
    mkdirSync(join(tmp, "home"));
    env = {
      // The test runner's PATH holds this repository's node_modules/.bin; a new project's does not.
      PATH: (process.env.PATH ?? "")
        .split(delimiter)
        .filter((entry) => !entry.includes("node_modules"))
        .join(delimiter),
      HOME: join(tmp, "home"),
      LANG: process.env.LANG ?? "C.UTF-8",
      npm_config_cache: join(tmp, "npm-cache"),
      npm_config_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
      // No JOINTSPEC_TODAY: users do not set it. The examples' review and sign-off dates are
      // in the past, so their findings do not depend on the day the tests run.
    };
    // HEAD by name, so that a detached HEAD (as CI checks out) is fetched too.
    sha = git(REPO, "rev-parse", "HEAD");
    clone = join(tmp, "jointspec");
    git(tmp, "init", "-q", clone);
    git(clone, "fetch", "-q", REPO, "HEAD");
    git(clone, "checkout", "-q", "-b", "under-test", "FETCH_HEAD");
    strictEqual(git(clone, "rev-parse", "HEAD"), sha);
    gitUrl = `git+file://${clone}#${sha}`;
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("the tarball npm pack makes: exactly the allow-listed files, under 1 MB, installed as the README says", () => {
    const install = readmeCommand(/`(npm install --save-dev \.\/jointspec-[\w.-]+\.tgz)`/);
    const dir = newProject("from-tarball");
    const packed = JSON.parse(must(`npm pack --json --pack-destination '${dir}'`, clone).stdout) as {
      filename: string;
      size: number;
      files: { path: string }[];
    }[];
    strictEqual(packed.length, 1);
    strictEqual(`./${packed[0]!.filename}`, install.split(" ").pop(), "the README names another tarball than npm pack makes");
    deepStrictEqual(packed[0]!.files.map((file) => file.path).sort(), PACKAGE_FILES);
    ok(packed[0]!.size < MAX_PACKED_BYTES, `the tarball is ${packed[0]!.size} bytes`);

    const added = must(install, dir);
    match(added.stdout, /added 1 package\b/);
    checkInstalledCommand(dir);
  });

  it("npm publish from this working copy would ship the same files", () => {
    // Here dist/ also holds the extension bundle. npm always packs the file "main" names, but
    // its rule for "./dist/extension.js" (with the ./) matches nothing, so the bundle stays
    // out; written "dist/extension.js", it would be shipped, and this test would say so.
    const packed = JSON.parse(must("npm pack --dry-run --json", REPO).stdout) as { files: { path: string }[] }[];
    deepStrictEqual(packed[0]!.files.map((file) => file.path).sort(), PACKAGE_FILES);
  });

  it("a git install: the README's two commands, from the clone at HEAD's commit", () => {
    const lines = readmeBlock("## The command line", "sh").trim().split("\n");
    deepStrictEqual(lines, [`npm install --save-dev ${GITHUB_SPEC}`, "npx jointspec lint"]);
    const dir = newProject("from-git");
    const added = must(lines[0]!.replace(GITHUB_SPEC, gitUrl), dir);
    match(added.stdout, /added 1 package\b/);
    const lint = sh(lines[1]!, dir);
    strictEqual(lint.status, 1, lint.stderr);
    match(lint.stdout, new RegExp(`✖ ${markedFindings(dir).length} problems \\(3 errors`));
    checkInstalledCommand(dir);
  });

  it("a directory install of a clone, as the README writes it", () => {
    const install = readmeCommand(/`(npm install --save-dev \.\.\/jointspec)`/);
    const dir = newProject("from-directory");
    must(install, dir);
    checkInstalledCommand(dir);
  });

  it("npx --yes github:… with no project around it, as CI jobs run it", () => {
    ok(README.replace(/\s+/g, " ").includes(`\`npx --yes ${GITHUB_SPEC}\``), "the README no longer gives npx --yes github:…");
    const dir = newProject("npx-only", { npmInit: false });
    const run = sh(`npx --yes ${gitUrl} lint specs --format json`, dir);
    strictEqual(run.status, 1, run.stderr);
    deepStrictEqual(reportedFindings(run.stdout).findings, markedFindings(dir));
    ok(!existsSync(join(dir, "node_modules")));
  });

  describe("the pre-commit hook, through Debian's pre-commit", () => {
    const readmeConfig = () => readmeBlock("### pre-commit", "yaml");
    let rev = "";

    before(() => {
      const version = sh("pre-commit --version", tmp);
      ok(version.status === 0, "pre-commit is not installed: run `bash scripts/ensure-pre-commit.sh` (npm test does)");
      const config = parse(readmeConfig()) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
      strictEqual(config.repos[0]!.repo, GITHUB_URL);
      rev = config.repos[0]!.rev;
      strictEqual(rev, `v${VERSION}`, "the README's rev is not this version's tag");
      // The release tag the README pins, on the commit under test.
      git(clone, "tag", rev, sha);
    });

    // A git repository using the README's config, pointed at the clone, with these files staged.
    function hookedProject(name: string, files: string[]): Run {
      const dir = join(tmp, name);
      mkdirSync(dir);
      git(dir, "init", "-q");
      writeFileSync(join(dir, ".pre-commit-config.yaml"), readmeConfig().replace(GITHUB_URL, clone));
      for (const file of files) cpSync(join(clone, file), join(dir, file.split("/").pop()!));
      git(dir, "add", "-A");
      const run = sh("pre-commit run --all-files", dir, { PRE_COMMIT_HOME: join(tmp, "pre-commit-home") });
      const output = `${run.stdout}${run.stderr}`;
      ok(!/\bnpm\b|Installing environment|mutable reference/i.test(output), `pre-commit installed something or warned:\n${output}`);
      return run;
    }

    it("runs bin/jointspec.js, executable in git, as the hook's entry", () => {
      const [hook] = parse(readFileSync(join(clone, ".pre-commit-hooks.yaml"), "utf8")) as { language: string; entry: string }[];
      strictEqual(hook!.language, "script");
      match(hook!.entry, /^bin\/jointspec\.js lint /);
      match(git(clone, "ls-files", "--stage", "bin/jointspec.js"), /^100755 /);
    });

    it("passes a commit whose only YAML is not a spec", () => {
      const run = hookedProject("hook-no-specs", ["test/fixtures/cli/mixed/docker-compose.yaml"]);
      strictEqual(run.status, 0, run.stdout);
      match(run.stdout, /^JointSpec\.+Passed$/m);
    });

    it("passes a clean spec", () => {
      const run = hookedProject("hook-clean", ["examples/spring-loyalty-relaunch.campaign.yaml", "test/fixtures/cli/mixed/docker-compose.yaml"]);
      strictEqual(run.status, 0, run.stdout);
      match(run.stdout, /^JointSpec\.+Passed$/m);
    });

    it("fails on a spec with an error, and shows the findings", () => {
      const run = hookedProject("hook-error", ["examples/student-discount-verification.campaign.yaml", "examples/spring-loyalty-relaunch.campaign.yaml"]);
      strictEqual(run.status, 1, run.stdout);
      match(run.stdout, /^JointSpec\.+Failed$/m);
      match(run.stdout, /^student-discount-verification\.campaign\.yaml\n\s+5:9\s+error\s+status must be one of .+\bschema$/m);
      match(run.stdout, /^✖ 1 problem \(1 error, 0 warnings, 0 infos\) in 1 of 2 specs$/m);
    });

    it("says in one line when the system's node is too old for the bundle", () => {
      // Debian 12's own nodejs is 18; the hook runs whatever node is on PATH.
      const preload = join(tmp, "pretend-node-18.cjs");
      writeFileSync(preload, 'Object.defineProperty(process.versions, "node", { value: "18.19.0" });\n');
      const run = spawnSync(process.execPath, ["-r", preload, join(clone, "bin/jointspec.js"), "lint", "."], { cwd: tmp, encoding: "utf8", env });
      strictEqual(run.status, 2);
      strictEqual(run.stdout, "");
      match(run.stderr, /^jointspec: needs Node\.js 20\.16 or later, but \S+ is v18\.19\.0\n$/);
    });
  });
});
