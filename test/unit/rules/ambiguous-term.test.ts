import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule ambiguous-term", () => {
  describeRuleFixtures("ambiguous-term");
});
