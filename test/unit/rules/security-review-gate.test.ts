import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule security-review-gate", () => {
  describeRuleFixtures("security-review-gate");
});
