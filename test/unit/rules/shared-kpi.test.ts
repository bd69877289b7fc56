import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule shared-kpi", () => {
  describeRuleFixtures("shared-kpi");
});
