import { strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyTextEdits } from "../../../src/core/fixes/apply.js";
import { lintSpec } from "../../../src/core/lint.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule suppression", () => {
  describeRuleFixtures("suppression");

  it("removes an unused suppression, line and all", () => {
    const text = readFileSync(join(FIXTURES, "rules/suppression/invalid-unused.campaign.yaml"), "utf8");
    const [finding] = lintSpec(text).findings;
    const fixed = applyTextEdits(text, finding!.fixes![0]!.edits);
    strictEqual(fixed, readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8"));
  });
});
