// Reports a spec marked approved or live before its security review is approved. A waiver
// is accepted, except when the campaign handles personal data.
import type { Rule } from "../rule.js";
import { asMap, asText, handlesPersonalData, SIGN_OFF_STATUSES } from "../spec-data.js";

export const securityReviewGate: Rule = {
  id: "security-review-gate",
  defaultSeverity: "error",
  description: "A spec is approved or live only after its security review is approved",
  needs: "spec",
  fixable: true,
  messages: {
    notApproved: "The spec is {{status}} but its security review is {{review}}; get the review approved first, or set status back to in-review.",
    waivedWithPii:
      "The spec is {{status}} on a waived security review, but it handles personal data (pii); a waiver is not enough, the review must be approved.",
  },
  check({ spec, edits }, report) {
    const status = asText(spec.status);
    if (!status || !SIGN_OFF_STATUSES.has(status)) return;
    const reviewStatus = asText(asMap(spec.security_review)?.status);
    if (reviewStatus === "approved") return;
    if (reviewStatus === "waived" && !handlesPersonalData(spec)) return;
    const fixes = [{ title: "Set status back to in-review", edits: edits.replaceValue(["status"], "in-review") }];
    if (reviewStatus === "waived") {
      report({ messageId: "waivedWithPii", data: { status }, path: ["status"], fixes });
    } else {
      report({ messageId: "notApproved", data: { status, review: reviewStatus ? `"${reviewStatus}"` : "missing" }, path: ["status"], fixes });
    }
  },
};
