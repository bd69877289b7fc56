// The table of fixture cases for one rule: every valid-* file lints clean, and every
// invalid-* file gives exactly the findings its markers name, at their lines and columns.
import { deepStrictEqual, ok } from "node:assert";
import { lintSpec } from "../../../src/core/lint.js";
import { actualFindings, expectedFindings, fixturesIn } from "./fixtures.js";

export function describeRuleFixtures(ruleId: string): void {
  describe(`${ruleId} fixtures`, () => {
    const fixtures = fixturesIn(`rules/${ruleId}`);
    it("has valid and invalid cases", () => {
      ok(fixtures.filter((f) => f.name.startsWith("valid-")).length >= 2, "at least two valid-* fixtures");
      ok(fixtures.filter((f) => f.name.startsWith("invalid-")).length >= 3, "at least three invalid-* fixtures");
    });
    for (const fixture of fixtures) {
      it(fixture.name, () => {
        const expected = expectedFindings(fixture.text);
        if (fixture.name.startsWith("invalid-")) ok(expected.some((e) => e.startsWith(`${ruleId}@`)), `${fixture.name} marks a ${ruleId} finding`);
        else deepStrictEqual(expected, [], `${fixture.name} is a valid case and has no markers`);
        deepStrictEqual(actualFindings(lintSpec(fixture.text).findings), expected);
      });
    }
  });
}
