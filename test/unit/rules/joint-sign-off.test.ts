import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule joint-sign-off", () => {
  describeRuleFixtures("joint-sign-off");
});
