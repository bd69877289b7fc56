import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyTextEdits, fixAll } from "../../src/core/fixes/apply.js";
import { lintSpec } from "../../src/core/lint.js";
import type { Rule } from "../../src/core/rule.js";
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
    const again = fixAll(text);
    deepStrictEqual([again.text, again.applied], [text, 0]);
    deepStrictEqual(again.lint.findings, lintSpec(text).findings, "the lint of the text it returns");
  });

  it("Fix all leaves a spec without preferred fixes alone", () => {
    const before = readFileSync(join(FIXTURES, "fixes", "pin-term-new-glossary.before.campaign.yaml"), "utf8");
    const { text, applied } = fixAll(before);
    deepStrictEqual([text, applied], [before, 0]);
  });

  // Made-up rules that offer a preferred fix, to drive Fix all where the real rules cannot go.
  const appending = (id: string, needs: Rule["needs"], line: string, when: (text: string) => boolean): Rule => ({
    id,
    defaultSeverity: "warning",
    description: `appends ${line}`,
    needs,
    messages: { missing: `append ${line}` },
    fixable: true,
    check({ text }, report) {
      if (when(text))
        report({
          messageId: "missing",
          fixes: [{ title: `Append ${line}`, preferred: true, edits: [{ start: text.length, end: text.length, newText: `${line}\n` }] }],
        });
    },
  });

  const FIX_ALL_CASES: { name: string; text: string; rules: Rule[]; fixed: string; applied: number }[] = [
    {
      name: "never touches text that is not well-formed YAML, even when a rule offers a fix",
      text: "jointspec: 1\nid: [broken\n",
      rules: [appending("always", "text", "b: 1", () => true)],
      fixed: "jointspec: 1\nid: [broken\n",
      applied: 0,
    },
    {
      name: "drops a pass whose edits would break the YAML, and stops",
      text: "a: 1\n",
      rules: [appending("breaks", "text", "b: [", () => true)],
      fixed: "a: 1\n",
      applied: 0,
    },
    {
      name: "re-lints between passes: a fix can make another one possible",
      text: "a: 1\n",
      rules: [appending("first", "spec", "b: 1", (t) => !t.includes("b:")), appending("second", "spec", "c: 1", (t) => t.includes("b:") && !t.includes("c:"))],
      fixed: "a: 1\nb: 1\nc: 1\n",
      applied: 2,
    },
    {
      name: "stops after ten passes when fixes never settle",
      text: "a: 1\n",
      rules: [appending("endless", "spec", "# again", () => true)],
      fixed: `a: 1\n${"# again\n".repeat(10)}`,
      applied: 10,
    },
  ];
  for (const testCase of FIX_ALL_CASES) {
    it(`Fix all ${testCase.name}`, () => {
      const result = fixAll(testCase.text, { rules: testCase.rules });
      deepStrictEqual([result.text, result.applied], [testCase.fixed, testCase.applied]);
    });
  }
});
