import { deepStrictEqual, doesNotMatch, match, ok, strictEqual } from "node:assert";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayOf } from "../../src/cli/today.js";
import { RUNNERS, type CliRun } from "./helpers/cli.js";
import { FIXTURE_TODAY, FIXTURES } from "./helpers/fixtures.js";

// `jointspec sign-off`, in-process and as a child process: it writes the sign-off with the
// core's minimal edits, and `jointspec lint` then reports a material change (and only that).

const SPEC = join(FIXTURES, "cli/sign-off/winback.campaign.yaml");
const NOT_READY = join(FIXTURES, "sign-off/ready/not-ready-several-reasons.campaign.yaml");
const tmp = mkdtempSync(join(tmpdir(), "jointspec-sign-off-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

type Run = (args: readonly string[], cwd?: string, env?: Record<string, string | undefined>) => Promise<CliRun>;

// A fresh folder holding a copy of `source` as spec.campaign.yaml.
function folderWith(source: string): string {
  const folder = mkdtempSync(join(tmp, "case-"));
  copyFileSync(source, join(folder, "spec.campaign.yaml"));
  return folder;
}

const SIGN_MARKETING = ["sign-off", "spec.campaign.yaml", "--function", "marketing", "--name", "Dana Reyes", "--date", "2027-06-20"];

describe("jointspec sign-off", () => {
  for (const { name: runner, run } of RUNNERS as unknown as readonly { name: string; run: Run }[]) {
    describe(runner, () => {
      it("signs, then lint reports a KPI target changed afterwards, and not a new title", async () => {
        const cwd = folderWith(SPEC);
        const before = readFileSync(SPEC, "utf8");
        const signed = await run(SIGN_MARKETING, cwd);
        strictEqual(signed.code, 0, signed.stderr);
        strictEqual(signed.stderr, "");
        match(signed.stdout, /^Signed off spec\.campaign\.yaml for marketing as Dana Reyes on 2027-06-20\. What was signed:\n/);
        match(signed.stdout, /\n {2}KPIs: +reactivation-rate \(target >= 6%, shared\); unsubscribe-rate \(target <= 0\.4%\)\n/);
        match(signed.stdout, /\nRecord: v1 [A-Za-z0-9_-]{16} mkt=/);

        // Only the approvals line changed; every other line is byte for byte what it was,
        // comments and the spaced flow list included.
        const after = readFileSync(join(cwd, "spec.campaign.yaml"), "utf8");
        const beforeLines = before.split("\n");
        const afterLines = after.split("\n");
        strictEqual(afterLines.length, beforeLines.length);
        const changed = afterLines.flatMap((line, index) => (line === beforeLines[index] ? [] : [index]));
        deepStrictEqual(
          changed.map((index) => beforeLines[index]),
          ["approvals: { technology: { name: Sam Patel, date: 2027-06-06 } }   # technology signed by hand"],
        );
        match(
          afterLines[changed[0]!]!,
          /^approvals: \{ technology: \{ name: Sam Patel, date: 2027-06-06 \}, marketing: \{ name: Dana Reyes, date: 2027-06-20, record: "v1 [^"]+" \} \} {3}# technology signed by hand$/,
        );

        strictEqual((await run(["lint", "spec.campaign.yaml"], cwd)).stdout, "", "clean right after signing");

        writeFileSync(join(cwd, "spec.campaign.yaml"), after.replace("title: Win-back reactivation", "title: Win back lapsed customers"));
        strictEqual((await run(["lint", "spec.campaign.yaml"], cwd)).stdout, "", "a new title changes nothing material");

        writeFileSync(join(cwd, "spec.campaign.yaml"), after.replace('target: ">= 6%"', 'target: ">= 8%"'));
        const stale = await run(["lint", "spec.campaign.yaml", "--format", "json"], cwd);
        const findings = (JSON.parse(stale.stdout) as { findings: { ruleId: string; message: string; line: number }[] }[])[0]!.findings;
        deepStrictEqual(
          findings.map((f) => [f.ruleId, f.line, f.message]),
          [
            [
              "stale-sign-off",
              changed[0]! + 1,
              "The target of KPI reactivation-rate changed after marketing signed on 2027-06-20; marketing should review the change and sign again.",
            ],
          ],
        );
      });

      it("signs again over a stale sign-off, replacing only that function's entry", async () => {
        const cwd = folderWith(SPEC);
        strictEqual((await run(SIGN_MARKETING, cwd)).code, 0);
        const path = join(cwd, "spec.campaign.yaml");
        writeFileSync(path, readFileSync(path, "utf8").replace('target: ">= 6%"', 'target: ">= 8%"'));
        const again = await run(["sign-off", "spec.campaign.yaml", "--function", "marketing", "--name", "Dana Reyes"], cwd);
        strictEqual(again.code, 0, again.stderr);
        match(
          again.stdout,
          new RegExp(
            `^Signed off spec\\.campaign\\.yaml for marketing as Dana Reyes on ${FIXTURE_TODAY} \\(replacing the sign-off by Dana Reyes of 2027-06-20, which was stale\\)\\.`,
          ),
        );
        strictEqual((await run(["lint", "spec.campaign.yaml"], cwd)).stdout, "");
        match(readFileSync(path, "utf8"), /\{ technology: \{ name: Sam Patel, date: 2027-06-06 \}, marketing: \{ name: Dana Reyes, date: 2027-12-31, record: /);
      });

      it("keeps a byte order mark and CRLF line ends, writing what the editor's edit writes", async () => {
        const cwd = folderWith(join(FIXTURES, "sign-off/edits/bom-crlf.before.campaign.yaml"));
        const result = await run(["sign-off", "spec.campaign.yaml", "--function", "technology", "--name", "Ravi Menon", "--date", "2027-03-06"], cwd);
        strictEqual(result.code, 0, result.stderr);
        deepStrictEqual(readFileSync(join(cwd, "spec.campaign.yaml")), readFileSync(join(FIXTURES, "sign-off/edits/bom-crlf.after.campaign.yaml")));
      });

      it("says so and writes nothing when the same sign-off is already there", async () => {
        const cwd = folderWith(SPEC);
        strictEqual((await run(SIGN_MARKETING, cwd)).code, 0);
        const signed = readFileSync(join(cwd, "spec.campaign.yaml"), "utf8");
        const again = await run(SIGN_MARKETING, cwd);
        deepStrictEqual(
          [again.code, again.stdout],
          [
            0,
            "spec.campaign.yaml is already signed off for marketing by Dana Reyes on 2027-06-20, and nothing material has changed since; nothing to write.\n",
          ],
        );
        strictEqual(readFileSync(join(cwd, "spec.campaign.yaml"), "utf8"), signed);
      });

      // Each refusal: exit 2, one line on stderr, nothing written.
      const REFUSALS: { name: string; args: string[]; stderr: string; source?: string }[] = [
        {
          name: "an unknown function",
          args: ["--function", "marketng", "--name", "Dana Reyes"],
          stderr: 'jointspec: --function takes marketing or technology, not "marketng"; did you mean "marketing"?\n',
        },
        { name: "no function", args: ["--name", "Dana Reyes"], stderr: "jointspec: --function is required: marketing or technology\n" },
        {
          name: "no name",
          args: ["--function", "technology"],
          stderr: 'jointspec: --name is required: the person signing for technology, as in --name "Dana Reyes"\n',
        },
        {
          name: "a placeholder name",
          args: ["--function", "marketing", "--name", "TBD"],
          stderr: 'jointspec: --name: "TBD" is a placeholder: a sign-off needs the name of the person signing.\n',
        },
        {
          name: "a team's name",
          args: ["--function", "technology", "--name", "Platform team"],
          stderr: 'jointspec: --name: "Platform team" is a team, not a person: a sign-off needs the name of the person signing.\n',
        },
        {
          name: "a date that is no date",
          args: ["--function", "marketing", "--name", "Dana Reyes", "--date", "2027-02-30"],
          stderr: 'jointspec: --date: "2027-02-30" is not a date written as YYYY-MM-DD.\n',
        },
        {
          name: "a date after today",
          args: ["--function", "marketing", "--name", "Dana Reyes", "--date", "2028-01-01"],
          stderr: `jointspec: --date 2028-01-01 is after today (${FIXTURE_TODAY}); a sign-off is dated the day it is given\n`,
        },
        {
          name: "a lint option",
          args: ["--function", "marketing", "--name", "Dana Reyes", "--fix"],
          stderr: "jointspec: --fix is not an option of sign-off (see --help)\n",
        },
        {
          name: "a file that is not YAML",
          args: ["--function", "marketing", "--name", "Dana Reyes"],
          source: join(FIXTURES, "sign-off/ready/not-ready-yaml-error.campaign.yaml"),
          stderr:
            "jointspec: spec.campaign.yaml: The spec is not well-formed YAML (line 3, column 16: Flow sequence in block collection must be sufficiently indented and end with a ].); fix it before signing.\n",
        },
      ];
      for (const { name, args, stderr, source } of REFUSALS) {
        it(`refuses ${name}, with one line and exit 2`, async () => {
          const cwd = folderWith(source ?? SPEC);
          const before = readFileSync(join(cwd, "spec.campaign.yaml"), "utf8");
          const result = await run(["sign-off", "spec.campaign.yaml", ...args], cwd);
          deepStrictEqual([result.code, result.stdout, result.stderr], [2, "", stderr]);
          strictEqual(readFileSync(join(cwd, "spec.campaign.yaml"), "utf8"), before, "nothing written");
        });
      }

      it("refuses a file that is not there", async () => {
        const result = await run(["sign-off", "missing.campaign.yaml", "--function", "marketing", "--name", "Dana Reyes"], tmp);
        deepStrictEqual([result.code, result.stderr], [2, "jointspec: cannot read missing.campaign.yaml: no such file or directory\n"]);
      });

      it("refuses the sign-off options on lint", async () => {
        const result = await run(["lint", "--name", "Dana Reyes"], tmp);
        deepStrictEqual([result.code, result.stderr], [2, "jointspec: --name is an option of jointspec sign-off, not of lint (see --help)\n"]);
      });

      it("leaves a spec that is not ready as it is, says why, and exits 1", async () => {
        const cwd = folderWith(NOT_READY);
        const result = await run(["sign-off", "spec.campaign.yaml", "--function", "marketing", "--name", "Dana Reyes"], cwd);
        strictEqual(result.code, 1);
        strictEqual(
          result.stderr,
          [
            "jointspec: spec.campaign.yaml is not ready for marketing to sign; nothing was written:",
            'jointspec:   - Fix the errors first: line 6: status must be one of draft, in-review, approved, live, retired, not "in-reveiw". Did you mean "in-review"?',
            "jointspec:   - No person is named under owners.technology.",
            "jointspec:   - No KPI is owned by both marketing and technology.",
            'jointspec:   - The security review is "in-progress"; it must be approved.',
            "",
          ].join("\n"),
        );
        strictEqual(readFileSync(join(cwd, "spec.campaign.yaml"), "utf8"), readFileSync(NOT_READY, "utf8"));
        doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
      });

      it("--help documents sign-off", async () => {
        const help = await run(["--help"], tmp);
        match(help.stdout, /jointspec sign-off <file> --function marketing\|technology --name <name> \[--date YYYY-MM-DD\]/);
        for (const option of ["--function", "--name", "--date"]) match(help.stdout, new RegExp(`^ +${option} <`, "m"));
      });
    });
  }

  describe("today", () => {
    it("is the local date, or JOINTSPEC_TODAY when set, which must be a date", () => {
      strictEqual(todayOf({}, new Date(2027, 0, 5, 23, 59)), "2027-01-05");
      strictEqual(todayOf({ JOINTSPEC_TODAY: "2030-02-28" }), "2030-02-28");
      let message = "";
      try {
        todayOf({ JOINTSPEC_TODAY: "tomorrow" });
      } catch (error) {
        message = (error as Error).message;
      }
      strictEqual(message, 'JOINTSPEC_TODAY is "tomorrow", not a date written as YYYY-MM-DD');
      ok(/^\d{4}-\d{2}-\d{2}$/.test(todayOf({})));
    });
  });
});
