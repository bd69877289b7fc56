import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyTextEdits } from "../../src/core/fixes/apply.js";
import { lintSpec } from "../../src/core/lint.js";
import { parseYaml } from "../../src/core/parse.js";
import { signOffEdits, signerProblem } from "../../src/core/sign-off/edits.js";
import { signOffRecord } from "../../src/core/sign-off/record.js";
import { readyToSign, reviewState, type SigningFunction, type SignOffState } from "../../src/core/sign-off/review.js";
import { asMap } from "../../src/core/spec-data.js";
import { FIXTURES } from "./helpers/fixtures.js";

const SIGN_OFF = join(FIXTURES, "sign-off");
const read = (...parts: string[]): string => readFileSync(join(SIGN_OFF, ...parts), "utf8");
const specOf = (text: string): Record<string, unknown> => asMap(parseYaml(text).data) as Record<string, unknown>;

describe("sign-off", () => {
  describe("signOffEdits", () => {
    // Each case (edits/cases.json): a spec, who signs for which function, and either the file
    // as it must read afterwards (<name>.after.campaign.yaml) or the reason it is refused.
    const cases = JSON.parse(read("edits", "cases.json")) as {
      name: string;
      function: SigningFunction;
      signer: { name: string; date: string };
      error?: string;
    }[];
    for (const { name, function: fn, signer, error } of cases) {
      if (error) {
        it(`${name}: refuses ${fn} signed by ${JSON.stringify(signer.name)} on ${signer.date}`, () => {
          const file = existsSync(join(SIGN_OFF, "edits", `${name}.campaign.yaml`)) ? `${name}.campaign.yaml` : `${name}.before.campaign.yaml`;
          const result = signOffEdits(read("edits", file), fn, signer);
          ok("error" in result, "an error, not edits");
          ok(result.error.includes(error), `${JSON.stringify(result.error)} says ${JSON.stringify(error)}`);
        });
        continue;
      }
      it(`${name}: ${fn} signed by ${signer.name}`, () => {
        const before = read("edits", `${name}.before.campaign.yaml`);
        const result = signOffEdits(before, fn, signer);
        ok("edits" in result, JSON.stringify(result));
        const after = applyTextEdits(before, result.edits);
        const afterFile = join(SIGN_OFF, "edits", `${name}.after.campaign.yaml`);
        if (process.env.UPDATE_FIXTURES && !existsSync(afterFile)) writeFileSync(afterFile, after);
        strictEqual(after, readFileSync(afterFile, "utf8"));

        // Only the edited spans differ: every line the edits do not touch is byte-identical.
        const beforeLines = before.split("\n");
        const afterLines = after.split("\n");
        const touched = new Set(result.edits.map((edit) => edit.range.start.line));
        const firstTouched = Math.min(...touched);
        for (let line = 0; line < firstTouched; line++) strictEqual(afterLines[line], beforeLines[line], `line ${line + 1} is untouched`);
        const tail = beforeLines.length - 1 - Math.max(...result.edits.map((edit) => edit.range.end.line));
        deepStrictEqual(
          afterLines.slice(afterLines.length - tail),
          beforeLines.slice(beforeLines.length - tail),
          "the lines after the last edit are untouched",
        );
        if (before.includes("\r\n")) ok(!/[^\r]\n/.test(after), "no bare LF in a CRLF file");
        strictEqual(after.startsWith("\uFEFF"), before.startsWith("\uFEFF"), "the byte order mark stays as it was");

        const lint = lintSpec(after);
        ok(!lint.findings.some((f) => f.ruleId === "yaml-syntax"), "the result is well-formed YAML");
        const state = reviewState(lint.analysis.spec)[fn];
        deepStrictEqual([state.state, state.name, state.date], ["current", signer.name, signer.date]);
        // The other function's sign-off is left exactly as it was.
        const other: SigningFunction = fn === "marketing" ? "technology" : "marketing";
        deepStrictEqual(asMap(specOf(after).approvals)?.[other], asMap(specOf(before).approvals)?.[other]);
      });
    }

    it("signs twice without a change: the second sign-off changes nothing", () => {
      const signer = { name: "Ana Costa", date: "2027-03-05" };
      const once = read("edits", "add-approvals.after.campaign.yaml");
      deepStrictEqual(signOffEdits(once, "marketing", signer), { edits: [] });
    });
  });

  describe("signerProblem", () => {
    it("accepts a person and refuses placeholders, teams and an empty name, saying which", () => {
      strictEqual(signerProblem("Dana Reyes"), undefined);
      ok(signerProblem("TBD")?.includes("is a placeholder"));
      ok(signerProblem("Security team")?.includes("is a team, not a person"));
      ok(signerProblem("  ")?.includes("needs the name of the person signing"));
    });
  });

  describe("the record and reviewState", () => {
    const base = read("review", "base.campaign.yaml");
    const baseRecord = signOffRecord(specOf(base));

    it("is versioned, one line, and short enough to read beside the name and date", () => {
      ok(
        /^v1 [A-Za-z0-9_-]{16} mkt=[A-Za-z0-9_-]{2} tech=[A-Za-z0-9_-]{2} (kpi\.[a-z0-9-]+=[A-Za-z0-9_-]{12} )+sec=[A-Za-z0-9_-]{2} data=[A-Za-z0-9_-]{2} sys=[A-Za-z0-9_-]{2} time=[A-Za-z0-9_-]{2}$/.test(
          baseRecord,
        ),
        baseRecord,
      );
      ok(baseRecord.length < 160, `${baseRecord.length} characters`);
    });

    // Each file is base.campaign.yaml edited, with base's records kept: the table says how each
    // function's sign-off stands afterwards and what it names as changed.
    const CASES: { file: string; state: SignOffState | Record<SigningFunction, SignOffState>; changes?: string[] }[] = [
      { file: "base", state: "current" },
      { file: "current-reformatted", state: "current" },
      { file: "stale-kpi-target", state: "stale", changes: ["the target of KPI reactivation-rate"] },
      { file: "stale-technology-owners", state: "stale", changes: ["the technology owners"] },
      { file: "stale-security-review", state: "stale", changes: ["the security review"] },
      { file: "stale-kpis-added-removed", state: "stale", changes: ["the KPIs (complaint-rate added; unsubscribe-rate removed)"] },
      { file: "stale-several-parts", state: "stale", changes: ["the definition and source of KPI reactivation-rate", "the data", "the timeline"] },
      { file: "stale-systems", state: "stale", changes: ["the systems"] },
      { file: "unrecorded-and-missing", state: { marketing: "missing", technology: "unrecorded" } },
      { file: "unreadable-record", state: "stale", changes: ["the record of what was signed, which JointSpec cannot read"] },
    ];
    for (const { file, state, changes = [] } of CASES) {
      it(`${file}: ${typeof state === "string" ? state : JSON.stringify(state)}${changes.length > 0 ? `, naming ${changes.join("; ")}` : ""}`, () => {
        const text = read("review", `${file}.campaign.yaml`);
        const spec = specOf(text);
        const states = reviewState(spec);
        for (const fn of ["marketing", "technology"] as const) {
          const expected = typeof state === "string" ? state : state[fn];
          strictEqual(states[fn].state, expected, `${fn}'s sign-off`);
          deepStrictEqual(states[fn].changes, expected === "stale" ? changes : []);
          // The case is real: the spec carries base's record, unchanged.
          const record = asMap(asMap(spec.approvals)?.[fn])?.record;
          if (expected !== "unrecorded" && file !== "unreadable-record") strictEqual(record, baseRecord);
        }
      });
    }

    it("says why a record cannot be read", () => {
      const states = reviewState(specOf(read("review", "unreadable-record.campaign.yaml")));
      strictEqual(states.marketing.unreadable, "it is a v2 record, and this version of JointSpec reads v1");
      strictEqual(states.technology.unreadable, "its digest is not 16 characters of base64url");
    });

    it("gives missing for both functions when the spec cannot be read", () => {
      deepStrictEqual(reviewState(undefined), {
        marketing: { function: "marketing", state: "missing", changes: [] },
        technology: { function: "technology", state: "missing", changes: [] },
      });
    });
  });

  describe("readyToSign", () => {
    const CASES: { file: string; reasons: string[] }[] = [
      { file: "ready-waived-review-no-pii", reasons: [] },
      { file: "ready-signed", reasons: [] },
      {
        file: "not-ready-several-reasons",
        reasons: [
          'Fix the errors first: line 6: status must be one of draft, in-review, approved, live, retired, not "in-reveiw". Did you mean "in-review"?',
          "No person is named under owners.technology.",
          "No KPI is owned by both marketing and technology.",
          'The security review is "in-progress"; it must be approved.',
        ],
      },
      {
        file: "not-ready-waived-review-with-pii",
        reasons: ["The security review is waived, but the campaign handles personal data (pii): it must be approved."],
      },
      { file: "not-ready-yaml-error", reasons: ["The spec cannot be read as one YAML map; fix the YAML errors first."] },
    ];
    for (const { file, reasons } of CASES) {
      it(`${file}: ${reasons.length === 0 ? "ready" : `not ready (${reasons.length} reason${reasons.length > 1 ? "s" : ""})`}`, () => {
        deepStrictEqual(readyToSign(lintSpec(read("ready", `${file}.campaign.yaml`))), { ready: reasons.length === 0, reasons });
      });
    }
  });
});
