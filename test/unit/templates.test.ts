import { deepStrictEqual, match, strictEqual } from "node:assert";
import { DEFAULT_CONFIG, parseConfig } from "../../src/core/config.js";
import { lintSpec } from "../../src/core/lint.js";
import { CONFIG_TEMPLATE, firstPlaceholder, newSpecText, SPEC_ID_PATTERN, titleFromId } from "../../src/core/templates.js";

// The texts that `jointspec init` and the editor's New Campaign Spec write.
describe("templates", () => {
  it("the config init writes is the defaults as it stands, with a comment for each setting", () => {
    deepStrictEqual(parseConfig(CONFIG_TEMPLATE), { ok: true, value: DEFAULT_CONFIG });
    for (const key of ["rules", "glossary", "specs", "ignore"]) match(CONFIG_TEMPLATE, new RegExp(`^(# )?${key}:`, "m"), key);
  });

  it("each commented-out setting, once uncommented, is a valid config", () => {
    const uncommented = CONFIG_TEMPLATE.replace(/^# {0,1}(?=(rules|glossary|ignore):| {2})/gm, "");
    const parsed = parseConfig(uncommented);
    deepStrictEqual(parsed.ok && parsed.value.rules, { "ambiguous-term": "warning", "joint-sign-off": "error" }, uncommented);
  });

  it("a new spec is well-formed, and asks only for what a person must decide", () => {
    const findings = lintSpec(newSpecText("summer-sale", titleFromId("summer-sale"))).findings;
    // The owners, the KPI's target and source (TBD until agreed), which customer the KPI
    // means (external or internal) and the review are decisions.
    deepStrictEqual([...new Set(findings.map((f) => f.ruleId))].sort(), ["customer-kpi", "kpi-measurable", "owners-both-functions", "security-review"]);
  });

  it("the first placeholder, which the editor selects, is the marketing owner's TBD name", () => {
    const text = newSpecText("summer-sale", "Summer sale");
    const [start, end] = firstPlaceholder(text)!;
    strictEqual(text.slice(start, end), "TBD");
    strictEqual(text.lastIndexOf("marketing:", start) > text.lastIndexOf("technology:", start), true);
  });

  const IDS: [id: string, valid: boolean, title: string][] = [
    ["spring-loyalty-relaunch", true, "Spring loyalty relaunch"],
    ["q3", true, "Q3"],
    ["Spring_Sale", false, ""],
    ["-spring", false, ""],
  ];
  for (const [id, valid, title] of IDS) {
    it(`${id}: ${valid ? `an id, titled "${title}"` : "not an id"}`, () => {
      deepStrictEqual(SPEC_ID_PATTERN.test(id), valid);
      if (valid) deepStrictEqual(titleFromId(id), title);
    });
  }
});
