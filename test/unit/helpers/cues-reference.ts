// The cue reader as it was written first, with regular expressions: the clause breaks, the
// words on either side of the term and each meaning's cues are each one regular expression.
// src/core/glossary/cues.ts now does the same by character codes, with the cues looked up by
// their first word; the property test in test/unit/cues.property.test.ts holds the two to the
// same results, and this file is the reference it compares against.

import type { GlossaryEntry } from "../../../src/core/glossary/glossary.js";
import type { CueReading } from "../../../src/core/glossary/cues.js";

const CLAUSE_BREAK = /[.,;:!?()[\]](?=\s|$)|[()[\]]|\s[-–—]\s|\n[ \t]*\n/g;
const WINDOW_WORDS = 4;

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

type CuePatterns = RegExp[];
interface SidePatterns {
  marketing: CuePatterns;
  technology: CuePatterns;
}

const cache = new WeakMap<GlossaryEntry, SidePatterns>();

function patternsOf(entry: GlossaryEntry): SidePatterns {
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
      if (at < skip[1] && at + match[0].length > skip[0]) continue;
      found.push(match[0].replace(/\s+/g, " "));
    }
  }
  return found;
}

/** readCues as the regular expressions read the cues: what src/core/glossary/cues.ts must give. */
export function referenceReadCues(entry: GlossaryEntry, text: string, from: number, to: number, start: number, end: number): CueReading {
  const window = windowAround(text, from, to, start, end);
  const words = text.slice(window[0], window[1]);
  const skip: [number, number] = [start - window[0], end - window[0]];
  const patterns = patternsOf(entry);
  return { found: { marketing: cuesIn(patterns.marketing, words, skip), technology: cuesIn(patterns.technology, words, skip) }, window };
}
