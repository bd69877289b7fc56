import { strictEqual } from "node:assert";
import fc from "fast-check";
import bundledWords from "../../src/core/generated/bundled-words.json";
import { isPlaceholder } from "../../src/core/spec-data.js";

// isPlaceholder decides long text by its first word when it can (src/core/spec-data.ts,
// quickOpener), instead of reading all of it; it must answer exactly as reading all of it
// does, which is what this reference, the function as first written, does.
const PLACEHOLDERS = new Set(bundledWords.placeholders);
const PLACEHOLDER_OPENERS = new Set(bundledWords["placeholder-openers"]);

function referenceIsPlaceholder(text: string): boolean {
  const value = text
    .replace(/\([^()]*\)/g, " ")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase()
    .replace(/[.!?]+$/, "");
  if (PLACEHOLDERS.has(value)) return true;
  const opener = /^[^\s:;,()-]+/.exec(value)?.[0] ?? "";
  return PLACEHOLDER_OPENERS.has(opener) || PLACEHOLDER_OPENERS.has(opener.replace(/[.!?]+$/, ""));
}

// Placeholders and their openers in any case, the punctuation that cuts or ends a first word,
// white space of every kind, and letters whose lower case depends on what follows (Σ) or is
// longer than they are (İ).
const PARTS = [
  ...bundledWords.placeholders,
  ...bundledWords["placeholder-openers"],
  "TBD",
  "Tbc",
  "N/A",
  "TODO",
  "x",
  "X",
  "Share",
  "of",
  "orders",
  "with a bundle",
  "per week",
  "2027-01-15",
  "EUR 14",
  ">= 3.5%",
  " ",
  "  ",
  "\t",
  "\n",
  "\r\n",
  "\u00a0",
  "\u2028",
  "\ufeff",
  ".",
  "..",
  "!",
  "?",
  "?!",
  ":",
  ";",
  ",",
  "-",
  "--",
  "(",
  ")",
  "(waiting on IT)",
  "ΑΣ",
  "Σ",
  "İ",
  "é",
  "ß",
  "😀",
];

const text = fc.array(fc.constantFrom(...PARTS), { maxLength: 10 }).map((parts) => parts.join(""));

describe("isPlaceholder", () => {
  it("answers as reading the whole text does (30,000 generated texts)", function () {
    this.timeout(60_000);
    let placeholders = 0;
    fc.assert(
      fc.property(text, (written) => {
        const expected = referenceIsPlaceholder(written);
        if (expected) placeholders++;
        strictEqual(isPlaceholder(written), expected);
      }),
      { seed: 20270106, numRuns: 30_000 },
    );
    // Both answers must come up often, or the comparison proves little.
    strictEqual(placeholders > 3_000 && placeholders < 27_000, true, `${placeholders} of 30,000 were placeholders`);
  });

  for (const [written, expected] of [
    ["TBD", true],
    ["TBD: Q3", true],
    ["tbd - ask finance", true],
    ["To be agreed.", true],
    ["TBD (waiting on IT)", true],
    ["Share of orders with a bundle, per week", false],
    ["x-ray visits per week", false],
    ["?", true],
    ["Todo: define it", true],
  ] as const) {
    it(`${JSON.stringify(written)} is ${expected ? "" : "not "}a placeholder`, () => strictEqual(isPlaceholder(written), expected));
  }
});
