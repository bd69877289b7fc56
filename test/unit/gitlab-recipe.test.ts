import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { XMLParser } from "fast-xml-parser";
import { parse } from "yaml";
import { FIXTURE_TODAY, FIXTURES, REPO } from "./helpers/fixtures.js";
import { cloneAtHead } from "./helpers/github-action.js";

// The README's GitLab job, run as GitLab runs its script line: in a project with specs,
// through npx, installing JointSpec from git as the line says. Only the package's source
// changes, from github:jointspec/jointspec#<tag> to a clone of this repository at HEAD
// (git+file://…#<sha>): the installer, npx, and everything else on the line are as written.

interface GitlabJob {
  image: string;
  script: string[];
  artifacts: { when: string; reports: { codequality: string; junit: string } };
}

const tmp = mkdtempSync(join(tmpdir(), "jointspec-gitlab-job-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const SOURCE = /github:jointspec\/jointspec#v\d+\.\d+\.\d+/;
const readme = readFileSync(join(REPO, "README.md"), "utf8");
const block = /### GitLab CI\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
const job = block ? (parse(block) as Record<string, GitlabJob>).jointspec : undefined;

const ajv = new Ajv2020({ allErrors: true });
const validateCodeQuality = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, "gitlab/code-quality.schema.json"), "utf8")) as object);

const example = (name: string): string => readFileSync(join(REPO, "examples", name), "utf8");

const PROJECTS: { name: string; files: Record<string, string>; code: number; issues: [check: string, severity: string, path: string][] }[] = [
  {
    name: "a project with an error and a warning: the job fails, and its JUnit report says so",
    files: {
      "specs/new-year-sweepstakes.campaign.yaml": example("new-year-sweepstakes.campaign.yaml"),
      "specs/black-friday.campaign.yaml": example("black-friday-flash-sale.campaign.yaml"),
    },
    code: 1,
    issues: [
      ["owners-both-functions", "minor", "specs/black-friday.campaign.yaml"],
      ["security-review-gate", "major", "specs/new-year-sweepstakes.campaign.yaml"],
    ],
  },
  {
    name: "a project with warnings only: the job passes, and no test fails",
    files: {
      "campaigns/black-friday.campaign.yaml": example("black-friday-flash-sale.campaign.yaml"),
      "docker-compose.yaml": "services:\n  web:\n    image: nginx\n",
    },
    code: 0,
    issues: [["owners-both-functions", "minor", "campaigns/black-friday.campaign.yaml"]],
  },
];

describe("the README's GitLab job, run as written", function () {
  // The first run installs from git with an empty npm cache. npm also installs a git
  // dependency's devDependencies when its package.json has a build, prepare or install
  // script, which takes minutes on a busy machine.
  this.timeout(300_000);
  let clone: string;
  let sha: string;
  // One npm cache for the runs, fresh like a CI job's.
  const npmCache = join(tmp, "npm-cache");
  const home = join(tmp, "home");

  before(() => {
    clone = join(tmp, "jointspec");
    sha = cloneAtHead(REPO, clone);
    mkdirSync(home);
  });

  it("has one script line that installs a tagged release and writes both reports", () => {
    ok(job, "the README has a jointspec job");
    strictEqual(job.script.length, 1);
    ok(SOURCE.test(job.script[0]!), job.script[0]);
    ok(job.script[0]!.includes(`-f gitlab:${job.artifacts.reports.codequality}`));
    ok(job.script[0]!.includes(`-f junit:${job.artifacts.reports.junit}`));
    strictEqual(job.artifacts.when, "always", "the reports are kept when the job fails");
  });

  for (const project of PROJECTS) {
    it(project.name, () => {
      const root = mkdtempSync(join(tmp, "project-"));
      for (const [path, content] of Object.entries(project.files)) {
        mkdirSync(join(root, path, ".."), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const line = job!.script[0]!.replace(SOURCE, `git+file://${clone}#${sha}`);
      const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", line], {
        cwd: root,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          HOME: home,
          npm_config_cache: npmCache,
          npm_config_update_notifier: "false",
          CI: "true",
          GITLAB_CI: "true",
          JOINTSPEC_TODAY: FIXTURE_TODAY,
        },
      });
      strictEqual(run.status, project.code, `exit code\n${run.stdout}\n${run.stderr}`);

      const codeQuality = join(root, job!.artifacts.reports.codequality);
      ok(existsSync(codeQuality), "the Code Quality report is written");
      const issues = JSON.parse(readFileSync(codeQuality, "utf8")) as { check_name: string; severity: string; location: { path: string } }[];
      ok(validateCodeQuality(issues), ajv.errorsText(validateCodeQuality.errors));
      deepStrictEqual(
        issues.map((i) => [i.check_name, i.severity, i.location.path]),
        project.issues,
      );

      const junit = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "testsuite" }).parse(
        readFileSync(join(root, job!.artifacts.reports.junit), "utf8"),
      ) as {
        testsuites: { "@_failures": string; testsuite: unknown[] };
      };
      strictEqual(junit.testsuites.testsuite.length, Object.keys(project.files).filter((f) => f.endsWith(".campaign.yaml")).length);
      strictEqual(junit.testsuites["@_failures"] !== "0", project.code !== 0, "failed tests exactly when the job fails");
    });
  }
});
