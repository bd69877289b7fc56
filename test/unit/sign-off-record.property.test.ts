import { deepStrictEqual, ok, strictEqual } from "node:assert";
import fc from "fast-check";
import { Document, isMap, isSeq, visit } from "yaml";
import { parseYaml } from "../../src/core/parse.js";
import { compareRecord, signOffRecord } from "../../src/core/sign-off/record.js";

// The record of what was signed, over generated specs: writing the same spec another way never
// changes it, and every material change does, named as the part that changed. The seed is fixed
// so a run is repeatable (a part digest is 12 bits; the full digest, 96, decides).

type Spec = Record<string, unknown>;
const WORDS = ["Dana Reyes", "Sam Patel", "Leo Brandt", "Mei Tanaka", "CDP", "ESP", "data warehouse", "SMS gateway", "weekly", "daily"];
const word = fc.constantFrom(...WORDS);
const text = fc
  .array(fc.constantFrom("share", "of", "orders", "within", "30", "days", "members", "lapsed", "email"), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(" "));
const day = fc
  .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ m, d }) => `2027-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

const kpi = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      name: text,
      definition: text,
      target: fc.oneof(
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 1, max: 90 }).map((n) => `>= ${n}%`),
      ),
      baseline: fc.integer({ min: 1, max: 90 }).map((n) => `${n}%`),
      owners: fc.subarray(["marketing", "technology"], { minLength: 1 }),
      source: fc.constantFrom("warehouse.orders_daily", "esp.events", "crm.contacts"),
      cadence: fc.constantFrom("daily", "weekly", "monthly"),
    },
    { requiredKeys: ["id", "name"] },
  );

const spec: fc.Arbitrary<Spec> = fc
  .record({
    title: text,
    summary: text,
    status: fc.constantFrom("draft", "in-review", "approved"),
    marketing: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
    technology: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
    kpis: fc
      .uniqueArray(fc.constantFrom("reactivation-rate", "unsubscribe-rate", "revenue", "complaints"), { minLength: 1, maxLength: 3 })
      .chain((ids) => fc.tuple(...ids.map(kpi))),
    review: fc.record({
      status: fc.constantFrom("approved", "waived", "requested"),
      reviewer: word,
      date: day,
      data_classification: fc.constantFrom("pii", "internal"),
      notes: text,
    }),
    data: fc.uniqueArray(fc.record({ name: text, classification: fc.constantFrom("pii", "internal"), systems: fc.uniqueArray(word, { maxLength: 2 }) }), {
      maxLength: 3,
      selector: (item) => item.name,
    }),
    systems: fc.uniqueArray(word, { maxLength: 4 }),
    timeline: fc.record({ kickoff: day, launch: day }),
  })
  .map((s) => ({
    jointspec: 1,
    id: "generated",
    title: s.title,
    status: s.status,
    summary: s.summary,
    owners: { marketing: s.marketing.map((name) => ({ name, role: "lead" })), technology: s.technology.map((name) => ({ name })) },
    kpis: s.kpis,
    security_review: s.review,
    data: s.data,
    systems: s.systems,
    timeline: s.timeline,
  }));

// How a person might write the same spec: keys and unordered lists in another order, flow or
// block collections, another quoting and indentation, doubled spaces and line breaks in text,
// comments, and editorial edits (title, summary, status, an owner's role, a KPI's name).
const layout = fc.record({
  seed: fc.integer(),
  flow: fc.double({ min: 0, max: 1, noNaN: true }),
  quote: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
  indent: fc.constantFrom(2, 4),
});

function rewrite(
  value: Spec,
  { seed, flow, quote, indent }: { seed: number; flow: number; quote: "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE"; indent: number },
): string {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const shuffle = <T>(items: T[]): T[] =>
    items
      .map((item) => [random(), item] as const)
      .sort(([a], [b]) => a - b)
      .map(([, item]) => item);
  const UNORDERED = new Set(["marketing", "technology", "kpis", "data", "systems", "owners"]);
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) {
      const items = node.map((item) => walk(item));
      return key && UNORDERED.has(key) ? shuffle(items) : items;
    }
    if (typeof node === "object" && node !== null)
      return Object.fromEntries(shuffle(Object.entries(node).map(([k, v]) => [k, walk(v, k)] as [string, unknown])));
    if (typeof node === "string" && node.includes(" ") && random() < 0.3) return node.replace(" ", random() < 0.5 ? "  " : "\n ");
    return node;
  };
  const edited = walk(value) as Spec;
  edited.title = `${String(edited.title)} (reworded)`;
  edited.summary = `Now: ${String(edited.summary)}`;
  edited.status = "live";
  const document = new Document(edited);
  visit(document, {
    Map: (_key, node) => void (node.flow = random() < flow),
    Seq: (_key, node) => void (node.flow = random() < flow),
  });
  if (isMap(document.contents)) document.contents.commentBefore = " rewritten by the property test";
  // A flow collection inside a block one is fine; a block one inside a flow one is not YAML.
  visit(document, {
    Map: (_key, node) => void (node.flow && visit(node as never, { Collection: (_k, inner) => void ((isMap(inner) || isSeq(inner)) && (inner.flow = true)) })),
    Seq: (_key, node) => void (node.flow && visit(node as never, { Collection: (_k, inner) => void ((isMap(inner) || isSeq(inner)) && (inner.flow = true)) })),
  });
  return document.toString({ defaultStringType: quote, defaultKeyType: "PLAIN", indent, lineWidth: 40 });
}

const dataOf = (yamlText: string): Spec => {
  const parsed = parseYaml(yamlText);
  deepStrictEqual(parsed.problems, [], yamlText);
  return parsed.data as Spec;
};

describe("the sign-off record, over generated specs", () => {
  it("does not change when the spec is written another way", () => {
    fc.assert(
      fc.property(spec, layout, (value, style) => {
        const record = signOffRecord(dataOf(new Document(value).toString()));
        strictEqual(signOffRecord(dataOf(rewrite(value, style))), record);
      }),
      { seed: 20270605, numRuns: 200 },
    );
  });

  // Each material change, and the words that must name it.
  const CHANGES: { part: string; change: (s: Spec) => void; words: (s: Spec) => string }[] = [
    {
      part: "a KPI target",
      change: (s) => void (kpis(s)[0]!.target = `${String(kpis(s)[0]!.target)}0`),
      words: (s) => `the target of KPI ${String(kpis(s)[0]!.id)}`,
    },
    {
      part: "a KPI definition",
      change: (s) => void (kpis(s)[0]!.definition = "counted another way"),
      words: (s) => `the definition of KPI ${String(kpis(s)[0]!.id)}`,
    },
    {
      part: "a KPI's owners",
      change: (s) => void (kpis(s)[0]!.owners = (kpis(s)[0]!.owners as string[] | undefined)?.length === 2 ? ["marketing"] : ["marketing", "technology"]),
      words: (s) => `the owners of KPI ${String(kpis(s)[0]!.id)}`,
    },
    { part: "a KPI source", change: (s) => void (kpis(s)[0]!.source = "somewhere.else"), words: (s) => `the source of KPI ${String(kpis(s)[0]!.id)}` },
    { part: "a KPI cadence", change: (s) => void (kpis(s)[0]!.cadence = "hourly"), words: (s) => `the cadence of KPI ${String(kpis(s)[0]!.id)}` },
    { part: "a KPI added", change: (s) => void kpis(s).push({ id: "added-kpi", name: "Added" }), words: () => "the KPIs (added-kpi added)" },
    {
      part: "a technology owner",
      change: (s) => void (s.owners as { technology: unknown[] }).technology.push({ name: "Someone New" }),
      words: () => "the technology owners",
    },
    { part: "the review's notes", change: (s) => void ((s.security_review as Spec).notes = "new conditions"), words: () => "the security review" },
    { part: "a data classification", change: (s) => void (s.data as Spec[]).push({ name: "new data", classification: "pii" }), words: () => "the data" },
    { part: "a system", change: (s) => void (s.systems as string[]).push("new system"), words: () => "the systems" },
    { part: "the launch date", change: (s) => void ((s.timeline as Spec).launch = "2028-01-01"), words: () => "the timeline" },
  ];
  const kpis = (s: Spec): Spec[] => s.kpis as Spec[];

  for (const { part, change, words } of CHANGES) {
    it(`notices ${part}, and names it`, () => {
      fc.assert(
        fc.property(spec, (value) => {
          const record = signOffRecord(dataOf(new Document(value).toString()));
          const changed = structuredClone(value);
          change(changed);
          const comparison = compareRecord(record, dataOf(new Document(changed).toString()));
          ok(comparison.verdict === "changed", `${part} is noticed`);
          deepStrictEqual(comparison.changes, [words(value)]);
        }),
        { seed: 20270606, numRuns: 100 },
      );
    });
  }
});
