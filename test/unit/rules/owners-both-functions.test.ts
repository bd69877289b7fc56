import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule owners-both-functions", () => {
  describeRuleFixtures("owners-both-functions");
});
