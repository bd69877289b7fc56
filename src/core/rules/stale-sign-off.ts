// Reports a sign-off that no longer holds: the spec's meaning changed after the function signed
// (its record, see src/core/sign-off/record.ts and docs/sign-off.md, no longer matches), or it
// is dated before the security review it relies on was done. An approved spec whose sign-off
// is stale reads as agreed when it is not, so the rule is an error there.
import type { Rule } from "../rule.js";
import { date as isDate } from "../schema/formats.js";
import { reviewState, type SignOffReview } from "../sign-off/review.js";
import { asMap, asText, listWords, SIGN_OFF_STATUSES } from "../spec-data.js";
import { FUNCTIONS } from "../types.js";

// Review statuses that mean the review was done on its date; before that, its date may be
// when it was asked for or is planned.
const DONE_REVIEWS = new Set(["approved", "waived"]);

export const staleSignOff: Rule = {
  id: "stale-sign-off",
  defaultSeverity: "warning",
  raisedSeverity: { severity: "error", when: "while the spec is approved or live", applies: (spec) => SIGN_OFF_STATUSES.has(asText(spec.status) ?? "") },
  description: "A sign-off still matches what was signed, and follows the security review it relies on",
  needs: "spec",
  fixable: false,
  messages: {
    changed: "{{changes}} changed after {{function}} signed{{on}}; {{function}} should review the change and sign again.",
    unreadable: "The record of what {{function}} signed{{on}} cannot be read ({{reason}}); sign again to write a new one.",
    beforeReview:
      "The {{function}} sign-off of {{date}} predates the security review it relies on ({{review}} on {{reviewDate}}); sign again now that the review is done.",
  },
  check({ spec }, report) {
    const states = reviewState(spec);
    const review = asMap(spec.security_review);
    const reviewStatus = asText(review?.status);
    const reviewDate = asText(review?.date);
    for (const fn of FUNCTIONS) {
      const state: SignOffReview = states[fn];
      // Point at the sign-off entry, where signing again changes it.
      const at = { path: ["approvals", fn], at: "key" as const };
      const on = state.date ? ` on ${state.date}` : "";
      if (state.state === "stale" && state.unreadable !== undefined) {
        report({ messageId: "unreadable", data: { function: fn, on, reason: state.unreadable }, ...at });
      } else if (state.state === "stale") {
        // "the target of KPI x and the timeline changed": the changes read as one subject.
        const changes = listWords(state.changes, "and");
        report({ messageId: "changed", data: { function: fn, on, changes: changes.charAt(0).toUpperCase() + changes.slice(1) }, ...at });
      } else if (
        state.state !== "missing" &&
        reviewStatus &&
        DONE_REVIEWS.has(reviewStatus) &&
        isDay(state.date) &&
        isDay(reviewDate) &&
        state.date < reviewDate
      ) {
        // A stale sign-off already says to sign again; this is for one that looks current.
        report({ messageId: "beforeReview", data: { function: fn, date: state.date, review: reviewStatus, reviewDate }, ...at });
      }
    }
  },
};

// Real YYYY-MM-DD dates compare as text; anything else is the schema's finding.
function isDay(value: string | undefined): value is string {
  return value !== undefined && isDate(value);
}
