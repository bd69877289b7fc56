import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyTextEdits, fixAll } from "../../src/core/fixes/apply.js";
import { lintSpec } from "../../src/core/lint.js";
import { FIXTURES } from "./helpers/fixtures.js";

// Each case (fixes/cases.json, shared with the integration tests): a spec, the quick fix a
// person picks, and the file as it must read afterwards.
// The expected file is the whole truth: every byte outside the edit, comments included, is
// compared, and the edit itself must be the only difference.
const CASES = JSON.parse(readFileSync(join(FIXTURES, "fixes", "cases.json"), "utf8")) as { name: string; ruleId: string; fix: string; gone: boolean }[];

describe("fixes", () => {
  for (const { name, ruleId, fix: title, gone } of CASES) {
    it(`${name}: ${title}`, () => {
      const before = readFileSync(join(FIXTURES, "fixes", `${name}.before.campaign.yaml`), "utf8");
      const afterFile = join(FIXTURES, "fixes", `${name}.after.campaign.yaml`);
      const finding = lintSpec(before).findings.find((f) => f.ruleId === ruleId);
      ok(finding, `a ${ruleId} finding`);
      const fix = finding.fixes?.find((f) => f.title === title);
      ok(fix, `fix "${title}" among ${JSON.stringify(finding.fixes?.map((f) => f.title))}`);
      const after = applyTextEdits(before, fix.edits);
      if (process.env.UPDATE_FIXTURES && !existsSync(afterFile)) writeFileSync(afterFile, after);
      strictEqual(after, readFileSync(afterFile, "utf8"));

      // Everything outside the edited span is byte-identical.
      const [start, end] = fix.edits.length === 1 ? fix.edits[0]!.offsets : [0, 0];
      if (fix.edits.length === 1) {
        strictEqual(after.slice(0, start), before.slice(0, start));
        strictEqual(after.slice(after.length - (before.length - end)), before.slice(end));
      }
      // The edit keeps the file's line breaks.
      if (before.includes("\r\n")) ok(!/[^\r]\n/.test(after), "no bare LF in a CRLF file");
      const remaining = lintSpec(after).findings;
      ok(!remaining.some((f) => f.ruleId === "yaml-syntax" || f.ruleId === "schema"), "the result is a well-formed spec");
      if (gone) ok(!remaining.some((f) => f.ruleId === ruleId), `no ${ruleId} finding is left`);
    });
  }

  it("Fix all applies the preferred fixes only", () => {
    const before = readFileSync(join(FIXTURES, "fixes", "shared-kpi-flow-owners.before.campaign.yaml"), "utf8");
    const { text, applied } = fixAll(before);
    strictEqual(applied, 1);
    strictEqual(text, readFileSync(join(FIXTURES, "fixes", "shared-kpi-flow-owners.after.campaign.yaml"), "utf8"));
    deepStrictEqual(fixAll(text), { text, applied: 0 });
  });

  it("Fix all leaves a spec without preferred fixes alone", () => {
    const before = readFileSync(join(FIXTURES, "fixes", "pin-term-new-glossary.before.campaign.yaml"), "utf8");
    deepStrictEqual(fixAll(before), { text: before, applied: 0 });
  });
});
