// Cue words: the words around a term that show which of its meanings a text has in mind.
// A spec that pins "DR: direct response" while its summary speaks of a "DR failover drill"
// pinned the meaning the text does not have. Each meaning in the glossary may list a few cues
// (glossary/jointspec.glossary.yaml, `cues:`); this module weighs them in the few words around
// each use of the term. It is kept conservative: a finding needs a cue of the other meaning
// and more of them than of the pinned one, in the same clause and a few words from the term.

import { FUNCTIONS, type BusinessFunction } from "../types.js";
import type { GlossaryEntry } from "./glossary.js";

/** What the words around one use of a term say about its meaning. */
export interface CueReading {
  /** The cues of each function's meaning found in the window, as written there. */
  found: Record<BusinessFunction, string[]>;
  /** The window: offsets into the text of the words around the term (see windowAround). */
  window: [number, number];
}

// The window around a use of the term: its clause (text breaks at . , ; : ! ? brackets,
// dashes set off by spaces, and blank lines), and within it at most WINDOW_WORDS words on
// either side. A long sentence often joins both functions' work ("announced by newsletters,
// ahead of the deployment freeze"); the words next to the term are the ones that say which.
const CLAUSE_BREAK = /[.,;:!?()[\]](?=\s|$)|[()[\]]|\s[-–—]\s|\n[ \t]*\n/g;
const WINDOW_WORDS = 4;

/** The offsets of the window of `text[from, to)` around the use `[start, end)`. */
function windowAround(text: string, from: number, to: number, start: number, end: number): [number, number] {
  let clauseStart = from;
  let clauseEnd = to;
  CLAUSE_BREAK.lastIndex = from;
  for (let match = CLAUSE_BREAK.exec(text); match && match.index < to; match = CLAUSE_BREAK.exec(text)) {
    const after = match.index + match[0].length;
    if (after <= start) clauseStart = after;
    else if (match.index >= end) {
      clauseEnd = match.index;
      break;
    }
  }
  const before = new RegExp(`(?:\\S+\\s+){0,${WINDOW_WORDS}}$`).exec(text.slice(clauseStart, start))?.[0] ?? "";
  const after = new RegExp(`^\\S*(?:\\s+\\S+){0,${WINDOW_WORDS}}`).exec(text.slice(end, clauseEnd))?.[0] ?? "";
  return [start - before.length, end + after.length];
}

// Per meaning, up to two patterns of whole words or phrases (any run of white space between
// words; a plural "s" or "es" may follow): cues in capitals (RTO) match only in capitals,
// the others in any case. Node 20's regular expressions have no inline case switch, hence two.
type CuePatterns = RegExp[];

const cache = new WeakMap<GlossaryEntry, Record<BusinessFunction, CuePatterns>>();

function patternsOf(entry: GlossaryEntry): Record<BusinessFunction, CuePatterns> {
  const known = cache.get(entry);
  if (known) return known;
  const isAcronym = (cue: string): boolean => cue === cue.toUpperCase() && /[A-Z]/.test(cue);
  const alternatives = (cues: readonly string[]): string =>
    cues
      .map((cue) =>
        cue
          .trim()
          .split(/\s+/)
          .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
          .join("\\s+"),
      )
      .join("|");
  const wholeWords = (cues: readonly string[], flags: string): RegExp[] =>
    cues.length === 0 ? [] : [new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives(cues)})(?:e?s)?(?![\\p{L}\\p{N}_-])`, flags)];
  const build = (cues: readonly string[] = []): CuePatterns => [
    ...wholeWords(
      cues.filter((cue) => !isAcronym(cue)),
      "giu",
    ),
    ...wholeWords(cues.filter(isAcronym), "gu"),
  ];
  const patterns = { marketing: build(entry.marketing?.cues), technology: build(entry.technology?.cues) };
  cache.set(entry, patterns);
  return patterns;
}

function cuesIn(patterns: CuePatterns, text: string, skip: [number, number]): string[] {
  const found: string[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      // The term itself is no cue for its own meaning.
      if (at < skip[1] && at + match[0].length > skip[0]) continue;
      found.push(match[0].replace(/\s+/g, " "));
    }
  }
  return found;
}

/** The cues of both meanings of `entry` in the window of `text[from, to)` around the use `[start, end)`. */
export function readCues(entry: GlossaryEntry, text: string, from: number, to: number, start: number, end: number): CueReading {
  const window = windowAround(text, from, to, start, end);
  const words = text.slice(window[0], window[1]);
  const skip: [number, number] = [start - window[0], end - window[0]];
  const patterns = patternsOf(entry);
  const found = Object.fromEntries(FUNCTIONS.map((side) => [side, cuesIn(patterns[side], words, skip)])) as Record<BusinessFunction, string[]>;
  return { found, window };
}

/** Whether the cues point at the meaning of `other` more than at the pinned one: at least one, and more. */
export function pointsAtOther(reading: CueReading, pinned: BusinessFunction, other: BusinessFunction): boolean {
  return reading.found[other].length > 0 && reading.found[other].length > reading.found[pinned].length;
}
