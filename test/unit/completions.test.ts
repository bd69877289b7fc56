import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { completionsAt, pathAbove } from "../../src/core/completions.js";
import { Glossary } from "../../src/core/glossary/glossary.js";
import { FIXTURES } from "./helpers/fixtures.js";

const design = readFileSync(join(FIXTURES, "design-example.campaign.yaml"), "utf8");

// Completes at the "|" in `text`.
function at(text: string) {
  const offset = text.indexOf("|");
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  const character = offset - (before.lastIndexOf("\n") + 1);
  return completionsAt(text.replace("|", ""), { line, character }, Glossary.bundled());
}
const labels = (text: string) => at(text).map((s) => s.label);

describe("completions", () => {
  it("offers a whole new spec in an empty file", () => {
    const [only] = at("|");
    strictEqual(only?.kind, "snippet");
    ok(only.insertText.startsWith("jointspec: 1\nid: ${1:campaign-id}"));
  });

  it("offers the top-level keys not written yet, sections as snippets", () => {
    const found = at("jointspec: 1\nid: x\ntitle: X\n|");
    const names = found.map((s) => s.label);
    ok(names.includes("status") && names.includes("owners") && names.includes("security_review"));
    ok(!names.includes("id") && !names.includes("title") && !names.includes("jointspec"));
    strictEqual(found.find((s) => s.label === "owners")?.kind, "snippet");
    ok(found.find((s) => s.label === "status")?.documentation?.includes("draft"));
  });

  it("offers the keys of a KPI inside a KPI", () => {
    deepStrictEqual(labels("kpis:\n  - id: a\n    name: A\n    |").sort(), [
      "baseline",
      "cadence",
      "customer",
      "definition",
      "focus",
      "owners",
      "source",
      "target",
    ]);
  });

  it("offers a KPI's focus values, and which customer, from the schema", () => {
    deepStrictEqual(labels("kpis:\n  - id: a\n    focus: |"), ["customer", "business", "operations", "cost", "risk"]);
    deepStrictEqual(labels("kpis:\n  - id: a\n    focus: customer\n    customer: |"), ["external", "internal"]);
  });

  it("offers the enum values after status:, security_review.status: and classification:", () => {
    deepStrictEqual(labels("jointspec: 1\nstatus: |"), ["draft", "in-review", "approved", "live", "retired"]);
    deepStrictEqual(labels("security_review:\n  status: in|"), ["not-started", "requested", "in-progress", "approved", "waived"]);
    deepStrictEqual(labels("data:\n  - name: email\n    classification: |"), ["public", "internal", "confidential", "pii"]);
    deepStrictEqual(labels("data:\n  - classification: |"), ["public", "internal", "confidential", "pii"]);
  });

  it("offers the functions as KPI owners, in flow and block lists", () => {
    deepStrictEqual(labels("kpis:\n  - id: a\n    owners: [marketing, |"), ["technology"]);
    deepStrictEqual(labels("kpis:\n  - id: a\n    owners:\n      - |"), ["marketing", "technology"]);
  });

  it("offers glossary terms under glossary:, reported ones first, and their meanings", () => {
    const terms = at("glossary:\n  |");
    ok(terms.length >= 20);
    ok(terms[0]!.label === "conversion" || terms.slice(0, 12).some((t) => t.label === "DR"));
    strictEqual(terms.find((t) => t.label === "DR")?.insertText, "DR: ");
    deepStrictEqual(labels("glossary:\n  DR: |"), ["direct response", "disaster recovery"]);
  });

  it("offers a KPI snippet for a new item under kpis:", () => {
    strictEqual(at("kpis:\n  - |")[0]?.label, "new KPI");
  });

  it("says nothing inside a comment", () => {
    deepStrictEqual(at("# status: |"), []);
  });

  it("reads the path of the map at the cursor from indentation", () => {
    const lines = design.split("\n");
    const approvalsLine = lines.findIndex((l) => l.startsWith("  technology: { name: Sam Patel"));
    deepStrictEqual(pathAbove(lines, approvalsLine, 2), ["approvals"]);
    const cadence = lines.findIndex((l) => l.includes("cadence: weekly"));
    deepStrictEqual(pathAbove(lines, cadence, 4), ["kpis", 0]);
  });
});

describe("completions: names from the roster", () => {
  const people = [
    { name: "Dana Reyes", function: "marketing" as const, role: "Campaign manager" },
    { name: "Sam Patel", function: "technology" as const, role: "Solutions architect" },
  ];
  const at = (text: string): string[] => {
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("|"));
    return completionsAt(text.replace("|", ""), { line, character: lines[line]!.indexOf("|") }, Glossary.bundled(), people).map((s) => s.label);
  };

  it("offers a side's people after name: under owners.<side>, and only that side's", () => {
    deepStrictEqual(at("owners:\n  marketing:\n    - name: |"), ["Dana Reyes"]);
    deepStrictEqual(at("owners:\n  marketing:\n    - name: Dana Reyes\n  technology:\n    - name: Sa|"), ["Sam Patel"]);
  });

  it("offers everyone as the security reviewer, and nobody without a roster", () => {
    deepStrictEqual(at("security_review:\n  reviewer: |"), ["Dana Reyes", "Sam Patel"]);
    const text = "owners:\n  marketing:\n    - name: ";
    deepStrictEqual(
      completionsAt(text, { line: 2, character: text.split("\n")[2]!.length }, Glossary.bundled()).map((s) => s.label),
      [],
    );
  });
});
