// Reports a spec whose shared KPIs do not measure what the customer gets, and a KPI that
// measures the customer without saying which one. Both functions are asked to agree on KPIs
// that focus on the customer, yet they mean different people by the word: marketing an
// external buyer, technology often the internal team that uses a service (the glossary's
// "customer" entry). A shared KPI with `focus: customer` and `customer: external | internal`
// settles both at once.
import type { FixDraft, Rule } from "../rule.js";
import { asList, asMap, asText, listWords, ownedByBoth, type Data } from "../spec-data.js";

// The values of `customer:` (schemas/jointspec.schema.json), with the words a fix title uses.
const CUSTOMERS = [
  { value: "external", words: "external buyers" },
  { value: "internal", words: "internal teams that use the service" },
] as const;

/** Whether a KPI says it measures the customer: `focus: customer`, or a `customer:` with no focus. */
function focusesOnCustomer(kpi: Data): boolean {
  return kpi.focus === "customer" || (kpi.focus == null && kpi.customer != null);
}

export const customerKpi: Rule = {
  id: "customer-kpi",
  defaultSeverity: "info",
  description: "A shared KPI focuses on the customer, and says which customer it means",
  needs: "spec",
  fixable: true,
  messages: {
    noFocus:
      "No shared KPI says what it measures; give one of them focus: customer and say which customer (customer: external or internal), so both functions answer for what the customer gets.",
    noCustomerFocus:
      "No shared KPI focuses on the customer ({{kpis}}); add focus: customer to one of them, or a shared KPI that does, and say which customer (customer: external or internal).",
    whichCustomer:
      'KPI {{kpi}} focuses on the customer but does not say which: add customer: external (buyers) or customer: internal (teams that use the service); marketing and technology read "customer" differently.',
    focusNotCustomer: "KPI {{kpi}} names a customer ({{customer}}) but its focus is {{focus}}; set focus: customer, or remove customer:.",
  },
  check({ spec, edits }, report) {
    // kpis: of the wrong type is the schema's finding; one problem, one finding.
    if (spec.kpis != null && !Array.isArray(spec.kpis)) return;
    const kpis = asList(spec.kpis).map((item) => asMap(item));

    kpis.forEach((kpi, index) => {
      if (!kpi) return;
      const name = asText(kpi.id) ?? `#${index + 1}`;
      if (kpi.focus === "customer" && !("customer" in kpi)) {
        const fixes: FixDraft[] = CUSTOMERS.map(({ value, words }) => ({
          title: `Say that KPI ${name} means ${words} (customer: ${value})`,
          edits: edits.insertEntry(["kpis", index], "customer", value),
        }));
        report({ messageId: "whichCustomer", data: { kpi: name }, path: ["kpis", index, "focus"], fixes: fixes.filter((fix) => fix.edits.length > 0) });
      } else if (kpi.customer != null && typeof kpi.focus === "string" && kpi.focus !== "customer") {
        // Two answers to "what does it measure" that disagree; a value outside the enums is the schema's finding.
        report({
          messageId: "focusNotCustomer",
          data: { kpi: name, customer: String(asText(kpi.customer) ?? kpi.customer), focus: kpi.focus },
          path: ["kpis", index, "customer"],
        });
      }
    });

    // With no shared KPI, shared-kpi has said what to do; a second finding would say it again.
    const shared = kpis.flatMap((kpi, index) => (kpi && ownedByBoth(kpi) ? [{ kpi, name: asText(kpi.id) ?? `#${index + 1}` }] : []));
    if (shared.length === 0 || shared.some(({ kpi }) => focusesOnCustomer(kpi))) return;
    const said = shared.filter(({ kpi }) => typeof kpi.focus === "string");
    if (said.length === 0) {
      report({ messageId: "noFocus", path: ["kpis"], at: "key" });
      return;
    }
    const kpiWords = said.map(({ kpi, name }) => `${name} measures ${String(kpi.focus)}`);
    report({ messageId: "noCustomerFocus", data: { kpis: listWords(kpiWords, "and") }, path: ["kpis"], at: "key" });
  },
};
