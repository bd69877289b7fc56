// Reports a KPI that cannot be measured the same way by both functions: it needs a target,
// a definition of what is counted, and the source the number comes from. A placeholder
// ("TBD", "n/a", "to be agreed") is not one: the number still cannot be measured.
import type { Rule } from "../rule.js";
import { asList, asMap, asText, isPlaceholder, listWords } from "../spec-data.js";

const REQUIRED_PARTS = ["target", "definition", "source"] as const;

export const kpiMeasurable: Rule = {
  id: "kpi-measurable",
  defaultSeverity: "warning",
  description: "Every KPI has a target, a definition and a source, not placeholders",
  needs: "spec",
  fixable: false,
  messages: {
    incomplete: "KPI {{kpi}} has no {{missing}}; without it the two functions will not measure the same number.",
  },
  check({ spec }, report) {
    asList(spec.kpis).forEach((item, index) => {
      const kpi = asMap(item);
      if (!kpi) return;
      const missing = REQUIRED_PARTS.flatMap((part) => {
        const written = asText(kpi[part]) ?? "";
        if (written.trim() === "") return [part];
        return isPlaceholder(written) ? [`${part} (${JSON.stringify(written.trim())} is a placeholder)`] : [];
      });
      if (missing.length === 0) return;
      report({
        messageId: "incomplete",
        data: { kpi: asText(kpi.id) ?? `#${index + 1}`, missing: listWords(missing) },
        path: ["kpis", index, "id"],
      });
    });
  },
};
