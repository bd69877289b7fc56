// Reports a term that marketing and technology read differently, used in free text without
// the spec pinning which meaning it has. One finding per term, at its first use.
import type { FixDraft, Rule } from "../rule.js";
import type { GlossaryEntry } from "../glossary/glossary.js";
import type { TermOccurrence } from "../glossary/terms.js";
import type { EditBuilder } from "../fixes/yaml-edits.js";
import { FUNCTIONS } from "../types.js";

export const ambiguousTerm: Rule = {
  id: "ambiguous-term",
  defaultSeverity: "info",
  description: "Ambiguous terms have their meaning pinned in the spec's glossary",
  needs: "spec",
  fixable: true,
  messages: {
    unpinned:
      '"{{term}}" means "{{marketing}}" to marketing and "{{technology}}" to technology; say which one this spec means by adding "{{term}}: {{marketing}}" or "{{term}}: {{technology}}" under glossary.',
  },
  check({ terms, pins, edits }, report) {
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

// One fix per meaning: the person chooses, so none is applied unasked.
function pinFixes(edits: EditBuilder, entry: GlossaryEntry): FixDraft[] {
  return FUNCTIONS.flatMap((side) => {
    const label = entry[side]?.label;
    if (!label) return [];
    return [{ title: `Pin "${entry.term}" as ${label} (the ${side} meaning)`, edits: edits.insertEntry(["glossary"], entry.term, label) }];
  });
}
