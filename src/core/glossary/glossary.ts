// The glossary: bundled entries, workspace overrides, and fast whole-word matching of its
// terms in free text. Data comes in as plain objects; nothing here reads files.

import bundledTerms from "../generated/bundled-glossary.json";
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
  /** The same lists in a trie of the first words' code units, walked along ASCII words without slicing them. */
  private readonly firstWordTrie: TrieNode = { next: [] };

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
    // An ASCII word can only start a spelling whose first word is ASCII.
    for (const [first, list] of this.candidates) {
      if (!/^[\x00-\x7f]*$/.test(first)) continue;
      let node = this.firstWordTrie;
      for (let k = 0; k < first.length; k++) node = node.next[first.charCodeAt(k)] ??= { next: [] };
      node.spellings = list;
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
   * Every whole-word occurrence of a glossary term in `text`, in order: a spelling that starts
   * after a non-word character, matched ignoring case with any run of white space for a
   * space, an optional plural "es" or "s", and no word character after it. The entry's own
   * case rule is applied by `lookup`.
   */
  findTerms(text: string, offset = 0): TermMatch[] {
    const matches: TermMatch[] = [];
    const length = text.length;
    const root = this.firstWordTrie;
    let at = 0;
    while (at < length) {
      // The next run of word characters (what WORDS_IN matches), read by character code.
      let unit = text.charCodeAt(at);
      if (unit < 128 ? ASCII_WORD[unit] === 0 : wordCharWidth(text, at) === 0) {
        at++;
        continue;
      }
      const start = at;
      // Along an ASCII word, the trie nodes of its lowercased prefixes: the whole word's, and
      // those one and two characters shorter (the word without "s" or "es").
      let ascii = true;
      let node: TrieNode | undefined = root;
      let shorter1: TrieNode | undefined;
      let shorter2: TrieNode | undefined;
      for (;;) {
        if (unit < 128) {
          if (ASCII_WORD[unit] === 0) break;
          shorter2 = shorter1;
          shorter1 = node;
          node = node?.next[unit | (unit >= 65 && unit <= 90 ? 32 : 0)];
          at++;
        } else {
          const width = wordCharWidth(text, at);
          if (width === 0) break;
          ascii = false;
          at += width;
        }
        unit = text.charCodeAt(at);
      }
      // The word as written, or without a plural ending, may start a spelling.
      let candidates: readonly string[] | undefined;
      if (ascii) {
        candidates = node?.spellings;
        if (!candidates && (text.charCodeAt(at - 1) | 32) === 115 /* s */) {
          candidates = ((text.charCodeAt(at - 2) | 32) === 101 /* e */ ? shorter2 : shorter1)?.spellings ?? shorter1?.spellings;
        }
      } else {
        const lower = text.slice(start, at).toLowerCase();
        candidates = this.candidates.get(lower);
        if (!candidates && lower.endsWith("s")) {
          candidates = this.candidates.get(lower.slice(0, lower.endsWith("es") ? -2 : -1)) ?? this.candidates.get(lower.slice(0, -1));
        }
      }
      const end = candidates ? matchAt(text, start, candidates) : -1;
      if (end < 0) continue;
      const entry = this.lookup(text.slice(start, end));
      if (entry) matches.push({ entry, start: offset + start, end: offset + end });
      at = end;
    }
    return matches;
  }
}

/** A node of the trie of the spellings' first words that are ASCII, by lowercased character code. */
interface TrieNode {
  next: (TrieNode | undefined)[];
  /** The spellings whose first word ends here, longest first. */
  spellings?: string[];
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
  if ((word.charCodeAt(word.length - 1) | 32) === 115 /* s */) {
    if ((word.charCodeAt(word.length - 2) | 32) === 101 /* e */) forms.push(word.slice(0, -2));
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

// The end of the first candidate that matches at `start` (with an optional plural and a
// word boundary after it), or -1.
function matchAt(text: string, start: number, candidates: readonly string[]): number {
  for (const spelling of candidates) {
    let j = start;
    let matched = true;
    for (let k = 0; k < spelling.length && matched; k++) {
      const want = spelling[k]!;
      if (want === " ") {
        if (!/\s/.test(text[j] ?? "")) matched = false;
        while (/\s/.test(text[j] ?? "")) j++;
      } else if (sameLetter(text[j], want)) {
        j++;
      } else {
        matched = false;
      }
    }
    if (!matched) continue;
    for (const plural of ["es", "s", ""]) {
      const end = j + plural.length;
      if (plural && text.slice(j, end).toLowerCase() !== plural) continue;
      if (!isWordCharAt(text, end)) return end;
    }
  }
  return -1;
}

function sameLetter(a: string | undefined, b: string): boolean {
  return a !== undefined && (a === b || a.toLowerCase() === b.toLowerCase());
}

const WORD = /[\p{L}\p{N}_]/u;
/** 1 for the ASCII characters WORD matches, by code. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => (WORD.test(String.fromCharCode(code)) ? 1 : 0));
/** Characters past ASCII already classified by WORD, by code point. */
const wordCodePoints = new Map<number, boolean>();

// How many code units the word character at `index` takes (2 for one beyond the BMP), or 0
// when there is none: WORD, read as a regular expression with the u flag reads the text.
function wordCharWidth(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 128) return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || (unit >= 48 && unit <= 57) || unit === 95 ? 1 : 0;
  if (Number.isNaN(unit)) return 0; // past the end
  const code = text.codePointAt(index)!;
  let isWord = wordCodePoints.get(code);
  if (isWord === undefined) {
    isWord = WORD.test(String.fromCodePoint(code));
    wordCodePoints.set(code, isWord);
  }
  return isWord ? (code > 0xffff ? 2 : 1) : 0;
}
// Runs of word characters: where spellings may start, and the first word of each spelling.
const WORDS_IN = /[\p{L}\p{N}_]+/u;

// Word characters as the old matcher's \p{L}\p{N}_ saw them, with an ASCII fast path.
function isWordCharAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  if (code === undefined) return false;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD.test(String.fromCodePoint(code));
}
