// @ts-check
// kpi-measurable: every KPI has a target, a definition and a source. Given each $.kpis[*].
import { asMap, asText } from "../lib.js";

const PARTS = ["target", "definition", "source"];

export default function kpiMeasurable(kpi, _options, context) {
  const map = asMap(kpi);
  if (!map) return [];
  const missing = PARTS.filter((part) => (asText(map[part]) ?? "").trim() === "");
  if (missing.length === 0) return [];
  return [{ message: `KPI ${asText(map.id) ?? "?"} has no ${missing.join(", ")}.`, path: [...context.path, "id"] }];
}
