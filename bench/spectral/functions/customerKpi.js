// customer-kpi: a shared KPI focuses on the customer; a customer-focused KPI says which customer.
import { asList, asMap, FUNCTIONS } from "../lib.js";

export default function customerKpi(spec) {
  const root = asMap(spec);
  if (!root || (root.kpis != null && !Array.isArray(root.kpis))) return [];
  const results = [];
  const kpis = asList(root.kpis).map((kpi) => asMap(kpi));
  kpis.forEach((kpi, index) => {
    if (!kpi) return;
    if (kpi.focus === "customer" && !("customer" in kpi))
      results.push({ message: "The KPI focuses on the customer but does not say which.", path: ["kpis", index, "focus"] });
    else if (kpi.customer != null && typeof kpi.focus === "string" && kpi.focus !== "customer")
      results.push({ message: "The KPI names a customer but its focus is not the customer.", path: ["kpis", index, "customer"] });
  });
  const shared = kpis.filter((kpi) => kpi && FUNCTIONS.every((side) => asList(kpi.owners).includes(side)));
  const onCustomer = (kpi) => kpi.focus === "customer" || (kpi.focus == null && kpi.customer != null);
  if (shared.length > 0 && !shared.some(onCustomer)) results.push({ message: "No shared KPI focuses on the customer.", path: ["kpis"] });
  return results;
}
