// The glossary: bundled entries, workspace overrides, and fast whole-word matching of its
// terms in free text. Data comes in as plain objects; nothing here reads files.

import bundledTerms from "../generated/bundled-glossary.json";
import type { BusinessFunction } from "../types.js";

export interface GlossaryMeaning {
  label: string;
  meaning: string;
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
  private readonly matcher: RegExp | undefined;

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
        spellings.push(normal);
      }
    }
    if (spellings.length > 0) {
      // Longest first, so "real time" wins over "real"; a trailing plural s is allowed.
      const alternatives = [...new Set(spellings)]
        .sort((a, b) => b.length - a.length)
        .map((s) => escapeRegExp(s).replace(/ /g, "\\s+"));
      this.matcher = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?:e?s)?(?![\\p{L}\\p{N}_])`, "giu");
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
    const wanted = normalizeSpaces(written).toLowerCase();
    return this.entries.find((entry) => [entry.term, ...(entry.aliases ?? [])].some((spelling) => normalizeSpaces(spelling).toLowerCase() === wanted));
  }

  /** Every whole-word occurrence of a glossary term in `text`, in order. */
  findTerms(text: string, offset = 0): TermMatch[] {
    if (!this.matcher) return [];
    const matches: TermMatch[] = [];
    this.matcher.lastIndex = 0;
    for (let m = this.matcher.exec(text); m; m = this.matcher.exec(text)) {
      const entry = this.lookup(m[0]);
      if (entry) matches.push({ entry, start: offset + m.index, end: offset + m.index + m[0].length });
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
  if (/es$/i.test(word)) forms.push(word.slice(0, -2));
  if (/s$/i.test(word)) forms.push(word.slice(0, -1));
  return forms;
}

function normalizeSpaces(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

// Only the characters that are special in a `u`-flag pattern: there, escaping others is an error.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
