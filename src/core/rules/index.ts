// The rules, in the order they run and are listed. Ids are permanent: a retired rule's id
// stays here as a comment so that it is never reused for something else.
import type { Rule } from "../rule.js";
import { ambiguousTerm } from "./ambiguous-term.js";
import { customerKpi } from "./customer-kpi.js";
import { jointSignOff } from "./joint-sign-off.js";
import { kpiMeasurable } from "./kpi-measurable.js";
import { ownerRoster } from "./owner-roster.js";
import { ownersBothFunctions } from "./owners-both-functions.js";
import { schema } from "./schema.js";
import { securityReviewGate } from "./security-review-gate.js";
import { securityReview } from "./security-review.js";
import { sharedKpi } from "./shared-kpi.js";
import { specSize } from "./spec-size.js";
import { staleSignOff } from "./stale-sign-off.js";
import { suppression } from "./suppression.js";
import { yamlSyntax } from "./yaml-syntax.js";

export const RULES: readonly Rule[] = [
  specSize,
  yamlSyntax,
  schema,
  ownersBothFunctions,
  ownerRoster,
  sharedKpi,
  kpiMeasurable,
  customerKpi,
  securityReview,
  securityReviewGate,
  jointSignOff,
  staleSignOff,
  ambiguousTerm,
  suppression,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
