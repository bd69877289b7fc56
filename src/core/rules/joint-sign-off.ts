// Reports a spec marked approved or live without a named sign-off from each function:
// "approved" means both sides agreed, so both sides say so.
import type { Rule } from "../rule.js";
import { asMap, asText, describeNotAPerson, listWords, notAPerson, SIGN_OFF_STATUSES } from "../spec-data.js";
import { FUNCTIONS } from "../types.js";

export const jointSignOff: Rule = {
  id: "joint-sign-off",
  defaultSeverity: "warning",
  description: "An approved or live spec carries sign-off from both functions",
  needs: "spec",
  fixable: false,
  messages: {
    missing: "The spec is {{status}} without sign-off from {{sides}}{{written}}; add {{keys}} with the name of the person who signed off and the date.",
  },
  check({ spec }, report) {
    const status = asText(spec.status);
    if (!status || !SIGN_OFF_STATUSES.has(status)) return;
    const approvals = asMap(spec.approvals);
    // A team ("marketing ops") or a placeholder ("TBD") has not signed: a person signs.
    const unsigned = FUNCTIONS.filter((side) => notAPerson(asMap(approvals?.[side])?.name) !== undefined);
    const written = unsigned.flatMap((side) => {
      const name = asText(asMap(approvals?.[side])?.name);
      return name?.trim() ? [`approvals.${side}: ${describeNotAPerson(name, notAPerson(name)!)}`] : [];
    });
    if (unsigned.length === 0) return;
    report({
      messageId: "missing",
      // Name every key still to add: with both missing, "add approvals.marketing" alone misleads.
      data: {
        status,
        sides: listWords(unsigned, "and"),
        written: written.length > 0 ? ` (${written.join("; ")})` : "",
        keys:
          listWords(
            unsigned.map((side) => `approvals.${side}`),
            "and",
          ) + (unsigned.length > 1 ? ", each" : ""),
      },
      ...(approvals ? { path: ["approvals"], at: "key" as const } : { path: ["status"] }),
    });
  },
};
