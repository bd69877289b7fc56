import { deepStrictEqual, ok } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { readCues } from "../../src/core/glossary/cues.js";
import { Glossary, type GlossaryEntry } from "../../src/core/glossary/glossary.js";
import { findTermOccurrences } from "../../src/core/glossary/terms.js";
import { parseYaml } from "../../src/core/parse.js";
import { referenceReadCues } from "./helpers/cues-reference.js";
import { REPO } from "./helpers/fixtures.js";

// The cue reader scans characters and words by code (src/core/glossary/cues.ts) where it first
// ran regular expressions (helpers/cues-reference.ts): the clause, the words on either side of
// the term, and each meaning's cues with their plural, case rule, word edges and the order in
// which the alternatives of one pattern are tried. Both must read exactly the same on any text
// and any glossary entry: the same window, the same cues in the same order.

const bundled = Glossary.bundled();
const bundledWithCues = bundled.entries.filter((entry) => entry.marketing?.cues?.length || entry.technology?.cues?.length);

// Cues and words that stress the scan: phrases with any white space, acronyms (some past
// ASCII), "-" and "_" inside words, cues that start other cues, plural-looking endings, letters
// whose case folding toLowerCase gets wrong (ſ is an s, the Kelvin sign a k, İ and ß fold to
// themselves, final ς is σ), the combining iota that folds to a letter, astral letters, lone
// surrogates, punctuation at a cue's edge, and white space only.
const CUE_WORDS = [
  "failover",
  "backup",
  "RTO",
  "RPO",
  "DR",
  "dr",
  "Dr",
  "CTA",
  "CTAs",
  "sign",
  "sign-up",
  "signup",
  "sign up",
  "sign \u00a0 up",
  "up",
  "lead",
  "sales lead",
  "lead time",
  "direct mail",
  "mail",
  "mailer",
  "go_live",
  "go-live",
  "p99",
  "s3",
  "es",
  "s",
  "e",
  "bus",
  "buses",
  "café",
  "CAFÉ",
  "Café crème",
  "ÉCHO",
  "straße",
  "STRASSE",
  "ſign",
  "\u212Aelvin",
  "kelvin",
  "İstanbul",
  "istanbul",
  "ıd",
  "Σigma",
  "σigma",
  "ςigma",
  "ΟΔΟΣ",
  "ǅemal",
  "\u0345",
  "𝐀lpha",
  "x😀",
  "\uD835",
  "\uDC00x",
  ".NET",
  "C++",
  "(beta)",
  "e.g.",
  "a/b",
  "-",
  "_",
  "A-B",
  " ",
  "  RTO  ",
  "\tsales\nlead ",
];

// Short cues from a tiny alphabet, so that cues collide, start one another and end in plurals.
const tinyCue = fc
  .array(fc.constantFrom("a", "b", "s", "S", "e", "E", "ſ", "K", "\u212A", "k", "é", "É", "-", "_", ".", " ", "\u3000", "A", "B"), {
    minLength: 1,
    maxLength: 5,
  })
  .map((chars) => chars.join(""));
const cue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CUE_WORDS) }, { weight: 1, arbitrary: tinyCue });
const cues = fc.option(fc.array(cue, { maxLength: 7 }), { nil: undefined, freq: 6 });
// Terms as found in text, and terms that end in punctuation, which a cue may follow at once.
const TERMS = ["DR", "lead", "sign", "real time", "café", "CTA", "s", "ΟΔΟΣ", "C++", "e.g."];

const generatedEntry: fc.Arbitrary<GlossaryEntry> = fc
  .record({ term: fc.constantFrom(...TERMS), marketing: cues, technology: cues, duplicate: fc.boolean() })
  .map(({ term, marketing, technology, duplicate }) => {
    // A cue listed twice, and the term among its own meaning's cues.
    const withExtras = (list: string[] | undefined): string[] | undefined => (list && duplicate && list.length > 0 ? [...list, list[0]!, term] : list);
    return {
      term,
      kind: "ambiguous",
      example: term,
      origin: "test.glossary.yaml",
      marketing: { label: "m", meaning: "m", cues: withExtras(marketing) },
      technology: { label: "t", meaning: "t", cues: withExtras(technology) },
    } as GlossaryEntry;
  });
// Entries are drawn from a fixed pool, so that the reference compiles each one's patterns once.
const entries = [...fc.sample(generatedEntry, { seed: 20270106, numRuns: 400 }), ...bundledWithCues];
const glossaries = new Map<GlossaryEntry, Glossary>();
const glossaryOf = (subject: GlossaryEntry): Glossary => {
  let glossary = glossaries.get(subject);
  if (!glossary) glossaries.set(subject, (glossary = new Glossary([subject])));
  return glossary;
};

// Everything around a word: clause breaks of every kind, white space of every kind (Unicode
// spaces, line breaks, blank lines with spaces and tabs), punctuation glued to words.
const AROUND = [
  " ",
  " ",
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "\n \t\n",
  "\r\n",
  "\n  \n\n",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\u2028",
  "\ufeff",
  "\u180e",
  " - ",
  " – ",
  " — ",
  " -\n\n",
  " - - ",
  " -- ",
  "\n- ",
  "\n\n\n",
  " —\n \n",
  "-",
  "–",
  "—",
  ".",
  ". ",
  ",",
  ", ",
  ";",
  "; ",
  ":",
  ": ",
  "!",
  "? ",
  "(",
  ")",
  "[",
  "]",
  ") ",
  "{",
  "'",
  '"',
  "/",
  "_",
  "e",
  "s",
  "es",
  "S",
  "ES",
  "ſ",
  "\u0345",
  "𝐀",
  "\uD835",
  "\uDC00",
  "the",
  "drill",
];

// A word as people write it: any case, a plural ending, glued punctuation.
const caseOf = (word: string, how: number): string =>
  how === 0 ? word : how === 1 ? word.toUpperCase() : how === 2 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1);
const written = (words: readonly string[]) =>
  fc
    .record({
      word: fc.constantFrom(...words),
      how: fc.integer({ min: 0, max: 3 }),
      plural: fc.constantFrom("", "", "", "s", "es", "S", "ES", "ſ", "'s"),
    })
    .map(({ word, how, plural }) => caseOf(word, how) + plural);
// Words around the term: mostly the entry's own cues and term, else any cue word, each
// followed by white space, a clause break, glued punctuation or nothing.
const SPACES = [" ", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u3000"];
const side = (subject: GlossaryEntry) => {
  const own = [subject.term, ...(subject.marketing?.cues ?? []), ...(subject.technology?.cues ?? [])];
  const word = fc.oneof({ weight: 4, arbitrary: written(own) }, { weight: 1, arbitrary: written(CUE_WORDS) });
  const gap = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SPACES) },
    { weight: 3, arbitrary: fc.constantFrom(...AROUND) },
    { weight: 1, arbitrary: fc.constant("") },
  );
  return fc.array(fc.tuple(gap, word, gap), { maxLength: 10 }).map((parts) => parts.flat().join(""));
};

/** A text with one use of the entry's term at [start, end), in a value [from, to) around it. */
const useOf = (subject: GlossaryEntry) =>
  fc
    .record({ before: side(subject), term: written([subject.term]), after: side(subject), cut: fc.tuple(fc.nat(), fc.nat()) })
    .map(({ before, term, after, cut }) => {
      const text = before + term + after;
      const start = before.length;
      const end = start + term.length;
      return { text, start, end, from: cut[0] % (start + 1), to: end + (cut[1] % (text.length - end + 1)) };
    });
const scenario = fc.constantFrom(...entries).chain((subject) => useOf(subject).map((use) => ({ entry: subject, ...use })));

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((cue, i) => cue === b[i]);

/** Compares both readings of one use (deepStrictEqual only when they differ: it is slow); whether any cue was found. */
const same = (subject: GlossaryEntry, text: string, from: number, to: number, start: number, end: number): boolean => {
  const actual = readCues(subject, text, from, to, start, end);
  const expected = referenceReadCues(subject, text, from, to, start, end);
  const equal =
    actual.window[0] === expected.window[0] &&
    actual.window[1] === expected.window[1] &&
    sameList(actual.found.marketing, expected.found.marketing) &&
    sameList(actual.found.technology, expected.found.technology);
  if (!equal) deepStrictEqual(actual, expected, `${JSON.stringify(text.slice(from, to))} [${from}, ${to}) with the term at [${start}, ${end})`);
  return actual.found.marketing.length + actual.found.technology.length > 0;
};

describe("cue words (differential, against the regular expressions they replace)", () => {
  it("read the same window and cues around generated uses of generated and bundled entries (25,000 texts)", function () {
    this.timeout(120_000);
    let withCues = 0;
    let uses = 0;
    fc.assert(
      fc.property(scenario, ({ entry: subject, text, from, to, start, end }) => {
        if (same(subject, text, from, to, start, end)) withCues++;
        uses++;
        // Every use the term matcher finds in the text, with the whole text as the value.
        for (const match of glossaryOf(subject).findTerms(text)) {
          same(subject, text, 0, text.length, match.start, match.end);
          uses++;
        }
      }),
      { seed: 20270106, numRuns: 25_000 },
    );
    // A generator that seldom put a cue near the term would prove little.
    ok(withCues > 10_000, `only ${withCues} of ${uses} uses had a cue in their window`);
  });

  it("read the same around every use of a bundled term in the example specs and in 1,000 heavy bench specs", async function () {
    this.timeout(120_000);
    const examples = readdirSync(join(REPO, "examples"))
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => readFileSync(join(REPO, "examples", name), "utf8"));
    const generate = (await import(pathToFileURL(join(REPO, "bench/generate.mjs")).href)) as {
      DEFAULT_SEED: number;
      buildCorpus(seed: number, options: { kind: string }): { files: { path: string; text: string }[] };
    };
    const heavy = generate
      .buildCorpus(generate.DEFAULT_SEED, { kind: "heavy" })
      .files.filter((file) => file.path.startsWith("specs/"))
      .map((file) => file.text);
    let readings = 0;
    let withCues = 0;
    for (const [index, text] of [...examples, ...heavy].entries()) {
      const document = parseYaml(text).document;
      if (!document) continue;
      for (const use of findTermOccurrences(document, text, bundled)) {
        // The term's own entry, as the rule reads it; in the examples and the first heavy
        // specs, every entry with cues too, as their texts hold few of the term's own cues.
        for (const subject of index < examples.length + 200 ? [use.entry, ...bundledWithCues] : [use.entry]) {
          if (same(subject, text, use.value[0], use.value[1], use.start, use.end)) withCues++;
          readings++;
        }
      }
    }
    ok(readings > 250_000 && withCues > 6_000, `${readings} readings, ${withCues} with cues`);
  });
});
