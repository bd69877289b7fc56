// Cue words: the words around a term that show which of its meanings a text has in mind.
// A spec that pins "DR: direct response" while its summary speaks of a "DR failover drill"
// pinned the meaning the text does not have. Each meaning in the glossary may list a few cues
// (glossary/jointspec.glossary.yaml, `cues:`); this module weighs them in the few words around
// each use of the term. It is kept conservative: a finding needs a cue of the other meaning
// and more of them than of the pinned one, in the same clause and a few words from the term.
//
// Everything here reads the text by character codes. It was first written with regular
// expressions (a clause-break pattern, a pattern for the words on either side, one pattern of
// alternatives per meaning and case rule); those cost more than the rest of the rule, because
// a pattern with look-behind and \p{…} classes that is copied for each use runs in V8's slow
// interpreter. The scan below gives exactly what those patterns gave, on any text: the
// property test (test/unit/cues.property.test.ts) compares it with them. Past ASCII, whether a
// character is white space or a letter, and whether two fold to the same letter, is asked of
// a one-character pattern once and remembered, so that Unicode's rules are V8's own.

import { FUNCTIONS, type BusinessFunction } from "../types.js";
import { isWhiteSpaceUnit } from "../text.js";
import type { GlossaryEntry } from "./glossary.js";

/** What the words around one use of a term say about its meaning. */
export interface CueReading {
  /** The cues of each function's meaning found in the window, as written there. */
  found: Record<BusinessFunction, string[]>;
  /** The window: offsets into the text of the words around the term (see windowAround). */
  window: [number, number];
}

// The window around a use of the term: its clause (text breaks at . , ; : ! ? followed by white
// space or the end, at any bracket, at a dash with white space on both sides, and at a blank
// line), and within it at most WINDOW_WORDS words on either side. A long sentence often joins
// both functions' work ("announced by newsletters, ahead of the deployment freeze"); the words
// next to the term are the ones that say which.
const WINDOW_WORDS = 4;

/** The offsets of the window of `text[from, to)` around the use `[start, end)`. */
function windowAround(text: string, from: number, to: number, start: number, end: number): [number, number] {
  // The words on either side as if the clause were the whole value, cut short by a clause
  // break among them: only breaks that near the term matter, so only those are looked for.
  let windowStart = wordsBefore(text, from, start);
  let clauseStart = -1;
  for (let at = nextBreak(text, syncedBefore(text, from, windowStart), start); at >= 0; ) {
    const after = at + clauseBreakAt(text, at);
    // A break that reaches into the use does not end its clause.
    if (after <= start) clauseStart = after;
    at = nextBreak(text, after, start);
  }
  if (clauseStart > windowStart) windowStart = wordsBefore(text, clauseStart, start);
  let windowEnd = wordsAfter(text, end, to);
  for (let at = nextBreak(text, syncedBefore(text, from, end), windowEnd); at >= 0; at = nextBreak(text, at + clauseBreakAt(text, at), windowEnd)) {
    if (at >= end) {
      windowEnd = wordsAfter(text, end, at);
      break;
    }
  }
  return [windowStart, windowEnd];
}

// Clause breaks are the ones a global pattern finds reading the value from its start, one after
// the other: where two could overlap (" - -", " -\n\n"), the first one read takes the
// characters. Reading the value from its start for each use of a term cost more than all the
// rest, so breaks are read from a place near the term where that reading is sure to pass:
// after a character that is neither white space nor a dash, which no break of more than one
// character holds before its end.

// The nearest place at or before `at` (and not before `from`, where the reading starts) that
// no clause break spans: breaks longer than one character are white space, a dash and white
// space, or line breaks around spaces and tabs, so none spans a place after another character.
function syncedBefore(text: string, from: number, at: number): number {
  let synced = at;
  while (synced > from) {
    const unit = text.charCodeAt(synced - 1);
    if (!isWhiteSpaceUnit(unit) && unit !== 45 /* - */ && unit !== 0x2013 && unit !== 0x2014) break;
    synced--;
  }
  return synced;
}

// Where the first clause break at or after `at` and before `limit` starts, or -1.
function nextBreak(text: string, at: number, limit: number): number {
  for (let next = at; next < limit; next++) {
    const unit = text.charCodeAt(next);
    if ((unit < 128 ? BREAK_START[unit] === 1 : isWhiteSpaceUnit(unit)) && clauseBreakAt(text, next) > 0) return next;
  }
  return -1;
}

// How many characters the clause break at `at` takes, or 0: a stop or bracket followed by
// white space or the end, any bracket, a dash with white space on both sides, or a line break
// to the next line break over nothing but spaces and tabs.
function clauseBreakAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  if (unit < 128 && STOP[unit] === 1) {
    if (at + 1 === text.length || isWhiteSpaceUnit(text.charCodeAt(at + 1)) || unit === 40 || unit === 41 || unit === 91 || unit === 93) return 1;
    return 0;
  }
  if (isWhiteSpaceUnit(unit)) {
    const dash = at + 2 < text.length ? text.charCodeAt(at + 1) : -1;
    if ((dash === 45 /* - */ || dash === 0x2013 || dash === 0x2014) && isWhiteSpaceUnit(text.charCodeAt(at + 2))) return 3;
    if (unit === 10 /* \n */) {
      let next = at + 1;
      while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
      if (next < text.length && text.charCodeAt(next) === 10) return next + 1 - at;
    }
  }
  return 0;
}

/** 1 for . , ; : ! ? ( ) [ ], by code. */
const STOP = Uint8Array.from({ length: 128 }, (_, code) => (".,;:!?()[]".includes(String.fromCharCode(code)) ? 1 : 0));
/** 1 for the ASCII characters a clause break may start with: those and white space. */
const BREAK_START = STOP.map((stop, code) => (stop === 1 || /\s/.test(String.fromCharCode(code)) ? 1 : 0));

// Where the window starts: at the WINDOW_WORDS-th white-space-separated word of
// `text[clauseStart, start)` counted back from the term, or at the first word when there are
// fewer. Words count only when white space separates them from the term: a word glued to the
// term (a "(" or "/" before it) leaves the window starting at the term.
function wordsBefore(text: string, clauseStart: number, start: number): number {
  if (clauseStart >= start || !isWhiteSpaceUnit(text.charCodeAt(start - 1))) return start;
  let at = start;
  let windowStart = start;
  for (let words = 0; words < WINDOW_WORDS; words++) {
    while (at > clauseStart && isWhiteSpaceUnit(text.charCodeAt(at - 1))) at--;
    if (at === clauseStart) break;
    while (at > clauseStart && !isWhiteSpaceUnit(text.charCodeAt(at - 1))) at--;
    windowStart = at;
  }
  return windowStart;
}

// Where the window ends: after the rest of the term's own word (what is glued to its end) and
// at most WINDOW_WORDS more words of `text[end, clauseEnd)`.
function wordsAfter(text: string, end: number, clauseEnd: number): number {
  if (clauseEnd <= end) return end;
  let at = end;
  while (at < clauseEnd && !isWhiteSpaceUnit(text.charCodeAt(at))) at++;
  for (let words = 0; words < WINDOW_WORDS; words++) {
    let next = at;
    while (next < clauseEnd && isWhiteSpaceUnit(text.charCodeAt(next))) next++;
    if (next === at || next === clauseEnd) break;
    while (next < clauseEnd && !isWhiteSpaceUnit(text.charCodeAt(next))) next++;
    at = next;
  }
  return at;
}

// The cues of one meaning, in two sets as the patterns had them: cues in capitals (RTO) match
// only in capitals, the others in any case, as a case-insensitive Unicode pattern compares
// (simple case folding: "ſ" is an "s", the Kelvin sign a "k"). Either matches a whole word or
// phrase (any run of white space between its words) with an optional plural "es" or "s", and
// no letter, digit, "_" or "-" on either side.
interface CueSet {
  caseless: boolean;
  /** Every cue, in the order listed: at one place in the text, the first listed that fits wins. */
  cues: Cue[];
  /**
   * The cues by their key, the cue characters their first word starts with (lowercased when
   * caseless), in a trie of the keys' code units. A word in the text, as written or without
   * a plural ending, is the key of any cue that can match at its start: walking the word down
   * the trie finds them without slicing or hashing it.
   */
  trie: TrieNode;
  /** Cues whose key is not ASCII: tried at every place a cue may start. */
  unkeyed: Cue[];
  /** 1 for the first code unit of each ASCII key, as the trie holds it. */
  firstUnits: Uint8Array;
  /**
   * The keys as the trie holds them, when every cue has an ASCII key of one character or
   * more: a window that holds none of them (lowercased, when caseless) holds no cue of the
   * set, which the engine's own substring search tells faster than any scan (see readCues).
   */
  keys: string[] | undefined;
}

interface Cue {
  /** Its place in the list. */
  order: number;
  /** Its words, split at white space. */
  words: string[];
}

/** A node of a set's trie of ASCII keys, by (lowercased when caseless) code unit. */
interface TrieNode {
  next: (TrieNode | undefined)[];
  /** The cues whose key ends here, in the order listed. */
  cues?: Cue[];
}

const cache = new WeakMap<GlossaryEntry, Record<BusinessFunction, CueSet[]>>();

function cueSetsOf(entry: GlossaryEntry): Record<BusinessFunction, CueSet[]> {
  const known = cache.get(entry);
  if (known) return known;
  const isAcronym = (cue: string): boolean => cue === cue.toUpperCase() && /[A-Z]/.test(cue);
  const build = (cues: readonly string[] = []): CueSet[] =>
    [
      compileCues(
        cues.filter((cue) => !isAcronym(cue)),
        true,
      ),
      compileCues(cues.filter(isAcronym), false),
    ].filter((set) => set.cues.length > 0);
  const sets = { marketing: build(entry.marketing?.cues), technology: build(entry.technology?.cues) };
  cache.set(entry, sets);
  return sets;
}

function compileCues(written: readonly string[], caseless: boolean): CueSet {
  const set: CueSet = { caseless, cues: [], trie: { next: [] }, unkeyed: [], firstUnits: new Uint8Array(128), keys: undefined };
  const keys: string[] = [];
  for (const [order, cue] of written.entries()) {
    // As the patterns read a cue: trimmed, its words joined by any run of white space.
    const words = cue.trim().split(/\s+/);
    const compiled = { order, words };
    set.cues.push(compiled);
    const first = words[0]!;
    const key = first.slice(0, cueCharsFrom(first, 0, caseless));
    if (!isAscii(key)) {
      set.unkeyed.push(compiled);
      continue;
    }
    const held = caseless ? key.toLowerCase() : key;
    if (!keys.includes(held)) keys.push(held);
    if (key) set.firstUnits[asciiKeyUnit(key.charCodeAt(0), caseless)] = 1;
    let node = set.trie;
    for (let k = 0; k < key.length; k++) node = node.next[asciiKeyUnit(key.charCodeAt(k), caseless)] ??= { next: [] };
    (node.cues ??= []).push(compiled);
  }
  // A cue of white space only, or one that starts with punctuation, has the empty key.
  if (!set.trie.cues && set.unkeyed.length === 0) set.keys = keys;
  return set;
}

// The cues of one set in `text` (the window), left to right, as a global pattern finds them:
// a match never overlaps the one before, and the part that overlaps `skip` (the term itself,
// no cue for its own meaning) is left out without changing where the next is looked for.
// Like V8 (the standard says code points), one search steps a code unit at a time, also
// between the halves of a surrogate pair, where only an empty cue (one of white space only)
// can match; after an empty match it steps one code point, as String.prototype.matchAll does.
function cuesIn(set: CueSet, text: string, skip: [number, number], found: string[]): void {
  const { caseless } = set;
  const length = text.length;
  // Whether a cue may start at a character that is no cue character (one of white space only,
  // or one that starts with punctuation): seldom, so white space and punctuation are passed.
  const startsAnywhere = set.trie.cues !== undefined || set.unkeyed.length > 0;
  for (let at = 0; at <= length; ) {
    // (Reading past the end, even to get NaN, costs optimized code a deoptimization.)
    const unit = at < length ? text.charCodeAt(at) : -1;
    // White space, punctuation, or an ASCII word no key starts like: no cue starts here.
    const none = unit >= 0 && unit < 128 && !startsAnywhere && (ASCII_CUE_CHAR[unit] === 0 || set.firstUnits[asciiKeyUnit(unit, caseless)] === 0);
    const end = none || (at > 0 && isCueCharBefore(text, at, caseless)) ? -1 : cueAt(set, text, at);
    if (end < 0) {
      // Nor within the rest of an ASCII word: a cue character is before each place in it.
      at++;
      while (at < length && ASCII_CUE_CHAR[text.charCodeAt(at - 1)] === 1) at++;
      continue;
    }
    if (!(at < skip[1] && end > skip[0])) found.push(text.slice(at, end).replace(/\s+/g, " "));
    at = end > at ? end : at + codePointWidth(text, at);
  }
}

// The end of the first listed cue of `set` (with its plural) that matches at `at`, or -1.
function cueAt(set: CueSet, text: string, at: number): number {
  const { caseless } = set;
  // Down the trie along the run of cue characters at `at` (the word), keeping the nodes of
  // the word without its last one and two characters, for a plural "s" or "es".
  let node: TrieNode | undefined = set.trie;
  let shorter1: TrieNode | undefined;
  let shorter2: TrieNode | undefined;
  let end = at;
  while (end < text.length) {
    const unit = text.charCodeAt(end);
    if (unit < 128) {
      if (ASCII_CUE_CHAR[unit] === 0) break;
      shorter2 = shorter1;
      shorter1 = node;
      node = node?.next[asciiKeyUnit(unit, caseless)];
      end++;
    } else if (isCueCharAt(text, end, caseless)) {
      // A word past ASCII: a caseless cue may match it whatever its key (the Kelvin sign is a
      // "k"); a cue in capitals only if its key is past ASCII too.
      return firstEnd(caseless ? set.cues : set.unkeyed, text, at, caseless);
    } else break;
  }
  if (end === at && !node?.cues && set.unkeyed.length === 0) return -1;
  let best = firstFitting(node?.cues, text, at, caseless, undefined);
  best = firstFitting(set.unkeyed, text, at, caseless, best);
  const fold = caseless ? 32 : 0;
  if (end > at && (text.charCodeAt(end - 1) | fold) === 115 /* s */) {
    best = firstFitting(shorter1?.cues, text, at, caseless, best);
    if (end - 1 > at && (text.charCodeAt(end - 2) | fold) === 101 /* e */) best = firstFitting(shorter2?.cues, text, at, caseless, best);
  }
  return best ? cueEndAt(best, text, at, caseless) : -1;
}

// The end of the first of `cues` that matches at `at`, or -1.
function firstEnd(cues: readonly Cue[], text: string, at: number, caseless: boolean): number {
  for (const cue of cues) {
    const end = cueEndAt(cue, text, at, caseless);
    if (end >= 0) return end;
  }
  return -1;
}

// A key's ASCII code unit as the trie holds it: lowercased when caseless.
function asciiKeyUnit(unit: number, caseless: boolean): number {
  return caseless && unit >= 65 && unit <= 90 ? unit | 32 : unit;
}

// The first cue of `cues` listed before `best` that matches at `at`, else `best`.
function firstFitting(cues: readonly Cue[] | undefined, text: string, at: number, caseless: boolean, best: Cue | undefined): Cue | undefined {
  if (!cues) return best;
  for (const cue of cues) {
    if (best && cue.order >= best.order) break;
    if (cueEndAt(cue, text, at, caseless) >= 0) return cue;
  }
  return best;
}

// Where `cue` ends if it matches at `at` (its words, white space between them, a plural
// "es" or "s" if one fits, and no cue character after it), or -1.
function cueEndAt(cue: Cue, text: string, at: number, caseless: boolean): number {
  let end = at;
  for (const [index, word] of cue.words.entries()) {
    if (index > 0) {
      if (end >= text.length || !isWhiteSpaceUnit(text.charCodeAt(end))) return -1;
      do end++;
      while (end < text.length && isWhiteSpaceUnit(text.charCodeAt(end)));
    }
    end = literalEnd(word, text, end, caseless);
    if (end < 0) return -1;
  }
  for (const plural of PLURALS) {
    const withPlural = plural ? literalEnd(plural, text, end, caseless) : end;
    if (withPlural >= 0 && !isCueCharAt(text, withPlural, caseless)) return withPlural;
  }
  return -1;
}

const PLURALS = ["es", "s", ""];

// Where `word` ends if it is written at `at`, compared code point by code point, or -1.
function literalEnd(word: string, text: string, at: number, caseless: boolean): number {
  let end = at;
  for (let k = 0; k < word.length; ) {
    if (end >= text.length) return -1;
    const want = word.charCodeAt(k);
    const unit = text.charCodeAt(end);
    if (want < 128 && unit < 128) {
      // Both ASCII: the same, or the same letter in the other case.
      if (want !== unit && !(caseless && (want | 32) === (unit | 32) && (want | 32) >= 97 && (want | 32) <= 122)) return -1;
      k++;
      end++;
      continue;
    }
    const wanted = word.codePointAt(k)!;
    const written = text.codePointAt(end)!;
    if (wanted !== written && !(caseless && sameFolded(wanted, written))) return -1;
    // A lone low surrogate in a cue is no match for the second half of a pair (where the
    // search may start, see cuesIn); a lone high surrogate is none for the first, as
    // codePointAt reads the pair.
    if (written >= 0xdc00 && written <= 0xdfff && end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) return -1;
    k += wanted > 0xffff ? 2 : 1;
    end += written > 0xffff ? 2 : 1;
  }
  return end;
}

// Whether two code points are the same letter to a case-insensitive Unicode pattern: what
// such a pattern says, asked once per pair (pairs past ASCII are rare in cues and texts).
function sameFolded(a: number, b: number): boolean {
  const pair = a * 0x110000 + b;
  let same = foldedPairs.get(pair);
  if (same === undefined) {
    same = new RegExp(`^\\u{${a.toString(16)}}$`, "iu").test(String.fromCodePoint(b));
    foldedPairs.set(pair, same);
  }
  return same;
}
const foldedPairs = new Map<number, boolean>();

// Cue characters: none may touch a cue on either side. Letters and digits (any script), "_"
// and "-", as the class [\p{L}\p{N}_-] says, which with case-insensitive matching also takes
// what folds to a letter (U+0345, the Greek iota below, folds to ι).
const CUE_CHAR = /[\p{L}\p{N}_-]/u;
const CUE_CHAR_CASELESS = /[\p{L}\p{N}_-]/iu;
const cueCodePoints = new Map<number, boolean>();
const cueCodePointsCaseless = new Map<number, boolean>();

/** 1 for the ASCII cue characters (the same with and without case folding), by code. */
const ASCII_CUE_CHAR = Uint8Array.from({ length: 128 }, (_, code) => (CUE_CHAR.test(String.fromCharCode(code)) ? 1 : 0));

function isCueCodePoint(code: number, caseless: boolean): boolean {
  if (code < 128) return ASCII_CUE_CHAR[code] === 1;
  const known = caseless ? cueCodePointsCaseless : cueCodePoints;
  let is = known.get(code);
  if (is === undefined) {
    is = (caseless ? CUE_CHAR_CASELESS : CUE_CHAR).test(String.fromCodePoint(code));
    known.set(code, is);
  }
  return is;
}

// Whether a cue character starts at `at` (a surrogate pair read as one code point).
function isCueCharAt(text: string, at: number, caseless: boolean): boolean {
  return at < text.length && isCueCodePoint(text.codePointAt(at)!, caseless);
}

// Whether a cue character ends at `at`, read backwards as a Unicode pattern's look-behind reads.
function isCueCharBefore(text: string, at: number, caseless: boolean): boolean {
  let code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (isHighSurrogate(high)) code = (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return isCueCodePoint(code, caseless);
}

// The end of the run of cue characters from `at`.
function cueCharsFrom(text: string, at: number, caseless: boolean): number {
  let end = at;
  while (isCueCharAt(text, end, caseless)) end += codePointWidth(text, end);
  return end;
}

// 2 at a surrogate pair, else 1: how far a Unicode pattern steps from `at`.
function codePointWidth(text: string, at: number): number {
  if (at + 1 >= text.length) return 1;
  const unit = text.charCodeAt(at);
  if (!isHighSurrogate(unit)) return 1;
  const low = text.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

const ALL_ASCII = /^[\x00-\x7f]*$/;

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) >= 128) return false;
  return true;
}

/** The cues of both meanings of `entry` in the window of `text[from, to)` around the use `[start, end)`. */
export function readCues(entry: GlossaryEntry, text: string, from: number, to: number, start: number, end: number): CueReading {
  const window = windowAround(text, from, to, start, end);
  const words = text.slice(window[0], window[1]);
  const skip: [number, number] = [start - window[0], end - window[0]];
  const sets = cueSetsOf(entry);
  const found: Record<BusinessFunction, string[]> = { marketing: [], technology: [] };
  // Most windows hold no cue at all. Past ASCII, lowercasing is not case folding (ſ is an
  // s), so a window past ASCII is always scanned by caseless sets.
  const lower = ALL_ASCII.test(words) ? words.toLowerCase() : undefined;
  for (const side of FUNCTIONS) {
    for (const set of sets[side]) {
      const haystack = set.caseless ? lower : words;
      if (set.keys && haystack !== undefined && !set.keys.some((key) => haystack.includes(key))) continue;
      cuesIn(set, words, skip, found[side]);
    }
  }
  return { found, window };
}

/** Whether the cues point at the meaning of `other` more than at the pinned one: at least one, and more. */
export function pointsAtOther(reading: CueReading, pinned: BusinessFunction, other: BusinessFunction): boolean {
  return reading.found[other].length > 0 && reading.found[other].length > reading.found[pinned].length;
}
