// Reports a term that marketing and technology read differently, used in free text without
// the spec pinning which meaning it has (one finding per term, at its first use), and a pin
// that the text contradicts: the words around a use of the term are cues of the other
// meaning (glossary cues, src/core/glossary/cues.ts), so the pin is likely the wrong one.
import { pointsAtOther, readCues } from "../glossary/cues.js";
import { listWords, otherFunction } from "../spec-data.js";
import type { FixDraft, Rule, RuleContext } from "../rule.js";
import type { GlossaryEntry } from "../glossary/glossary.js";
import type { TermOccurrence } from "../glossary/terms.js";
import type { EditBuilder } from "../fixes/yaml-edits.js";
import { FUNCTIONS } from "../types.js";

export const ambiguousTerm: Rule = {
  id: "ambiguous-term",
  defaultSeverity: "info",
  description: "Ambiguous terms have their meaning pinned in the spec's glossary, and the text agrees with the pin",
  needs: "spec",
  fixable: true,
  messages: {
    unpinned:
      '"{{term}}" means "{{marketing}}" to marketing and "{{technology}}" to technology; say which one this spec means by adding "{{term}}: {{marketing}}" or "{{term}}: {{technology}}" under glossary.',
    contradicted:
      '"{{term}}" is pinned as {{pinned}}, but "{{excerpt}}" reads as {{other}} ({{cues}}); check the pin under glossary, or reword the text if it is right.',
  },
  check(context, report) {
    const { terms, pins, edits } = context;
    reportContradictedPins(context, report);
    const byEntry = new Map<GlossaryEntry, TermOccurrence[]>();
    for (const occurrence of terms) {
      const { entry } = occurrence;
      if (entry.kind !== "ambiguous" || !entry.report || pins.has(entry)) continue;
      const list = byEntry.get(entry) ?? [];
      list.push(occurrence);
      byEntry.set(entry, list);
    }
    for (const [entry, occurrences] of byEntry) {
      const [first, ...others] = occurrences as [TermOccurrence, ...TermOccurrence[]];
      report({
        messageId: "unpinned",
        data: { term: entry.term, marketing: entry.marketing?.label ?? "", technology: entry.technology?.label ?? "" },
        offsets: [first.start, first.end],
        path: first.path,
        fixes: pinFixes(edits, entry),
        related: others.map((o) => ({ offsets: [o.start, o.end], message: `"${entry.term}" is used here too.` })),
      });
    }
  },
};

// A pin whose term is used, somewhere in the free text, in a sentence whose cue words point
// at the other meaning. One finding per pin, at the first such use; the pin is related.
function reportContradictedPins({ terms, pins, text }: RuleContext, report: Parameters<Rule["check"]>[1]): void {
  for (const [entry, pin] of pins) {
    const pinned = pin.side;
    if (!pinned || entry.kind !== "ambiguous") continue;
    const other = otherFunction(pinned);
    if (!entry[other]?.cues?.length) continue;
    for (const occurrence of terms) {
      if (occurrence.entry !== entry) continue;
      const reading = readCues(entry, text, occurrence.value[0], occurrence.value[1], occurrence.start, occurrence.end);
      if (!pointsAtOther(reading, pinned, other)) continue;
      report({
        messageId: "contradicted",
        data: {
          term: entry.term,
          pinned: entry[pinned]?.label ?? pin.value,
          other: entry[other]!.label,
          excerpt: text
            .slice(reading.window[0], reading.window[1])
            .replace(/\s+/g, " ")
            .trim()
            .replace(/^["'(]+|["',;:.)]+$/g, ""),
          cues: listWords([...new Set(reading.found[other])].slice(0, 3), "and"),
        },
        offsets: [occurrence.start, occurrence.end],
        path: occurrence.path,
        related: [{ offsets: pin.keyOffsets, message: `"${entry.term}" is pinned as ${pin.value} here.` }],
      });
      break;
    }
  }
}

// One fix per meaning: the person chooses, so none is applied unasked.
function pinFixes(edits: EditBuilder, entry: GlossaryEntry): FixDraft[] {
  return FUNCTIONS.flatMap((side) => {
    const label = entry[side]?.label;
    if (!label) return [];
    return [{ title: `Pin "${entry.term}" as ${label} (the ${side} meaning)`, edits: edits.insertEntry(["glossary"], entry.term, label) }];
  });
}
