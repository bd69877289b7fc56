// What the preview must show for each example spec, shared by the model, HTML and browser
// tests; and the examples' own configuration (workspace glossary and severities), read as
// the CLI reads it, so the models match what `jointspec lint examples` reports.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseConfig, parseGlossaryFile } from "../../../src/core/config.js";
import { Glossary } from "../../../src/core/glossary/glossary.js";
import { lintSpec, type LintResult } from "../../../src/core/lint.js";
import { buildPreviewModel } from "../../../src/preview/model/build.js";
import type { CheckState, PreviewFinding, PreviewModel, ReadinessRuleId } from "../../../src/preview/model/types.js";
import type { SeveritySetting } from "../../../src/core/types.js";
import { REPO } from "./fixtures.js";

/** The readiness checklist, in its order: each check is named by the rule it rests on. */
export const CHECK_ORDER: readonly ReadinessRuleId[] = [
  "owners-both-functions",
  "shared-kpi",
  "security-review",
  "security-review-gate",
  "joint-sign-off",
  "stale-sign-off",
];

const P = "passed";
const F = "failed";
const L = "not-applicable";

/** Each example's checklist, in CHECK_ORDER: its intended problem and nothing else fails. */
export const EXAMPLE_CHECKS: Readonly<Record<string, readonly CheckState[]>> = {
  "spring-loyalty-relaunch.campaign.yaml": [P, P, P, L, L, P],
  "partner-webinar.yaml": [P, P, P, L, L, P],
  "black-friday-flash-sale.campaign.yaml": [F, P, P, L, L, L],
  "back-to-school-bundles.campaign.yaml": [P, F, P, L, L, L],
  "summer-referral-programme.campaign.yaml": [P, P, P, L, L, L],
  "holiday-gift-guide.campaign.yaml": [P, P, F, L, L, L],
  "new-year-sweepstakes.campaign.yaml": [P, P, P, F, P, P],
  "mothers-day-gifting.campaign.yaml": [P, P, P, P, F, P],
  "lapsed-member-winback.campaign.yaml": [P, P, P, L, L, L],
  "points-expiry-reminder.campaign.yaml": [P, P, P, P, P, F],
  "student-discount-verification.campaign.yaml": [P, P, P, L, L, L],
  "loyalty-points-expiry.campaign.yaml": [P, P, P, L, L, L],
  "partner-portal-refresh.campaign.yaml": [P, P, P, L, L, L],
  "store-pickup-reminders.campaign.yaml": [P, P, P, L, L, L],
  "checkout-failover-drill.campaign.yaml": [P, P, P, L, L, L],
};

const examplesConfig = (() => {
  const configFile = join(REPO, "examples/.jointspec.yaml");
  const config = parseConfig(readFileSync(configFile, "utf8"));
  if (!config.ok) throw new Error(`examples/.jointspec.yaml: ${config.problems[0]!.message}`);
  const entries = config.value.glossary.flatMap((path) => {
    const file = resolve(dirname(configFile), path);
    const parsed = parseGlossaryFile(readFileSync(file, "utf8"), file);
    if (!parsed.ok) throw new Error(`${path}: ${parsed.problems[0]!.message}`);
    return parsed.value;
  });
  return { severities: config.value.rules as Readonly<Record<string, SeveritySetting>>, glossary: Glossary.bundled().extend(entries) };
})();

/** Lints an example as the CLI would (with examples/.jointspec.yaml) and builds its preview. */
export function exampleModel(name: string): { result: LintResult; model: PreviewModel; text: string } {
  const text = readFileSync(join(REPO, "examples", name), "utf8");
  const result = lintSpec(text, examplesConfig);
  return { text, result, model: buildPreviewModel(result, { severities: examplesConfig.severities, fileName: `examples/${name}` }) };
}

/** Every finding list in the model, wherever it sits. */
export function attachedFindings(model: PreviewModel): PreviewFinding[] {
  const found: PreviewFinding[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if ((key === "findings" || key === "problems") && Array.isArray(child)) found.push(...(child as PreviewFinding[]));
      else visit(child);
    }
  };
  visit(model);
  return found;
}
