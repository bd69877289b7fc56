// @ts-check
// security-review: a security_review with a status, a named reviewer and a date.
import { asMap, asText, isNamed } from "../lib.js";

export default function securityReview(spec) {
  const root = asMap(spec);
  if (!root || ("security_review" in root && !asMap(root.security_review))) return [];
  const review = asMap(root.security_review);
  if (!review) return [{ message: "The spec has no security_review.", path: [] }];
  const missing = [];
  if (!asText(review.status)) missing.push("status");
  if (!isNamed(review.reviewer)) missing.push("named reviewer");
  if (!asText(review.date)) missing.push("date");
  return missing.length === 0 ? [] : [{ message: `The security review has no ${missing.join(", ")}.`, path: ["security_review"] }];
}
