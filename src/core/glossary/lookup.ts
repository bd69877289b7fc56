// Answers a hover's question: which glossary entry is at this position of the spec, and
// what does it mean here (both meanings, and the one this spec pinned, if any).

import type { SpecAnalysis } from "../lint.js";
import type { BusinessFunction, Position, Range } from "../types.js";
import type { GlossaryEntry } from "./glossary.js";
import { occurrenceAt } from "./terms.js";

export interface TermAtPosition {
  entry: GlossaryEntry;
  /** The word as written in the spec, and where. */
  written: string;
  range: Range;
  /** The meaning the spec pins under `glossary:`, if it pins one. */
  pinned: { value: string; side: BusinessFunction | undefined } | undefined;
  /** Whether the position is on a key under the spec's `glossary:` rather than in free text. */
  onPin: boolean;
}

/** The glossary term under `position`, in free text or as a key under `glossary:`. */
export function termAt(analysis: SpecAnalysis, position: Position): TermAtPosition | undefined {
  const { lines } = analysis.parsed;
  const offset = lines.offsetAt(position);
  const occurrence = occurrenceAt(analysis.terms, offset);
  if (occurrence) return describe(analysis, occurrence.entry, occurrence.start, occurrence.end, false);
  for (const pin of analysis.pins.values()) {
    if (offset >= pin.keyOffsets[0] && offset <= pin.keyOffsets[1]) return describe(analysis, pin.entry, pin.keyOffsets[0], pin.keyOffsets[1], true);
  }
  return undefined;
}

function describe(analysis: SpecAnalysis, entry: GlossaryEntry, start: number, end: number, onPin: boolean): TermAtPosition {
  const pin = analysis.pins.get(entry);
  return {
    entry,
    written: analysis.parsed.text.slice(start, end),
    range: analysis.parsed.lines.rangeOf(start, end),
    pinned: pin ? { value: pin.value, side: pin.side } : undefined,
    onPin,
  };
}
