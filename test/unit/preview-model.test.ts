// The preview model (src/preview/model/): for each example, the checklist shows its
// intended problem and passes the rest; each finding has exactly one home on the page;
// items know their place in the source; and broken or empty specs give a model that says
// what is missing instead of throwing.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { parseGlossaryFile } from "../../src/core/config.js";
import { Glossary } from "../../src/core/glossary/glossary.js";
import { lintBytes } from "../../src/core/lint-bytes.js";
import { lintSpec } from "../../src/core/lint.js";
import { RULES } from "../../src/core/rules/index.js";
import { buildPreviewModel, readableDate } from "../../src/preview/model/build.js";
import type { PreviewModel } from "../../src/preview/model/types.js";
import { FIXTURES, REPO } from "./helpers/fixtures.js";
import { attachedFindings, CHECK_ORDER, EXAMPLE_CHECKS, exampleModel } from "./helpers/preview.js";

const fixture = (name: string): string => readFileSync(join(FIXTURES, "preview", name), "utf8");
const modelOf = (text: string, options = {}): PreviewModel => buildPreviewModel(lintSpec(text), options);
const lineOf = (text: string, needle: string): number => text.split("\n").findIndex((line) => line.includes(needle));

describe("preview model", () => {
  describe("examples: the checklist passes and fails as each example intends", () => {
    it("covers every example", () => {
      const examples = readdirSync(join(REPO, "examples")).filter((name) => /\.ya?ml$/.test(name) && !name.startsWith("."));
      deepStrictEqual(Object.keys(EXAMPLE_CHECKS).sort(), examples.sort());
    });

    for (const [name, states] of Object.entries(EXAMPLE_CHECKS)) {
      it(name, () => {
        const { model, result } = exampleModel(name);
        strictEqual(model.readability, "complete");
        deepStrictEqual(
          model.readiness.map((check) => `${check.ruleId}:${check.state}`),
          CHECK_ORDER.map((id, i) => `${id}:${states[i]}`),
        );
        for (const check of model.readiness) {
          if (check.state === "failed") ok(check.findings.length > 0 && check.findings.every((f) => f.ruleId === check.ruleId && f.message.length > 0));
          else ok(check.detail.length > 0, `${check.ruleId} says why it is ${check.state}`);
        }
        // One finding, one home: every finding of the lint appears exactly once in the model.
        const attached = attachedFindings(model);
        for (const finding of result.findings) {
          strictEqual(
            attached.filter((f) => f.message === finding.message && f.ruleId === finding.ruleId && f.range.start.line === finding.range.start.line).length,
            1,
            finding.message,
          );
        }
        strictEqual(model.problems.length, 0, "examples have no finding that no item claims");
        deepStrictEqual(model.missing, []);
        strictEqual(model.notice, undefined);
      });
    }

    it("black-friday-flash-sale: the TBD technology owner is shown as not named, and the check says so", () => {
      const { model } = exampleModel("black-friday-flash-sale.campaign.yaml");
      const owners = model.readiness.find((c) => c.ruleId === "owners-both-functions")!;
      ok(/TBD/.test(owners.findings[0]!.message));
      deepStrictEqual(
        model.owners.technology.people.map((p) => [p.name?.text, p.named]),
        [["TBD", false]],
      );
      deepStrictEqual(
        model.owners.marketing.people.map((p) => p.name?.text),
        ["Lena Fischer", "Tomas Ortega"],
      );
      deepStrictEqual(
        model.kpis.items.map((k) => [k.id, k.shared]),
        [
          ["flash-sale-revenue", true],
          ["checkout-error-rate", true],
        ],
      );
      // What each KPI measures, and for the customer which one, in the schema's words.
      deepStrictEqual(
        model.kpis.items.map((k) => [k.focus?.value, k.customer?.value]),
        [
          ["business", undefined],
          ["customer", "external"],
        ],
      );
      ok(/buy/.test(model.kpis.items[1]!.customer!.description ?? ""), "the customer value comes with the schema's words for it");
    });

    it("summer-referral-programme: the KPI without a target carries its finding", () => {
      const { model } = exampleModel("summer-referral-programme.campaign.yaml");
      const kpi = model.kpis.items.find((k) => k.id === "referral-sign-ups")!;
      deepStrictEqual(
        kpi.findings.map((f) => f.ruleId),
        ["kpi-measurable"],
      );
      strictEqual(kpi.target, undefined);
    });

    it("student-discount-verification: the unknown status is shown as written, with the schema's finding", () => {
      const { model } = exampleModel("student-discount-verification.campaign.yaml");
      strictEqual(model.status?.text, "in_review");
      strictEqual(model.status?.description, undefined);
      deepStrictEqual(
        model.status?.findings.map((f) => f.ruleId),
        ["schema"],
      );
    });

    it("lapsed-member-winback: both unpinned terms have cards with their findings, the workspace term included", () => {
      const { model } = exampleModel("lapsed-member-winback.campaign.yaml");
      const byTerm = new Map(model.terms.map((t) => [t.term, t]));
      deepStrictEqual(
        byTerm.get("DR")?.findings.map((f) => f.ruleId),
        ["ambiguous-term"],
      );
      deepStrictEqual(
        byTerm.get("Northstar")?.findings.map((f) => f.ruleId),
        ["ambiguous-term"],
      );
      ok(byTerm.get("Northstar")!.origin.endsWith("acme.glossary.yaml"));
      strictEqual(byTerm.get("DR")!.pinned, undefined);
      // The summary links its terms to their cards.
      deepStrictEqual(
        model.summary!.segments.filter((s) => s.term).map((s) => [s.text, s.term]),
        [
          ["DR", "term-dr"],
          ["Northstar", "term-northstar"],
        ],
      );
      strictEqual(model.summary!.segments.map((s) => s.text).join(""), model.summary!.text);
    });

    it("spring-loyalty-relaunch: items carry their source ranges; the timeline is by date; DR is pinned to marketing", () => {
      const { model, text } = exampleModel("spring-loyalty-relaunch.campaign.yaml");
      const titleLine = lineOf(text, "title:");
      deepStrictEqual(model.title!.range, { start: { line: titleLine, character: 7 }, end: { line: titleLine, character: 30 } });
      strictEqual(model.owners.marketing.people[0]!.range.start.line, lineOf(text, "- name: Dana Reyes"));
      strictEqual(model.kpis.items[0]!.range.start.line, lineOf(text, "- id: repeat-purchase-rate"));
      strictEqual(model.securityReview.range.start.line, lineOf(text, "security_review:"));
      strictEqual(model.readiness.find((c) => c.ruleId === "owners-both-functions")!.range.start.line, lineOf(text, "owners:"));
      deepStrictEqual(
        model.timeline.items.map((m) => [m.label, m.date.text]),
        [
          ["Kickoff", "5 Jan 2025"],
          ["Launch", "1 Mar 2025"],
        ],
      );
      const dr = model.terms.find((t) => t.term === "DR")!;
      deepStrictEqual(dr.pinned, { value: "direct response", side: "marketing" });
      strictEqual(dr.kind, "ambiguous");
      ok(dr.marketing && dr.technology);
      strictEqual(model.terms.find((t) => t.term === "CDP")!.jargonSide, "marketing");
      // Ambiguous terms come first, then jargon.
      deepStrictEqual(
        model.terms.map((t) => t.kind),
        [...model.terms.filter((t) => t.kind === "ambiguous"), ...model.terms.filter((t) => t.kind === "jargon")].map((t) => t.kind),
      );
      strictEqual(model.securityReview.classification!.text, "PII");
      strictEqual(model.status!.text, "In review");
      strictEqual(model.status!.value, "in-review");
      ok(model.status!.description!.length > 0, "an enum value comes with the schema's words for it");
    });
  });

  describe("broken, empty and partial specs say what is missing, and never throw", () => {
    const CASES: { file: string; readability: PreviewModel["readability"]; notice: RegExp | undefined; missing?: string[] }[] = [
      { file: "empty.campaign.yaml", readability: "none", notice: /This spec is empty/ },
      { file: "comments-only.campaign.yaml", readability: "none", notice: /This spec is empty/ },
      { file: "not-a-map.campaign.yaml", readability: "none", notice: /map of keys/ },
      { file: "broken-syntax.campaign.yaml", readability: "partial", notice: /^The YAML has an error \(line 8\), so this page shows only what could be read/ },
      {
        file: "bare-minimum.campaign.yaml",
        readability: "complete",
        notice: undefined,
        missing: ["summary", "owners", "KPIs", "security review", "data", "systems", "timeline"],
      },
    ];
    for (const { file, readability, notice, missing } of CASES) {
      it(file, () => {
        const model = modelOf(fixture(file), { fileName: file });
        strictEqual(model.readability, readability);
        if (notice) ok(notice.test(model.notice ?? ""), model.notice);
        else strictEqual(model.notice, undefined);
        if (missing) deepStrictEqual(model.missing, missing);
        if (readability !== "complete") {
          ok(
            model.readiness.every((c) => c.state === "not-checked" && /Not checked/.test(c.detail)),
            "nothing is checked on a spec that was not read",
          );
          deepStrictEqual(model.missing, [], "a spec not read to its end cannot say what it lacks");
        }
      });
    }

    it("names the line of an unclosed quote as Problems does, not the line past the end", () => {
      const text = readFileSync(join(FIXTURES, "bad-input", "unclosed-quote.campaign.yaml"), "utf8");
      const model = modelOf(text);
      ok(/\(line 3\)/.test(model.notice ?? ""), model.notice);
      strictEqual(model.problems[0]!.range.start.line, 2);
    });

    it("a partly readable spec shows what comes before the error", () => {
      const model = modelOf(fixture("broken-syntax.campaign.yaml"));
      strictEqual(model.heading, "Autumn catalogue");
      strictEqual(model.summary?.text, "Print and web catalogue for the autumn range.");
      deepStrictEqual(
        model.problems.map((p) => p.ruleId),
        ["yaml-syntax"],
      );
    });

    it("an untitled spec is called by its id, else its file name", () => {
      strictEqual(modelOf("jointspec: 1\nid: only-an-id\n").heading, "only-an-id");
      strictEqual(modelOf("", { fileName: "draft.campaign.yaml" }).heading, "draft.campaign.yaml");
      strictEqual(modelOf("").heading, "Untitled spec");
    });

    it("bytes that are not text give a model with the decoding finding", () => {
      const result = lintBytes(new Uint8Array([0x6a, 0x6f, 0xff, 0x0a]));
      const model = buildPreviewModel(result);
      strictEqual(model.readability, "none");
      deepStrictEqual(
        model.problems.map((p) => p.ruleId),
        ["yaml-syntax"],
      );
      ok(/could not be read/.test(model.notice ?? ""));
    });

    // Each fixture's model is held to what can be known without it, so every check here can
    // fail: the page is called by the title, else the id, that the yaml library reads from the
    // same bytes, else by the file name; the checklist is CHECK_ORDER (written out, not the
    // model's own list); a spec not read to its end checks nothing; and every finding of the
    // lint has exactly one home on the page.
    it("every fixture of the repository gives a model true to its text", () => {
      const folders = ["bad-input", "preview", ...readdirSync(join(FIXTURES, "rules")).map((rule) => `rules/${rule}`)];
      let count = 0;
      const named = new Set<string>();
      for (const folder of folders) {
        for (const name of readdirSync(join(FIXTURES, folder)).filter((n) => /\.ya?ml$/.test(n))) {
          const fileName = `${folder}/${name}`;
          const bytes = readFileSync(join(FIXTURES, folder, name));
          const result = lintBytes(bytes);
          const model = buildPreviewModel(result, { fileName });
          const expected = model.readability === "none" ? fileName : (nameInYaml(bytes) ?? fileName);
          strictEqual(model.heading, expected, `${fileName}: the heading`);
          if (model.heading !== fileName) named.add(fileName);
          deepStrictEqual(
            model.readiness.map((check) => check.ruleId),
            CHECK_ORDER,
            `${fileName}: the checklist`,
          );
          if (model.readability !== "complete")
            ok(
              model.readiness.every((check) => check.state === "not-checked"),
              `${fileName}: nothing is checked`,
            );
          const attached = attachedFindings(model);
          for (const finding of result.findings) {
            const homes = attached.filter(
              (f) =>
                f.ruleId === finding.ruleId &&
                f.message === finding.message &&
                f.range.start.line === finding.range.start.line &&
                f.range.start.character === finding.range.start.character,
            );
            strictEqual(homes.length, 1, `${fileName}: ${finding.ruleId} "${finding.message}" has one home`);
          }
          count++;
        }
      }
      ok(count > 80, `${count} fixtures`);
      // Most fixtures have a title or an id: the check above compares real names, not fallbacks.
      ok(named.size > count / 2, `${named.size} of ${count} fixtures are called by their own name`);
    });
  });

  describe("checks that are waived or turned off", () => {
    it("a check silenced by a jointspec-disable comment is waived, with the reason given", () => {
      const model = modelOf(fixture("waived-owner.campaign.yaml"));
      const owners = model.readiness.find((c) => c.ruleId === "owners-both-functions")!;
      strictEqual(owners.state, "waived");
      deepStrictEqual(owners.waivers, ["the tech owner is named at kickoff on 12 March"]);
    });

    it("a check whose rule is off is not checked, and says why", () => {
      const text = readFileSync(join(REPO, "examples/back-to-school-bundles.campaign.yaml"), "utf8");
      const severities = { "shared-kpi": "off" } as const;
      const model = buildPreviewModel(lintSpec(text, { severities }), { severities });
      const shared = model.readiness.find((c) => c.ruleId === "shared-kpi")!;
      strictEqual(shared.state, "not-checked");
      ok(/turns the shared-kpi rule off/.test(shared.detail));
    });
  });

  it("names each readiness check by the registered rule it rests on, and links that rule's page", () => {
    const { model } = exampleModel("black-friday-flash-sale.campaign.yaml");
    const registered = new Set(RULES.map((rule) => rule.id));
    for (const check of model.readiness) {
      ok(registered.has(check.ruleId), `${check.ruleId} is a rule of src/core/rules/index.ts`);
      const page = /\/docs\/rules\/([a-z-]+)\.md$/.exec(check.docsUrl)?.[1];
      strictEqual(page, check.ruleId, check.docsUrl);
      ok(existsSync(join(REPO, "docs/rules", `${page}.md`)), `docs/rules/${page}.md exists`);
    }
  });

  it("keeps hostile text as data: the model holds it as written, for the renderer to escape", () => {
    const glossary = parseGlossaryFile(fixture("injection.glossary.yaml"), "injection.glossary.yaml");
    ok(glossary.ok);
    const text = fixture("injection.campaign.yaml");
    const model = buildPreviewModel(lintSpec(text, { glossary: Glossary.bundled().extend(glossary.value) }));
    ok(model.title!.text.startsWith("<script>"));
    ok(model.terms.some((t) => t.term === "Lisbon" && t.marketing!.label.startsWith("<script>")));
    // Term keys become HTML ids: only safe characters, whatever the term.
    ok(model.terms.every((t) => /^term-[a-z0-9-]+$/.test(t.key)));
  });

  it("writes dates in words", () => {
    deepStrictEqual(["2027-01-05", "2027-12-31", "2027-13-01", "soon"].map(readableDate), ["5 Jan 2027", "31 Dec 2027", "2027-13-01", "soon"]);
  });
});

// What a reader would call the spec, read from its bytes with the yaml library alone: its
// title, else its id (as text, trimmed); undefined when it has neither or is not text.
function nameInYaml(bytes: Uint8Array): string | undefined {
  let data: unknown;
  try {
    // A lone CR ends a line in YAML, but the yaml library reads it as part of the line.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/\r(?!\n)/g, "\n");
    data = parseAllDocuments(text, { logLevel: "silent" })[0]?.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const spec = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const words = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");
  return words(spec.title) || words(spec.id) || undefined;
}
