// Reports a spec whose security and privacy review is missing or not yet real: it needs a
// status, a named reviewer and a date, so that security is looked at before launch, not after.
import type { Rule } from "../rule.js";
import { date as isDate } from "../schema/formats.js";
import { asMap, asText, describeNotAPerson, listWords, notAPerson } from "../spec-data.js";

export const securityReview: Rule = {
  id: "security-review",
  defaultSeverity: "warning",
  description: "The spec has a security review with a status, a named reviewer and a date",
  needs: "spec",
  fixable: true,
  messages: {
    missing: "The spec has no security_review; add one with a status, a named reviewer and a date before the campaign is approved.",
    incomplete: "The security review has no {{missing}}; a review counts once it has a status, a named reviewer and a date.",
    approvedInFuture:
      "The security review is approved with a date in the future ({{date}}; today is {{today}}); date it the day it was approved, or set its status to where the review stands today.",
  },
  check({ spec, edits, today }, report) {
    // A security_review key of the wrong type (or left empty) is the schema's finding.
    if ("security_review" in spec && !asMap(spec.security_review)) return;
    const review = asMap(spec.security_review);
    if (!review) {
      const fixes = [
        { title: "Add a security_review block to fill in", edits: edits.insertEntry([], "security_review", { status: "not-started", reviewer: "TBD" }) },
      ];
      report({ messageId: "missing", path: ["security_review"], at: "key", fixes });
      return;
    }
    // An approval is given on a day that has happened: a later date is a typo or a plan
    // written as a fact. Judged only when the host says what day it is.
    const date = asText(review.date);
    if (today !== undefined && review.status === "approved" && date !== undefined && isDate(date) && date > today) {
      report({ messageId: "approvedInFuture", data: { date, today }, path: ["security_review", "date"] });
    }
    const missing: string[] = [];
    if (!asText(review.status)) missing.push("status");
    // A team ("Security team") or a placeholder phrase ("someone from IT") is not a reviewer:
    // someone must answer for the review. The message says which it is.
    const reviewerProblem = notAPerson(review.reviewer);
    const reviewer = asText(review.reviewer);
    if (reviewerProblem) missing.push(reviewer?.trim() ? `named reviewer (${describeNotAPerson(reviewer, reviewerProblem)})` : "named reviewer");
    if (!asText(review.date)) missing.push("date");
    if (missing.length === 0) return;
    const fixes =
      review.status === undefined ? [{ title: "Add status: not-started", edits: edits.insertEntry(["security_review"], "status", "not-started") }] : [];
    report({
      messageId: "incomplete",
      data: { missing: listWords(missing) },
      path: ["security_review"],
      at: "key",
      fixes,
    });
  },
};
