// Reports jointspec-disable comments that do not do their job honestly: one without a
// reason (the other function's reviewers need the why), one naming a rule that does not
// exist, and one that suppresses nothing (left behind after the problem was fixed).
import type { Rule } from "../rule.js";

export const suppression: Rule = {
  id: "suppression",
  defaultSeverity: "warning",
  description: "Suppression comments name known rules, give a reason, and suppress something",
  needs: "spec",
  fixable: true,
  runsLast: true,
  messages: {
    noReason: 'This suppression gives no reason; add one after "--", so reviewers from the other function know why the check is waived.',
    unknownRule: '"{{rule}}" is not a JointSpec rule, so this comment suppresses nothing under that name; see jointspec rules.',
    noRule: "This suppression names no rule; name the one to silence, as in # jointspec-disable-next-line shared-kpi -- why.",
    unused: "This suppression of {{rules}} suppresses nothing; remove it, or the next time the problem appears it will be hidden.",
  },
  check({ directives, usedDirectives, knownRuleIds, cappedRuleIds }, report) {
    for (const directive of directives) {
      const at = { offsets: directive.offsets };
      const unknown = directive.ruleIds.filter((id) => !knownRuleIds.includes(id));
      for (const rule of unknown) report({ messageId: "unknownRule", data: { rule }, ...at });
      if (directive.ruleIds.length === 0) report({ messageId: "noRule", ...at });
      if (directive.reason === "") report({ messageId: "noReason", ...at });
      const known = directive.ruleIds.filter((id) => !unknown.includes(id));
      // A rule past its cap had findings that were only counted: one of them may be what this comment silences.
      if (known.length > 0 && !usedDirectives.has(directive) && !known.some((id) => cappedRuleIds.has(id))) {
        report({
          messageId: "unused",
          data: { rules: known.join(", ") },
          ...at,
          fixes: [{ title: "Remove the unused suppression", edits: [{ start: directive.removal[0], end: directive.removal[1], newText: "" }] }],
        });
      }
    }
  },
};
