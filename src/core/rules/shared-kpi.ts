// Reports a spec in which no KPI is owned by both functions: without one, each side
// optimises its own number and nobody answers for the outcome they share.
import type { FixDraft, Rule } from "../rule.js";
import { asList, asMap, asText, kpiOwners, ownedByBoth } from "../spec-data.js";
import type { EditBuilder } from "../fixes/yaml-edits.js";
import { FUNCTIONS, type BusinessFunction } from "../types.js";

export const sharedKpi: Rule = {
  id: "shared-kpi",
  defaultSeverity: "warning",
  description: "At least one KPI is owned by both marketing and technology",
  needs: "spec",
  fixable: true,
  fixAllWhen: "when the spec has one KPI",
  messages: {
    none: "No KPI is owned by both functions; add marketing and technology to one KPI's owners.",
    noKpis: "The spec has no KPIs; add one under kpis: and give it owners: [marketing, technology].",
  },
  check({ spec, edits }, report) {
    // kpis: of the wrong type is the schema's finding; one problem, one finding.
    if (spec.kpis != null && !Array.isArray(spec.kpis)) return;
    const kpis = asList(spec.kpis);
    if (kpis.length === 0) {
      report({ messageId: "noKpis", path: ["kpis"], at: "key" });
      return;
    }
    if (kpis.some((kpi) => ownedByBoth(asMap(kpi) ?? {}))) return;
    const owned = kpis.map((kpi) => kpiOwners(asMap(kpi) ?? {}));

    const fixes: FixDraft[] = [];
    kpis.forEach((kpi, index) => {
      const fix = completeOwners(edits, index, asMap(kpi) ?? {}, owned[index]!);
      if (fix) fixes.push(fix);
    });
    // The fix is safe to apply unasked only when the spec has exactly one KPI to choose.
    if (kpis.length === 1 && fixes.length === 1) fixes[0]!.preferred = true;
    report({ messageId: "none", path: ["kpis"], at: "key", fixes });
  },
};

// Completes one KPI's owners: the missing function added to its list, or a new list naming both.
// Other shapes (an empty list, a wrong type) are left to the person: a guess could be wrong.
function completeOwners(edits: EditBuilder, index: number, kpi: Readonly<Record<string, unknown>>, owners: Set<BusinessFunction>): FixDraft | undefined {
  const name = asText(kpi.id) ?? `#${index + 1}`;
  const missing = FUNCTIONS.filter((side) => !owners.has(side));
  const path = ["kpis", index, "owners"];
  if (missing.length === 1 && Array.isArray(kpi.owners)) {
    const changes = edits.appendItem(path, missing[0]!);
    return changes.length > 0 ? { title: `Add ${missing[0]} to the owners of KPI ${name}`, edits: changes } : undefined;
  }
  if (missing.length === 2 && !("owners" in kpi)) {
    const changes = edits.insertEntry(["kpis", index], "owners", [...FUNCTIONS]);
    return changes.length > 0 ? { title: `Make KPI ${name} owned by both functions`, edits: changes } : undefined;
  }
  return undefined;
}
