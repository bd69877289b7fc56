// Reports a spec too large to read. The size is checked before anything is parsed (see
// checkSpecSize in lint.ts), so this rule's check has nothing left to do: a spec that reached
// it was within the limit. The rule gives that one finding its id, severity and words.
import type { Rule } from "../rule.js";

export const specSize: Rule = {
  id: "spec-size",
  defaultSeverity: "error",
  description: "The spec is within the size limit, so it can be read and checked",
  needs: "text",
  fixable: false,
  messages: {
    tooLarge:
      "This spec is {{size}}, over the limit of {{limit}} for specs, so JointSpec did not read or check it. A spec is a few hundred lines; split this file, or raise limits.specSize in .jointspec.yaml if it really is one spec.",
  },
  check() {
    // Nothing to do: lintSpec answers for an oversized spec before any rule runs.
  },
};
