// @ts-check
// security-review-gate: approved or live only after an approved review (a waiver is not
// enough when the spec handles pii).
import { asList, asMap, asText, SIGN_OFF_STATUSES } from "../lib.js";

export default function securityReviewGate(spec) {
  const root = asMap(spec);
  const status = asText(root?.status);
  if (!status || !SIGN_OFF_STATUSES.has(status)) return [];
  const review = asText(asMap(root.security_review)?.status);
  if (review === "approved") return [];
  const pii = asMap(root.security_review)?.data_classification === "pii" || asList(root.data).some((item) => asMap(item)?.classification === "pii");
  if (review === "waived" && !pii) return [];
  return [{ message: `The spec is ${status} but its security review is ${review ?? "missing"}.`, path: ["status"] }];
}
