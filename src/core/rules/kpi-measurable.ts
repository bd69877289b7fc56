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
    const kpis = asList(spec.kpis);
    for (let index = 0; index < kpis.length; index++) {
      const kpi = asMap(kpis[index]);
      if (!kpi) continue;
      // Most KPIs have every part: the list of what is missing is made only when something is.
      let missing: string[] | undefined;
      for (const part of REQUIRED_PARTS) {
        const written = asText(kpi[part]) ?? "";
        if (written.trim() === "") (missing ??= []).push(part);
        else if (isPlaceholder(written)) (missing ??= []).push(`${part} (${JSON.stringify(written.trim())} is a placeholder)`);
      }
      if (!missing) continue;
      report({
        messageId: "incomplete",
        data: { kpi: asText(kpi.id) ?? `#${index + 1}`, missing: listWords(missing) },
        path: ["kpis", index, "id"],
      });
    }
  },
};
