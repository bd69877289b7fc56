// @ts-check
// joint-sign-off: approved or live with approvals from both functions.
import { asMap, asText, FUNCTIONS, isNamed, SIGN_OFF_STATUSES } from "../lib.js";

export default function jointSignOff(spec) {
  const root = asMap(spec);
  const status = asText(root?.status);
  if (!status || !SIGN_OFF_STATUSES.has(status)) return [];
  const approvals = asMap(root.approvals);
  const unsigned = FUNCTIONS.filter((side) => !isNamed(asMap(approvals?.[side])?.name));
  if (unsigned.length === 0) return [];
  return [{ message: `The spec is ${status} without sign-off from ${unsigned.join(" and ")}.`, path: approvals ? ["approvals"] : ["status"] }];
}
