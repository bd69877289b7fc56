// @ts-check
// shared-kpi: at least one KPI whose owners name both functions.
import { asList, asMap, FUNCTIONS } from "../lib.js";

export default function sharedKpi(spec) {
  const root = asMap(spec);
  if (!root || (root.kpis != null && !Array.isArray(root.kpis))) return [];
  const kpis = asList(root.kpis);
  if (kpis.length === 0) return [{ message: "The spec has no KPIs; add one owned by both functions.", path: ["kpis"] }];
  const shared = kpis.some((kpi) => FUNCTIONS.every((side) => asList(asMap(kpi)?.owners).includes(side)));
  return shared ? [] : [{ message: "No KPI is owned by both functions; add marketing and technology to one KPI's owners.", path: ["kpis"] }];
}
