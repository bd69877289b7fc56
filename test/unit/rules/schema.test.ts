import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule schema", () => {
  describeRuleFixtures("schema");
});
