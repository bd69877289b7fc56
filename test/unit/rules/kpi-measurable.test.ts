import { describeRuleFixtures } from "../helpers/rule-fixtures.js";

describe("rule kpi-measurable", () => {
  describeRuleFixtures("kpi-measurable");
});
