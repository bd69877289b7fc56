import { deepStrictEqual, ok } from "node:assert";
import fc from "fast-check";
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";
import { BUNDLED_ORIGIN, Glossary, type GlossaryEntry } from "../../src/core/glossary/glossary.js";
import { FREE_TEXT_PATHS, findTermOccurrences, overlapsLink } from "../../src/core/glossary/terms.js";
import { parseYaml } from "../../src/core/parse.js";
import { ReferenceMatcher, referenceLinkSpans, referenceTermOccurrences } from "./helpers/term-reference.js";

// The term matcher reads words by character codes, skips words no spelling can start with,
// walks a flat trie of the spellings' first words over the ASCII word characters and knows
// beforehand the entry of a spelling written in its own case (src/core/glossary/glossary.ts);
// links are looked for only in the words around a term that may hold one, and one walk of a
// spec follows every path of free text (terms.ts). All of these stand in for simpler code, so
// they must find exactly what the first matcher and walk found (helpers/term-reference.ts),
// on any text and any spec.

const bundled = Glossary.bundled();

const entry = (term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  term,
  kind: "jargon",
  example: term,
  origin: "test.glossary.yaml",
  ...extra,
});

// Entries that stress the matcher: first words past ASCII, with digits and underscores, one
// letter long, ending in "s" or "es", spellings of several words, a forced case rule; first
// characters no bundled spelling starts with (a digit, "_", "z" only before a letter past
// ASCII, "q" only as a capital), a Kelvin sign (it lowercases to an ASCII "k"), a spelling of
// no word characters at all (the words "s" and "es" reach it by their plural ending), and a
// first word of every ASCII word character.
const stressed = bundled.extend([
  entry("café crème", { aliases: ["Café", "ÇA va"] }),
  entry("s3 bucket", { aliases: ["S3"] }),
  entry("go_live", { aliases: ["x"] }),
  entry("bus", { aliases: ["buses", "class es"] }),
  entry("Σigma", { aliases: ["straße", "İstanbul"] }),
  entry("𝐀lpha", { aliases: ["emoji 😀 day"] }),
  entry("Ops", { caseSensitive: true }),
  entry("ROI", { caseSensitive: false }),
  entry("3d print", { aliases: ["_ops", "Zürich", "QBR"] }),
  entry("\u212Aelvin", { aliases: ["\u212Api report", "++", " "] }),
  entry("abcdefghijklmnopqrstuvwxyz_0123456789", { aliases: ["ABCDEFGHIJKLMNOPQRSTUVWXYZ"] }),
]);

// A glossary of few first characters, none of them "s" or "e": the words "s" and "es" reach
// its spelling of no word characters only by their plural ending, and "z" starts a spelling
// only before a letter past ASCII.
const sparse = new Glossary([entry("x ray", { aliases: [" ", "Zürich"] }), entry("QA", { aliases: ["q"] })]);

// Spellings of the glossaries, written as people write them: any case, plural endings,
// other white space between words.
const spellings = [...new Set(stressed.entries.flatMap((e) => [e.term, ...(e.aliases ?? [])]))];
const SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\u2028", "\r\n  "];
const caseOf = (word: string, how: number): string =>
  how === 0 ? word : how === 1 ? word.toUpperCase() : how === 2 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1);
const spelled = fc
  .record({
    spelling: fc.constantFrom(...spellings),
    how: fc.integer({ min: 0, max: 3 }),
    space: fc.constantFrom(...SPACES),
    plural: fc.constantFrom("", "", "s", "es", "S", "ES", "Es", "eS", "'s", "ing"),
  })
  .map(({ spelling, how, space, plural }) => caseOf(spelling, how).replace(/ /g, space) + plural);

// Everything else text holds, and the characters where a word-by-code reading could go wrong.
const OTHER = [
  " ",
  " ",
  ", ",
  ". ",
  "-",
  "/",
  "'",
  "_",
  "0",
  "42",
  "a",
  "the",
  "is",
  "dress",
  "es",
  "s",
  "S",
  "e",
  "drive",
  "Dr",
  "dr",
  "é",
  "É",
  "ß",
  "İ",
  "ı",
  "ſ",
  "K",
  "Σ",
  "ς",
  "ǅ",
  "𝐀",
  "😀",
  "\uD800",
  "\uDC00",
  "\u0301",
  "٣",
  "中文",
  "https://example.com/Customer-Preference",
  "www.SQL.example",
  "WWW.x",
  "mailto:dr@example.com",
  "sql.team@example.com",
  "a@b",
  "@",
  ":",
  "x://y",
  "ſ://x",
  "(",
  ")",
  '"',
  "`",
  "<",
  ">",
];

// Words that go some way along the trie and leave it: the start of a spelling, in any case,
// then any ASCII word characters.
const ASCII_WORD_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const partly = fc
  .record({
    spelling: fc.constantFrom(...spellings),
    cut: fc.nat(),
    how: fc.integer({ min: 0, max: 3 }),
    tail: fc.array(fc.constantFrom(...ASCII_WORD_CHARS), { maxLength: 3 }),
  })
  .map(({ spelling, cut, how, tail }) => caseOf(spelling.slice(0, 1 + (cut % spelling.length)), how) + tail.join(""));

const text = fc
  .array(fc.oneof({ weight: 2, arbitrary: spelled }, { weight: 1, arbitrary: partly }, { weight: 4, arbitrary: fc.constantFrom(...OTHER) }), { maxLength: 24 })
  .map((parts) => parts.join(""));

// Specs of any shape for the walk of free text: the keys of FREE_TEXT_PATHS and others at any
// depth, in block and flow maps and lists, text in every scalar style, other scalars besides.
// Text holds no escape and no quote, so the reference reads each scalar by its style alone.
const TEXT_WORDS = [
  ...bundled.entries.flatMap((e) => [e.term, ...(e.aliases ?? [])]).filter((w) => /^[A-Za-z0-9 -]+$/.test(w)),
  "the",
  "Data",
  "SQLs",
  "and",
  "dr",
  "https://wiki.example.com/DR-plan",
  "ops@example.com",
  "42",
];
// Keys: names, a number, a null, and a list ("? [summary]": not a scalar, so no path goes through it).
const KEYS = [
  "title",
  "summary",
  "kpis",
  "name",
  "definition",
  "security_review",
  "notes",
  "data",
  "systems",
  "owners",
  "role",
  "marketing",
  "glossary",
  7,
  null,
  ["summary"],
];
const STYLES = [Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE, Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL] as const;
type Shape =
  | { text: string; style: number }
  | { other: number | boolean | null }
  | { pairs: [(typeof KEYS)[number], Shape][]; flow: boolean }
  | { items: Shape[]; flow: boolean };
const { shape } = fc.letrec<{ shape: Shape; map: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ text: fc.array(fc.constantFrom(...TEXT_WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")), style: fc.nat({ max: 4 }) }),
    fc.record({ other: fc.constantFrom(7, true, null) }),
    tie("map"),
    fc.record({ items: fc.array(tie("shape"), { maxLength: 3 }), flow: fc.boolean() }),
  ),
  map: fc.record({ pairs: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("shape")), { maxLength: 4 }), flow: fc.boolean() }),
}));
const specText = fc
  .record({ pairs: fc.array(fc.tuple(fc.constantFrom(...KEYS), shape), { minLength: 1, maxLength: 6 }), flow: fc.constant(false) })
  .map((root) => {
    const document = new Document();
    const build = (part: Shape): Node => {
      if ("text" in part) {
        const node = document.createNode(part.text) as Scalar;
        node.type = STYLES[part.style];
        return node;
      }
      if ("other" in part) return document.createNode(part.other) as Node;
      const collection = "pairs" in part ? new YAMLMap() : new YAMLSeq();
      collection.flow = part.flow;
      if ("pairs" in part) for (const [key, value] of part.pairs) (collection as YAMLMap).items.push(new Pair(document.createNode(key), build(value)));
      else for (const item of part.items) (collection as YAMLSeq).items.push(build(item));
      return collection;
    };
    document.contents = build(root);
    return document.toString({ lineWidth: 0 });
  });

describe("glossary term matcher", () => {
  for (const [name, glossary] of [
    ["bundled glossary", bundled],
    ["glossary with stressing entries", stressed],
    ["glossary of few first characters", sparse],
  ] as const) {
    it(`finds exactly what the regex-based matcher finds (${name}, 20,000 texts)`, function () {
      this.timeout(120_000);
      const reference = new ReferenceMatcher(glossary);
      fc.assert(
        fc.property(text, (written) => {
          const found = glossary.findTerms(written).map((m) => ({ term: m.entry.term, start: m.start, end: m.end }));
          deepStrictEqual(found, reference.findTerms(written));
        }),
        { seed: 20270106, numRuns: 20_000 },
      );
    });
  }

  // findTerms and overlapsLink read a scalar in place, inside the spec's text: the text around
  // it (a word character, half of a surrogate pair, a link going on) must not change a thing.
  it("reads a part of a longer text as it reads that part on its own (20,000 texts)", function () {
    this.timeout(120_000);
    let found = 0;
    fc.assert(
      fc.property(text, text, text, (before, written, after) => {
        const whole = before + written + after;
        const from = before.length;
        const alone = stressed.findTerms(written);
        found += alone.length;
        const inPlace = stressed.findTerms(whole, from, from + written.length);
        deepStrictEqual(
          inPlace.map((m) => ({ term: m.entry.term, start: m.start - from, end: m.end - from })),
          alone.map((m) => ({ term: m.entry.term, start: m.start, end: m.end })),
        );
        for (const m of alone)
          deepStrictEqual(overlapsLink(whole, m.start + from, m.end + from, from, from + written.length), overlapsLink(written, m.start, m.end));
      }),
      { seed: 20261128, numRuns: 20_000 },
    );
    ok(found > 5_000, `only ${found} terms found`);
  });

  it("tells a range inside a link or address as the one regular expression over the whole text does (20,000 texts)", function () {
    this.timeout(60_000);
    const withRange = text.chain((written) =>
      fc
        .tuple(fc.constant(written), fc.nat({ max: written.length }), fc.nat({ max: written.length }))
        .map(([w, a, b]) => ({ written: w, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
    );
    let inside = 0;
    fc.assert(
      fc.property(withRange, ({ written, start, end }) => {
        const expected = referenceLinkSpans(written).some(([from, to]) => start < to && end > from);
        if (expected) inside++;
        deepStrictEqual(overlapsLink(written, start, end), expected);
      }),
      { seed: 20270106, numRuns: 20_000 },
    );
    // A generator that never put a range on a link would prove nothing.
    deepStrictEqual(inside > 1_000, true, `only ${inside} ranges overlapped a link`);
  });

  it("finds in a spec's free text exactly what one walk per path found (bundled glossary, 5,000 specs)", function () {
    this.timeout(120_000);
    const reference = new ReferenceMatcher(bundled);
    // Which paths held a term: a generator that never reached one would prove nothing there.
    const reached = new Set<string>();
    fc.assert(
      fc.property(specText, (text) => {
        const document = parseYaml(text).document!;
        const found = findTermOccurrences(document, text, bundled);
        for (const o of found) reached.add(o.path.map((step) => (FREE_TEXT_PATHS.some((p) => p.includes(String(step))) ? step : "*")).join("."));
        deepStrictEqual(
          found.map((o) => ({ term: o.entry.term, start: o.start, end: o.end, path: o.path, value: o.value })),
          referenceTermOccurrences(document, text, reference),
        );
      }),
      { seed: 20270106, numRuns: 5_000 },
    );
    for (const path of FREE_TEXT_PATHS) {
      ok(
        [...reached].some((seen) => seen.split(".").length === path.length && path.every((step, i) => step === "*" || seen.split(".")[i] === step)),
        path.join("."),
      );
    }
  });

  it("the stressing entries are found at all (a generator that never matched would prove nothing)", () => {
    const written = "Café crème, S3 buckets, go_live, buses, ΣIGMA, 𝐀lpha, Ops not ops, roi, ZÜRICH, kelvin, 3D prints, _ops, QBRs, s";
    const found = stressed.findTerms(written).map((m) => m.entry.term);
    const others = ["3d print", "\u212Aelvin", "3d print", "3d print", "3d print", "\u212Aelvin"];
    deepStrictEqual(found, ["café crème", "s3 bucket", "go_live", "bus", "Σigma", "𝐀lpha", "Ops", "ROI", ...others]);
    deepStrictEqual(
      new ReferenceMatcher(stressed).findTerms(written).map((m) => m.term),
      found,
    );
    deepStrictEqual(
      bundled.entries.every((e) => e.origin === BUNDLED_ORIGIN),
      true,
    );
  });
});
