// The glossary: bundled entries, workspace overrides, and fast whole-word matching of its
// terms in free text. Data comes in as plain objects; nothing here reads files.

import bundledTerms from "../generated/bundled-glossary.json";
import { isWhiteSpaceUnit } from "../text.js";
import type { BusinessFunction } from "../types.js";

export interface GlossaryMeaning {
  label: string;
  meaning: string;
  /** Words that, near the term, show a text has this meaning in mind (see cues.ts). */
  cues?: string[];
}

/** One glossary entry as written in a glossary file. */
export interface GlossaryTerm {
  term: string;
  aliases?: string[];
  kind: "ambiguous" | "jargon";
  report?: boolean;
  caseSensitive?: boolean;
  marketing?: GlossaryMeaning;
  technology?: GlossaryMeaning;
  example: string;
  source?: string;
}

/** An entry with where it came from: "bundled", or the workspace glossary file's path. */
export interface GlossaryEntry extends GlossaryTerm {
  origin: string;
}

export const BUNDLED_ORIGIN = "bundled";

/** A match of a glossary term in some text, at offsets into that text. */
export interface TermMatch {
  entry: GlossaryEntry;
  start: number;
  end: number;
}

/** An immutable set of entries with a compiled matcher; build it once and reuse it. */
export class Glossary {
  readonly entries: readonly GlossaryEntry[];
  private readonly exact = new Map<string, GlossaryEntry>();
  private readonly folded = new Map<string, GlossaryEntry>();
  /** Every spelling lowercased, to the first entry that has it: for lookupAnyCase. */
  private readonly anyCase = new Map<string, GlossaryEntry>();
  /** Spellings by their first word (lowercased), longest first, as the matcher tries them. */
  private readonly candidates = new Map<string, string[]>();
  /**
   * The same lists in a trie of the ASCII first words, walked along ASCII words without
   * slicing them: node `n`'s child for symbol `s` (see SYMBOL) is `trieNext[n * ALPHABET + s]`,
   * node 0 is a dead end whose children are all itself, and the root is node 1. A flat table
   * of small integers is read in a few nanoseconds a character; a tree of sparse arrays was not.
   */
  private readonly trieNext: Int32Array;
  /** By trie node: the spellings whose first word ends there, longest first. */
  private readonly trieSpellings: (readonly string[] | undefined)[] = [undefined, undefined];
  /** By symbol (see SYMBOL): 1 when a word that starts with that character, in either case, may start a spelling. */
  private readonly canStart = new Uint8Array(ALPHABET);
  /**
   * By spelling: what `lookup` gives for the spelling as it is written, then with "s", then
   * with "es". Text written in the spelling's own case (most text) needs no lookup of its own.
   */
  private readonly sameCaseEntries = new Map<string, (GlossaryEntry | undefined)[]>();

  constructor(entries: readonly GlossaryEntry[]) {
    // Later entries replace earlier ones with the same term, so workspace files override.
    const byTerm = new Map<string, GlossaryEntry>();
    for (const entry of entries) byTerm.set(entry.term.toLowerCase(), entry);
    this.entries = [...byTerm.values()];

    const spellings: string[] = [];
    for (const entry of this.entries) {
      for (const spelling of [entry.term, ...(entry.aliases ?? [])]) {
        const normal = normalizeSpaces(spelling);
        if (isCaseSensitive(entry, spelling)) this.exact.set(normal, entry);
        else this.folded.set(normal.toLowerCase(), entry);
        if (!this.anyCase.has(normal.toLowerCase())) this.anyCase.set(normal.toLowerCase(), entry);
        spellings.push(normal);
      }
    }
    // Longest first, so "real time" wins over "real". A scan over the text with these lists
    // does what one big alternation regex did, without compiling that regex (10 ms of a
    // one-spec run).
    for (const spelling of [...new Set(spellings)].sort((a, b) => b.length - a.length)) {
      const first = (WORDS_IN.exec(spelling)?.[0] ?? spelling).toLowerCase();
      const list = this.candidates.get(first) ?? [];
      list.push(spelling);
      this.candidates.set(first, list);
    }
    // An ASCII word can only start a spelling whose first word is ASCII; a first word with
    // ASCII characters other than word characters is never read from text, so it needs no node.
    // The table doubles as it fills: a workspace glossary of thousands of entries makes
    // hundreds of thousands of nodes.
    let next = new Int32Array(64 * ALPHABET);
    for (const [first, list] of this.candidates) {
      if (!/^[0-9a-z_]*$/.test(first)) continue;
      let node = ROOT;
      for (let k = 0; k < first.length; k++) {
        const at = node * ALPHABET + SYMBOL[first.charCodeAt(k)]!;
        if (next[at] === 0) {
          const child = this.trieSpellings.length;
          if ((child + 1) * ALPHABET > next.length) {
            const grown = new Int32Array(next.length * 2);
            grown.set(next);
            next = grown;
          }
          next[at] = child;
          this.trieSpellings.push(undefined);
        }
        node = next[at]!;
      }
      this.trieSpellings[node] = list;
    }
    this.trieNext = next.slice(0, this.trieSpellings.length * ALPHABET);
    // A word can only start a spelling whose first word starts with the word's first character
    // lowercased (toLowerCase maps an ASCII character to one ASCII character, whatever follows
    // it), or whose first word is empty (a spelling without word characters): the words "s"
    // and "es" reach that one by their plural ending.
    for (const first of this.candidates.keys()) {
      if (first === "") {
        this.canStart[SYMBOL[115 /* s */]!] = 1;
        this.canStart[SYMBOL[101 /* e */]!] = 1;
      } else if (first.charCodeAt(0) < 128 && SYMBOL[first.charCodeAt(0)]! >= 0) {
        this.canStart[SYMBOL[first.charCodeAt(0)]!] = 1;
      }
    }
    // Text that writes a spelling with each of its characters (white space aside) reads, once
    // normalised, as the spelling itself with the plural written: its entry is known now.
    for (const list of this.candidates.values()) {
      for (const spelling of list) {
        this.sameCaseEntries.set(spelling, [this.lookup(spelling), this.lookup(`${spelling}s`), this.lookup(`${spelling}es`)]);
      }
    }
  }

  /** The bundled glossary. */
  static bundled(): Glossary {
    return (bundledGlossary ??= new Glossary((bundledTerms as GlossaryTerm[]).map((term) => ({ ...term, origin: BUNDLED_ORIGIN }))));
  }

  /** This glossary with `entries` added, replacing entries with the same term. */
  extend(entries: readonly GlossaryEntry[]): Glossary {
    return entries.length === 0 ? this : new Glossary([...this.entries, ...entries]);
  }

  /** The entry a written term (or alias, or its plural) names, honouring each entry's case rule. */
  lookup(written: string): GlossaryEntry | undefined {
    const normal = normalizeSpaces(written);
    for (const candidate of withoutPlural(normal)) {
      const entry = this.exact.get(candidate) ?? this.folded.get(candidate.toLowerCase());
      if (entry) return entry;
    }
    return undefined;
  }

  /** Like lookup, but ignoring case even for acronyms: for keys a person typed on purpose. */
  lookupAnyCase(written: string): GlossaryEntry | undefined {
    // A map, not a scan: a spec can pin thousands of keys against a glossary of thousands of entries.
    return this.anyCase.get(normalizeSpaces(written).toLowerCase());
  }

  /**
   * Every whole-word occurrence of a glossary term in `text[from, to)`, in order: a spelling
   * that starts after a non-word character, matched ignoring case with any run of white space
   * for a space, an optional plural "es" or "s", and no word character after it; the part is
   * read as if it were the whole text, and the matches' offsets are into `text`. The entry's
   * own case rule is applied by `lookup`.
   *
   * A part is read in place, not sliced out: V8 reads the characters of a slice of a longer
   * string through the string it was cut from, and a scan of slices took a quarter longer
   * (53 against 42 ms over the free text of 1,000 heavy specs, warm).
   */
  findTerms(text: string, from = 0, to = text.length): TermMatch[] {
    const matches: TermMatch[] = [];
    const length = to;
    const next = this.trieNext;
    const spellingsAt = this.trieSpellings;
    const canStart = this.canStart;
    const match: SpellingMatch = { spelling: "", end: -1, sameCase: false, plural: 0 };
    let at = from;
    while (at < length) {
      // The next run of word characters (what WORDS_IN matches), read by character code.
      let unit = text.charCodeAt(at);
      const first = symbolAt(text, at, unit, length);
      if (first < 0) {
        at++;
        continue;
      }
      if (first < ALPHABET && canStart[first] === 0) {
        // Most words start no spelling: step over them, and the character that ends them (no
        // word character), without walking the trie.
        at = wordEnd(text, at + 1, length) + 1;
        continue;
      }
      const start = at;
      // Along an ASCII word, the trie nodes of its lowercased prefixes: the whole word's, and
      // those one and two characters shorter (the word without "s" or "es"); 0 past the trie.
      let ascii = true;
      let node = ROOT;
      let shorter1 = DEAD;
      let shorter2 = DEAD;
      for (;;) {
        const symbol = symbolAt(text, at, unit, length);
        if (symbol < 0) break;
        if (symbol < ALPHABET) {
          shorter2 = shorter1;
          shorter1 = node;
          node = next[node * ALPHABET + symbol]!;
          at++;
        } else {
          ascii = false;
          at += symbol === WIDE_PAIR ? 2 : 1;
        }
        if (at === length) break;
        unit = text.charCodeAt(at);
      }
      // The word as written, or without a plural ending, may start a spelling.
      let candidates: readonly string[] | undefined;
      if (ascii) {
        candidates = spellingsAt[node];
        if (!candidates && (text.charCodeAt(at - 1) | 32) === 115 /* s */) {
          const es = at - start >= 2 && (text.charCodeAt(at - 2) | 32) === 101 /* e */;
          candidates = (es ? spellingsAt[shorter2] : spellingsAt[shorter1]) ?? spellingsAt[shorter1];
        }
      } else {
        const lower = text.slice(start, at).toLowerCase();
        candidates = this.candidates.get(lower);
        if (!candidates && lower.endsWith("s")) {
          candidates = this.candidates.get(lower.slice(0, lower.endsWith("es") ? -2 : -1)) ?? this.candidates.get(lower.slice(0, -1));
        }
      }
      if (!candidates || !matchAt(text, start, length, candidates, match)) {
        at++; // past the character that ends the word, no word character
        continue;
      }
      const end = match.end;
      // The entry's case rule is lookup's: what it gives for the spelling's own case is known.
      const entry = match.sameCase ? this.sameCaseEntries.get(match.spelling)![match.plural] : this.lookup(text.slice(start, end));
      if (entry) matches.push({ entry, start, end });
      at = end;
    }
    return matches;
  }
}

let bundledGlossary: Glossary | undefined;

/** Which function's meaning a pinned value names, if it names one. */
export function pinnedFunction(entry: GlossaryEntry, pinned: string): BusinessFunction | undefined {
  const value = normalizeSpaces(pinned).toLowerCase();
  for (const side of ["marketing", "technology"] as const) {
    if (value === side || value === entry[side]?.label.toLowerCase()) return side;
  }
  return undefined;
}

// An acronym such as "DR" must not match "Dr" or "dr"; ordinary words match in any case.
function isCaseSensitive(entry: GlossaryTerm, spelling: string): boolean {
  if (entry.caseSensitive !== undefined) return entry.caseSensitive;
  return /\p{Lu}/u.test(spelling) && !/\p{Ll}/u.test(spelling);
}

function withoutPlural(word: string): string[] {
  const forms = [word];
  // What /es$/i and /s$/i match: the i flag without u folds "S" and "E" to ASCII only.
  if (word.length >= 1 && (word.charCodeAt(word.length - 1) | 32) === 115 /* s */) {
    if (word.length >= 2 && (word.charCodeAt(word.length - 2) | 32) === 101 /* e */) forms.push(word.slice(0, -2));
    forms.push(word.slice(0, -1));
  }
  return forms;
}

function normalizeSpaces(text: string): string {
  // Most matched terms are one word: nothing to trim or join.
  return HAS_SPACE.test(text) ? text.trim().replace(/\s+/g, " ") : text;
}

// \s and trim() know the same white space.
const HAS_SPACE = /\s/;

/** Which spelling matched where it ends, and whether the text wrote it in the spelling's own case. */
interface SpellingMatch {
  spelling: string;
  end: number;
  /** Every character as the spelling has it (white space aside), and the plural, if any, lowercase. */
  sameCase: boolean;
  /** The plural: 0 none, 1 "s", 2 "es". */
  plural: 0 | 1 | 2;
}

// Whether a candidate matches at `start`, with an optional plural and a word boundary after
// it, in text that ends at `length`; the first that does is written into `match`. Read by
// character code, with ASCII compared by a table and anything else by toLowerCase, as a
// comparison of one-character strings would.
function matchAt(text: string, start: number, length: number, candidates: readonly string[], match: SpellingMatch): boolean {
  for (const spelling of candidates) {
    let j = start;
    let k = 0;
    let sameCase = true;
    for (; k < spelling.length; k++) {
      const want = spelling.charCodeAt(k);
      const got = codeAt(text, j, length); // -1 past the end, which matches nothing
      if (want === 32 /* a space: any run of white space */) {
        if (!isWhiteSpaceUnit(got)) break;
        do j++;
        while (isWhiteSpaceUnit(codeAt(text, j, length)));
      } else if (got === want) {
        j++;
      } else if (got >= 0 && (got < 128 && want < 128 ? LOWER[got] === LOWER[want] : sameLetter(text[j]!, spelling[k]!))) {
        sameCase = false;
        j++;
      } else {
        break;
      }
    }
    if (k < spelling.length) continue;
    match.spelling = spelling;
    // A plural "es", then "s", then none. Only ASCII letters lowercase to "e" or "s" (the
    // Kelvin sign is the one character past ASCII that lowercases to an ASCII one, "k").
    const e = codeAt(text, j, length);
    const s = codeAt(text, j + 1, length);
    if ((e | 32) === 101 /* e */ && (s | 32) === 115 /* s */ && !isWordCharAt(text, j + 2, length)) {
      match.end = j + 2;
      match.sameCase = sameCase && e === 101 && s === 115;
      match.plural = 2;
      return true;
    }
    if ((e | 32) === 115 /* s */ && !isWordCharAt(text, j + 1, length)) {
      match.end = j + 1;
      match.sameCase = sameCase && e === 115;
      match.plural = 1;
      return true;
    }
    if (!isWordCharAt(text, j, length)) {
      match.end = j;
      match.sameCase = sameCase;
      match.plural = 0;
      return true;
    }
  }
  return false;
}

// Whether a text character and a spelling's character, one of them past ASCII, are the same
// letter in any case (the Kelvin sign is a "k").
function sameLetter(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** ASCII codes lowercased (A-Z to a-z), by code. */
const LOWER = Uint8Array.from({ length: 128 }, (_, code) => (code >= 65 && code <= 90 ? code + 32 : code));

// text.charCodeAt(index), or -1 at or past `length`, where the text read ends. Reading past
// the string's end would give NaN, and after that V8 no longer inlines the charCodeAt call:
// tens of nanoseconds a character instead of one.
function codeAt(text: string, index: number, length: number): number {
  return index < length ? text.charCodeAt(index) : -1;
}

const WORD = /[\p{L}\p{N}_]/u;
/** The symbols of the trie's alphabet: the ASCII characters WORD matches, A-Z as a-z; -1 for the rest. */
const SYMBOL = Int8Array.from({ length: 128 }, (_, code) => {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 122) return code - 97 + 10; // a-z
  if (code >= 65 && code <= 90) return code - 65 + 10; // A-Z
  return code === 95 ? 36 : -1; // _
});
const ALPHABET = 37;
/** What symbolAt gives for a word character past ASCII, one code unit long or two. */
const WIDE = 37;
const WIDE_PAIR = 38;
/** The trie's dead end, where every path out of the trie leads, and its root, where every word starts. */
const DEAD = 0;
const ROOT = 1;
/** Characters past ASCII already classified by WORD, by code point. */
const wordCodePoints = new Map<number, boolean>();

// How many code units the word character at `index` (inside the text, which ends at
// `length`) takes (2 for one beyond the BMP), or 0 when there is none: WORD, read as a
// regular expression with the u flag reads the text.
function wordCharWidth(text: string, index: number, length: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 128) return SYMBOL[unit]! >= 0 ? 1 : 0;
  const code = codePointWithin(text, index, length);
  let isWord = wordCodePoints.get(code);
  if (isWord === undefined) {
    isWord = WORD.test(String.fromCodePoint(code));
    wordCodePoints.set(code, isWord);
  }
  return isWord ? (code > 0xffff ? 2 : 1) : 0;
}

// Where the run of word characters going on at `index` ends, in text that ends at `length`.
function wordEnd(text: string, index: number, length: number): number {
  while (index < length) {
    const symbol = symbolAt(text, index, text.charCodeAt(index), length);
    if (symbol < 0) return index;
    index += symbol === WIDE_PAIR ? 2 : 1;
  }
  return index;
}

// The symbol of the character at `index` (inside the text), whose first code unit is `unit`:
// SYMBOL's for ASCII, WIDE (WIDE_PAIR beyond the BMP) for a word character past ASCII, -1 for
// no word character. Every loop over words reads characters through this one function, so
// the first character past ASCII anywhere in a text teaches V8 the way for all of them (read
// first in one loop of its own, it made V8 throw away findTerms' optimised code for each loop).
function symbolAt(text: string, index: number, unit: number, length: number): number {
  if (unit < 128) return SYMBOL[unit]!;
  const width = wordCharWidth(text, index, length);
  return width === 0 ? -1 : width === 1 ? WIDE : WIDE_PAIR;
}

// The code point at `index` (inside the text), read as if the text ended at `length`: a high
// surrogate just before that end is a character of its own, as in a string cut there.
function codePointWithin(text: string, index: number, length: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff && index + 1 >= length ? unit : text.codePointAt(index)!;
}

// Runs of word characters: where spellings may start, and the first word of each spelling.
const WORDS_IN = /[\p{L}\p{N}_]+/u;

// Whether a word character (\p{L}\p{N}_, as the old matcher saw them) is at `index`; none at or
// past `length`, where the text read ends.
function isWordCharAt(text: string, index: number, length: number): boolean {
  return index < length && wordCharWidth(text, index, length) > 0;
}
