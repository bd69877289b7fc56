import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { parseAllDocuments } from "yaml";
import { Glossary, type GlossaryEntry } from "../../src/core/glossary/glossary.js";
import { parseYaml } from "../../src/core/parse.js";
import { closestMatch, knownKeys, specSchema } from "../../src/core/schema/spec-schema.js";

// Error paths that grew with the square of their input, now linear or bounded, checked to
// give exactly what they gave before: duplicate keys, "did you mean", glossary look-ups.

describe("bounded error paths", () => {
  describe("duplicate keys, found in linear time", () => {
    // The same positions as the yaml library's own check (uniqueKeys: true), which compares each key with every earlier one.
    const CASES = [
      "a: 1\nb: 2\na: 3\n",
      "a: 1\n'a': 2\n\"a\": 3\n",
      "1: x\n'1': y\n1: z\n",
      "{ a: 1, b: 2, a: 3 }\n",
      "outer:\n  a: 1\n  a: 2\nlist:\n  - k: 1\n    k: 2\n  - k: 1\n",
      "? a\n: 1\n? a\n: 2\n",
      "&x a: 1\n!!str a: 2\n",
      ".nan: 1\n.nan: 2\nnull: 1\n~: 2\n",
      ": 1\n: 2\n",
      "a: 1\n---\na: 1\na: 2\n",
    ];
    for (const text of CASES) {
      it(JSON.stringify(text), () => {
        const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
        const first = Array.isArray(documents) ? documents[0] : undefined;
        const expected = (first?.errors ?? []).filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.pos[0]);
        ok(text.includes("---") || expected.length > 0 || text.startsWith(".nan"), "the case has a duplicate");
        const problems = parseYaml(text).problems.filter((p) => /appears twice/.test(p.message));
        deepStrictEqual(
          problems.map((p) => p.offsets[0]),
          expected,
        );
      });
    }
  });

  describe('"did you mean"', () => {
    // closestMatch without its bounds, comparing every candidate in full: the reference for the bounded one.
    const reference = (word: string, candidates: readonly string[]): string | undefined => {
      let best: string | undefined;
      let bestDistance = Infinity;
      for (const candidate of candidates) {
        const distance = typoDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
      }
      return bestDistance <= Math.max(1, Math.floor((best?.length ?? 0) / 3)) ? best : undefined;
    };

    it("suggests what it suggested before, for every list of keys and values in the schema", () => {
      const lists = [
        knownKeys([]),
        knownKeys(["owners", "marketing", 0]),
        knownKeys(["kpis", 0]),
        knownKeys(["security_review"]),
        ["marketing", "technology"],
        ["draft", "in-review", "approved", "live", "retired"],
      ];
      ok(lists.every((list) => list.length > 1) && specSchema.properties !== undefined);
      // Typos of every candidate (a letter dropped, doubled, swapped, changed), and words that are no typo at all.
      const words = new Set<string>(["", "x", "statusstatus", "q".repeat(40), "owners-both", "kpi", "KPIS", "Security Review"]);
      for (const list of lists) {
        for (const candidate of list) {
          for (let i = 0; i < candidate.length; i++) {
            words.add(candidate.slice(0, i) + candidate.slice(i + 1));
            words.add(candidate.slice(0, i) + candidate[i] + candidate.slice(i));
            words.add(`${candidate.slice(0, i)}z${candidate.slice(i + 1)}`);
            if (i > 0) words.add(candidate.slice(0, i - 1) + candidate[i] + candidate[i - 1] + candidate.slice(i + 1));
          }
        }
      }
      let compared = 0;
      for (const list of lists) {
        for (const word of words) {
          strictEqual(closestMatch(word, list), reference(word, list), `${JSON.stringify(word)} among ${list.join(", ")}`);
          compared++;
        }
      }
      ok(compared > 1000, `${compared} comparisons`);
    });

    it("skips what no typo could be, and still finds typos", () => {
      const keys = ["security_review", "owners", "status", "kpis"];
      deepStrictEqual(
        ["securty_review", "owner", "Status", "kpi", "x".repeat(1_000_000), "statusstatus", ""].map((word) => closestMatch(word, keys) ?? null),
        ["security_review", "owners", "status", "kpis", null, null, null],
      );
      // Only the first 100 candidates are tried.
      const many = Array.from({ length: 1000 }, (_, i) => `candidate-${i}`);
      strictEqual(closestMatch("candidate-50", many), "candidate-50");
      strictEqual(closestMatch("candidate-500", many), "candidate-50");
    });
  });

  describe("glossary look-ups in any case", () => {
    it("finds what the scan over every entry found, for every spelling of the bundled glossary", () => {
      const bundled = Glossary.bundled();
      const scan = (written: string): GlossaryEntry | undefined => {
        const wanted = written.trim().replace(/\s+/g, " ").toLowerCase();
        return bundled.entries.find((entry) =>
          [entry.term, ...(entry.aliases ?? [])].some((spelling) => spelling.trim().replace(/\s+/g, " ").toLowerCase() === wanted),
        );
      };
      const spellings = bundled.entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]);
      for (const written of [...spellings, ...spellings.map((s) => s.toUpperCase()), ...spellings.map((s) => ` ${s.toLowerCase()}  `), "nothing like it", ""]) {
        strictEqual(bundled.lookupAnyCase(written), scan(written), written);
      }
    });

    it("looks terms up in a large glossary by map", () => {
      const many: GlossaryEntry[] = Array.from({ length: 5000 }, (_, i) => ({
        term: `Term ${i}`,
        aliases: [`T${i}`],
        kind: "jargon",
        marketing: { label: "l", meaning: "m" },
        example: "e",
        origin: "test",
      }));
      const glossary = new Glossary([...many, { ...many[7]!, term: "term 7" }]);
      strictEqual(glossary.lookupAnyCase("TERM  4999")?.term, "Term 4999");
      strictEqual(glossary.lookupAnyCase("t12")?.term, "Term 12");
      // A later entry with the same term replaces the earlier one.
      strictEqual(glossary.lookupAnyCase("Term 7")?.term, "term 7");
      strictEqual(glossary.lookupAnyCase("Term 5000"), undefined);
    });
  });
});

// Edit distance with two swapped neighbours counted as one slip (optimal string alignment),
// over the whole matrix: the plain definition the bounded closestMatch must agree with.
function typoDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
