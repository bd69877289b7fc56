import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lintSpec } from "../../src/core/lint.js";
import type { Rule, RuleNeed } from "../../src/core/rule.js";
import { RULES } from "../../src/core/rules/index.js";
import type { Finding } from "../../src/core/types.js";
import { FIXTURES, REPO } from "./helpers/fixtures.js";

describe("lintSpec", () => {
  const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");

  it("turns a crashing rule into one finding and still runs the others", () => {
    const crashing = (rule: Rule): Rule =>
      rule.id === "shared-kpi"
        ? {
            ...rule,
            check() {
              throw new Error("boom");
            },
          }
        : rule;
    const { findings } = lintSpec(design.replace("  technology:\n    - name: Sam Patel\n", "  technology:\n    - name: TBD\n"), { rules: RULES.map(crashing) });
    deepStrictEqual(
      findings.map((f) => f.ruleId),
      ["shared-kpi", "owners-both-functions"],
    );
    ok(findings[0]!.message.startsWith("Internal error in rule shared-kpi: boom."), findings[0]!.message);
    strictEqual(findings[0]!.severity, "error");
  });

  it("runs a rule only when the text gives it what it needs", () => {
    // One probe rule per need, each reporting once wherever it runs.
    const probe = (needs: RuleNeed): Rule => ({
      id: `needs-${needs}`,
      defaultSeverity: "info",
      description: `Runs when the text gives it a ${needs}`,
      needs,
      messages: { ran: "ran" },
      fixable: false,
      check: (_context, report) => report({ messageId: "ran" }),
    });
    const rules = [probe("text"), probe("document"), probe("spec")];
    const ran = (text: string): string[] => lintSpec(text, { rules }).findings.map((f) => f.ruleId);
    deepStrictEqual(ran("jointspec: 1\nid: x\nid: y\n"), ["needs-text"]);
    deepStrictEqual(ran("- a list\n- at the top\n"), ["needs-document", "needs-text"]);
    deepStrictEqual(ran(""), ["needs-document", "needs-text"]);
    deepStrictEqual(ran("jointspec: 1\n"), ["needs-document", "needs-spec", "needs-text"]);
  });

  it("runs only the rules it is given, and knows only their ids", () => {
    const rules = RULES.filter((rule) => rule.id === "yaml-syntax" || rule.id === "suppression");
    const text = `${design}# jointspec-disable shared-kpi -- the pilot has no shared KPI yet\n`;
    deepStrictEqual(
      lintSpec(text, { rules }).findings.map((f) => f.message),
      ['"shared-kpi" is not a JointSpec rule, so this comment suppresses nothing under that name; see jointspec rules.'],
    );
  });

  it("sorts findings by position", () => {
    const { findings } = lintSpec("jointspec: 1\nid: Bad_Id\ntitle: X\nstatus: aproved\n");
    deepStrictEqual(
      findings.map((f) => [f.range.start.line, f.ruleId]),
      [
        [0, "owners-both-functions"],
        [0, "owners-both-functions"],
        [0, "security-review"],
        [0, "shared-kpi"],
        [1, "schema"],
        [3, "schema"],
      ],
    );
  });

  it("gives ranges in UTF-16 code units, as editors count them", () => {
    const { findings } = lintSpec(
      design.replace("title: Spring loyalty relaunch", "title: 🌸 Spring loyalty relaunch").replace("status: in-review ", "status: in-reveiw"),
    );
    const status = findings.find((f) => f.ruleId === "schema")!;
    deepStrictEqual(status.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } });
  });

  it("keeps what it learnt for hovers and the preview", () => {
    const { analysis } = lintSpec(design);
    strictEqual(analysis.spec?.id, "spring-loyalty-relaunch");
    ok(analysis.terms.some((t) => t.entry.term === "DR"));
    strictEqual([...analysis.pins.values()][0]?.side, "marketing");
  });

  // The CLI asks for neither in most runs; leaving them out must leave every other part as it was.
  it("leaves out fixes and related places when asked, and changes nothing else", () => {
    const without = (finding: Finding, part: "fixes" | "related"): Finding => {
      const { [part]: _left, ...kept } = finding;
      return kept;
    };
    let fixes = 0;
    let related = 0;
    const specs = [join(REPO, "examples"), join(FIXTURES, "rules"), join(FIXTURES, "fixes")].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".yaml"))
        .map((file) => join(folder, file)),
    );
    for (const path of specs) {
      const text = readFileSync(path, "utf8");
      const full = lintSpec(text).findings;
      fixes += full.filter((f) => f.fixes).length;
      related += full.filter((f) => f.related).length;
      deepStrictEqual(
        lintSpec(text, { fixes: false }).findings,
        full.map((f) => without(f, "fixes")),
      );
      deepStrictEqual(
        lintSpec(text, { related: false }).findings,
        full.map((f) => without(f, "related")),
      );
    }
    // Examples without either would prove nothing.
    ok(fixes >= 10 && related >= 3, `${fixes} findings with fixes and ${related} with related places`);
  });
});
