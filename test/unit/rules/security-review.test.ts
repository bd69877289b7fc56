import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule security-review", () => {
  describeRuleFixtures("security-review");
});
