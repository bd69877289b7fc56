// The glossary's term matcher as it was written first, for clarity rather than speed: a
// regular expression finds each word, a map gives the spellings that start with it, and the
// links are found by one regular expression over the whole text; and the first walk of a
// spec's free text, one walk per path. src/core/glossary/glossary.ts and terms.ts now do the
// same by character codes, with a trie and a pre-check, and in one walk; the property tests
// in test/unit/glossary-matcher.test.ts hold the two to the same results.

import { type Document, isMap, isScalar, isSeq, Scalar } from "yaml";
import type { Glossary, GlossaryEntry } from "../../../src/core/glossary/glossary.js";
import { FREE_TEXT_PATHS } from "../../../src/core/glossary/terms.js";

export interface ReferenceMatch {
  term: string;
  start: number;
  end: number;
}

const WORDS_IN = /[\p{L}\p{N}_]+/u;

function normalizeSpaces(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

function withoutPlural(word: string): string[] {
  const forms = [word];
  if (/es$/i.test(word)) forms.push(word.slice(0, -2));
  if (/s$/i.test(word)) forms.push(word.slice(0, -1));
  return forms;
}

function isCaseSensitive(entry: GlossaryEntry, spelling: string): boolean {
  if (entry.caseSensitive !== undefined) return entry.caseSensitive;
  return /\p{Lu}/u.test(spelling) && !/\p{Ll}/u.test(spelling);
}

function isWordCharAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && /[\p{L}\p{N}_]/u.test(String.fromCodePoint(code));
}

function sameLetter(a: string | undefined, b: string): boolean {
  return a !== undefined && (a === b || a.toLowerCase() === b.toLowerCase());
}

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

/** The first matcher, over the entries of `glossary`. */
export class ReferenceMatcher {
  private readonly exact = new Map<string, GlossaryEntry>();
  private readonly folded = new Map<string, GlossaryEntry>();
  private readonly candidates = new Map<string, string[]>();

  constructor(glossary: Glossary) {
    const spellings: string[] = [];
    for (const entry of glossary.entries) {
      for (const spelling of [entry.term, ...(entry.aliases ?? [])]) {
        const normal = normalizeSpaces(spelling);
        if (isCaseSensitive(entry, spelling)) this.exact.set(normal, entry);
        else this.folded.set(normal.toLowerCase(), entry);
        spellings.push(normal);
      }
    }
    for (const spelling of [...new Set(spellings)].sort((a, b) => b.length - a.length)) {
      const first = (WORDS_IN.exec(spelling)?.[0] ?? spelling).toLowerCase();
      const list = this.candidates.get(first) ?? [];
      list.push(spelling);
      this.candidates.set(first, list);
    }
  }

  lookup(written: string): GlossaryEntry | undefined {
    const normal = normalizeSpaces(written);
    for (const candidate of withoutPlural(normal)) {
      const entry = this.exact.get(candidate) ?? this.folded.get(candidate.toLowerCase());
      if (entry) return entry;
    }
    return undefined;
  }

  findTerms(text: string): ReferenceMatch[] {
    const matches: ReferenceMatch[] = [];
    const words = new RegExp(WORDS_IN.source, "gu");
    for (let word = words.exec(text); word; word = words.exec(text)) {
      const lower = word[0].toLowerCase();
      const candidates = this.candidates.get(lower) ?? this.candidates.get(lower.replace(/e?s$/, "")) ?? this.candidates.get(lower.replace(/s$/, ""));
      const end = candidates ? matchAt(text, word.index, candidates) : -1;
      if (end < 0) continue;
      const entry = this.lookup(text.slice(word.index, end));
      if (entry) matches.push({ term: entry.term, start: word.index, end });
      words.lastIndex = end;
    }
    return matches;
  }
}

const LINKS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>"'`]+|[^\s<>"'`()[\]{},;:@]+@[^\s<>"'`()[\]{},;@]+/giu;

/** Links and email addresses, found by the one regular expression over the whole text. */
export function referenceLinkSpans(text: string): [number, number][] {
  return [...text.matchAll(LINKS)].map((link) => [link.index!, link.index! + link[0].length]);
}

/** An occurrence as the first walk of a spec's free text gave it. */
export interface ReferenceOccurrence {
  term: string;
  start: number;
  end: number;
  path: (string | number)[];
  value: [number, number];
}

/**
 * The terms in a spec's free text as the first findTermOccurrences found them: one walk of
 * the document for each of FREE_TEXT_PATHS, copying the path at every step, then a sort by
 * offset. Scalars are read by the rule that holds without escapes (the callers' documents
 * have none): a block scalar after its header line, a quoted one without its quotes.
 */
export function referenceTermOccurrences(document: Document, text: string, matcher: ReferenceMatcher): ReferenceOccurrence[] {
  const found: ReferenceOccurrence[] = [];
  const visit = (node: unknown, pattern: readonly string[], path: (string | number)[]): void => {
    if (pattern.length === 0) {
      if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
      const [from, to] = node.range;
      let i = from;
      let end = to;
      if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
        const header = text.indexOf("\n", from);
        i = header < 0 || header >= to ? to : header + 1;
      } else if (node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE) {
        i = from + 1;
        end = Math.max(i, to - 1);
      }
      const said = text.slice(i, end);
      for (const match of matcher.findTerms(said)) {
        if (referenceLinkSpans(said).some(([a, b]) => match.start < b && match.end > a)) continue;
        found.push({ term: match.term, start: i + match.start, end: i + match.end, path, value: [from, to] });
      }
      return;
    }
    const [head, ...rest] = pattern;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && (head === "*" || pair.key.value === head)) visit(pair.value, rest, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node) && head === "*") {
      for (const [index, item] of node.items.entries()) visit(item, rest, [...path, index]);
    }
  };
  for (const pattern of FREE_TEXT_PATHS) visit(document.contents, pattern, []);
  return found.sort((a, b) => a.start - b.start);
}
