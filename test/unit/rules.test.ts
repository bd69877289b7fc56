import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { limitsOf, parseConfig } from "../../src/core/config.js";
import { lintSpec, type LintOptions } from "../../src/core/lint.js";
import { RULES } from "../../src/core/rules/index.js";
import { actualFindings, expectedFindings, FIXTURE_TODAY, FIXTURES, fixturesIn, REPO } from "./helpers/fixtures.js";

// One table over the registry, so a new rule is tested by adding its fixture folder and its
// docs page, with no test file of its own. For every rule:
// - docs/rules/<id>.md exists (docs.test.ts checks what it says);
// - test/fixtures/rules/<id>/ holds at least two valid-* and three invalid-* specs;
// - every valid-* spec lints clean, and every invalid-* spec gives exactly the findings its
//   `# expect: rule@column` markers name, at least one of them this rule's;
// - its findings in those specs carry fixes when the rule says it is fixable, and a fix
//   Fix all may apply unasked when the rule says when (fixAllWhen).
// A fixture folder may hold a .jointspec.yaml; its rule severities, limits and roster then
// apply to every spec in the folder, as they would in a workspace. Every fixture is linted as
// of FIXTURE_TODAY (helpers/fixtures.ts).

// The lint options a fixture folder's .jointspec.yaml asks for (none without one), as of
// FIXTURE_TODAY, so that the rules that judge dates against today give the same findings any day.
function folderOptions(folder: string): LintOptions {
  const path = join(folder, ".jointspec.yaml");
  if (!existsSync(path)) return { today: FIXTURE_TODAY };
  const config = parseConfig(readFileSync(path, "utf8"));
  if (!config.ok) throw new Error(`${path}: ${config.problems[0]!.message}`);
  return { severities: config.value.rules, maxSpecSize: limitsOf(config.value).specSize, people: config.value.people, today: FIXTURE_TODAY };
}

describe("rules", () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const folder = join(FIXTURES, "rules", rule.id);
      const fixtures = existsSync(folder) ? fixturesIn(`rules/${rule.id}`).filter((f) => f.name !== ".jointspec.yaml") : [];
      const options = existsSync(folder) ? folderOptions(folder) : {};

      it("has a docs page", () => {
        ok(
          existsSync(join(REPO, "docs/rules", `${rule.id}.md`)),
          `docs/rules/${rule.id}.md is missing: every rule has a page (see CONTRIBUTING.md, "Adding a rule")`,
        );
      });

      it("has a fixture folder with valid and invalid cases", () => {
        ok(existsSync(folder), `test/fixtures/rules/${rule.id}/ is missing: every rule has fixtures (see CONTRIBUTING.md, "Adding a rule")`);
        ok(fixtures.filter((f) => f.name.startsWith("valid-")).length >= 2, "at least two valid-* fixtures");
        ok(fixtures.filter((f) => f.name.startsWith("invalid-")).length >= 3, "at least three invalid-* fixtures");
        deepStrictEqual(
          fixtures.filter((f) => !/^(in)?valid-/.test(f.name)).map((f) => f.name),
          [],
          "every fixture is named valid-* or invalid-*",
        );
      });

      for (const fixture of fixtures) {
        it(fixture.name, () => {
          const expected = expectedFindings(fixture.text);
          if (fixture.name.startsWith("invalid-"))
            ok(
              expected.some((e) => e.startsWith(`${rule.id}@`)),
              `${fixture.name} marks a ${rule.id} finding`,
            );
          else deepStrictEqual(expected, [], `${fixture.name} is a valid case and has no markers`);
          deepStrictEqual(actualFindings(lintSpec(fixture.text, options).findings), expected);
        });
      }

      it(`offers fixes in its fixtures as its metadata says (fixable: ${rule.fixable}, fixAllWhen: ${rule.fixAllWhen ?? "unset"})`, () => {
        const own = fixtures.flatMap((fixture) => lintSpec(fixture.text, options).findings.filter((f) => f.ruleId === rule.id));
        strictEqual(
          own.some((f) => (f.fixes ?? []).length > 0),
          rule.fixable,
          "some finding in the fixtures carries a fix",
        );
        strictEqual(
          own.some((f) => f.fixes?.some((fix) => fix.preferred)),
          rule.fixAllWhen !== undefined,
          "some finding carries a fix Fix all applies",
        );
      });
    });
  }

  it("has no fixture folder for a rule that is not in the registry", () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    deepStrictEqual(
      readdirSync(join(FIXTURES, "rules")).filter((name) => !ids.has(name)),
      [],
    );
  });
});
