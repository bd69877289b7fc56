import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { limitsOf, parseConfig } from "../../src/core/config.js";
import { lintSpec, type LintOptions } from "../../src/core/lint.js";
import { RULES, RULE_IDS } from "../../src/core/rules/index.js";
import { REPO } from "./helpers/fixtures.js";

// Keeps docs/rules true to the code: a page per rule (and no page without one), the rule's
// own description, severity and fixes, and examples that fail and pass as the page says.

function exampleUnder(page: string, heading: string): string {
  const section = page.split(/^## /m).find((part) => part.startsWith(heading));
  const block = section && /```jointspec\n([\s\S]*?)```/.exec(section);
  ok(block, `a jointspec block under "## ${heading}"`);
  return block[1]!;
}

// An example may come with the .jointspec.yaml it is linted under: a yaml block in its section.
function optionsUnder(page: string, heading: string): LintOptions {
  const section = page.split(/^## /m).find((part) => part.startsWith(heading));
  const block = section && /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) return {};
  const config = parseConfig(block[1]!);
  ok(config.ok, `the .jointspec.yaml under "## ${heading}" is valid`);
  return { severities: config.value.rules, maxSpecSize: limitsOf(config.value).specSize, people: config.value.people };
}

describe("docs/rules", () => {
  it("has a page for every rule and for nothing else", () => {
    const pages = readdirSync(join(REPO, "docs/rules"))
      .filter((name) => name !== "README.md")
      .sort();
    deepStrictEqual(pages, RULE_IDS.map((id) => `${id}.md`).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = join(REPO, "docs/rules", `${rule.id}.md`);
      const page = existsSync(file) ? readFileSync(file, "utf8") : "";

      it("states the rule's id, description, default severity and whether it fixes", () => {
        const [title, , description, , severity] = page.split("\n");
        strictEqual(title, `# ${rule.id}`);
        strictEqual(description, rule.description);
        const fixable = !rule.fixable ? "no" : rule.fixAllWhen ? "yes" : "quick fix only";
        const raised = rule.raisedSeverity ? ` (**${rule.raisedSeverity.severity}** ${rule.raisedSeverity.when})` : "";
        ok(severity?.startsWith(`Default severity: **${rule.defaultSeverity}**${raised}. Fixable: ${fixable}`), severity);
      });

      it("its failing example is reported by the rule", () => {
        ok(lintSpec(exampleUnder(page, "Failing example"), optionsUnder(page, "Failing example")).findings.some((f) => f.ruleId === rule.id));
      });

      it("its passing example is not", () => {
        deepStrictEqual(
          lintSpec(exampleUnder(page, "Passing example"), optionsUnder(page, "Passing example")).findings.filter((f) => f.ruleId === rule.id),
          [],
        );
      });
    });
  }
});
