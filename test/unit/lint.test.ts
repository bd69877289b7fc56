import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintSpec } from "../../src/core/lint.js";
import { ruleById } from "../../src/core/rules/index.js";
import { FIXTURES } from "./helpers/fixtures.js";

describe("lintSpec", () => {
  const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");

  it("turns a crashing rule into one finding and still runs the others", () => {
    const rule = ruleById("shared-kpi")!;
    const original = rule.check;
    rule.check = () => {
      throw new Error("boom");
    };
    try {
      const { findings } = lintSpec(design.replace("  technology:\n    - name: Sam Patel\n", "  technology:\n    - name: TBD\n"));
      deepStrictEqual(findings.map((f) => f.ruleId), ["shared-kpi", "owners-both-functions"]);
      ok(findings[0]!.message.startsWith("Internal error in rule shared-kpi: boom."), findings[0]!.message);
      strictEqual(findings[0]!.severity, "error");
    } finally {
      rule.check = original;
    }
  });

  it("sorts findings by position", () => {
    const { findings } = lintSpec("jointspec: 1\nid: Bad_Id\ntitle: X\nstatus: aproved\n");
    deepStrictEqual(findings.map((f) => [f.range.start.line, f.ruleId]), [
      [0, "owners-both-functions"],
      [0, "owners-both-functions"],
      [0, "security-review"],
      [0, "shared-kpi"],
      [1, "schema"],
      [3, "schema"],
    ]);
  });

  it("gives ranges in UTF-16 code units, as editors count them", () => {
    const { findings } = lintSpec(design.replace("title: Spring loyalty relaunch", "title: 🌸 Spring loyalty relaunch").replace("status: in-review ", "status: in-reveiw"));
    const status = findings.find((f) => f.ruleId === "schema")!;
    deepStrictEqual(status.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } });
  });

  it("keeps what it learnt for hovers and the preview", () => {
    const { analysis } = lintSpec(design);
    strictEqual(analysis.spec?.id, "spring-loyalty-relaunch");
    ok(analysis.terms.some((t) => t.entry.term === "DR"));
    strictEqual([...analysis.pins.values()][0]?.side, "marketing");
  });
});
