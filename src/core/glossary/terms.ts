// Finds glossary terms in a spec's free text (never in ids, keys or enum values) and reads
// the spec's own pins, once per analysis, so hovers and rules only look things up.

import { isMap, isScalar, isSeq, type Document, type Node } from "yaml";
import { isNamed } from "../spec-data.js";
import type { BusinessFunction, SpecPath } from "../types.js";
import { pinnedFunction, type Glossary, type GlossaryEntry } from "./glossary.js";

/** Where free text lives in a spec; "*" stands for any key or index. */
export const FREE_TEXT_PATHS: readonly (readonly string[])[] = [
  ["title"],
  ["summary"],
  ["kpis", "*", "name"],
  ["kpis", "*", "definition"],
  ["security_review", "notes"],
  ["data", "*", "name"],
  ["data", "*", "systems", "*"],
  ["owners", "*", "*", "role"],
  ["systems", "*"],
];

export interface TermOccurrence {
  entry: GlossaryEntry;
  /** Offsets into the spec's text. */
  start: number;
  end: number;
  /** The free-text value that holds the occurrence. */
  path: SpecPath;
}

export interface TermPin {
  entry: GlossaryEntry;
  /** The value as written, e.g. "direct response". */
  value: string;
  /** The function whose meaning the value names, when it names one. */
  side: BusinessFunction | undefined;
  keyOffsets: [number, number];
}

/** Every glossary term in the spec's free text, in document order. */
export function findTermOccurrences(document: Document, text: string, glossary: Glossary): TermOccurrence[] {
  const found: TermOccurrence[] = [];
  const visitNode = (node: unknown, pattern: readonly string[], path: (string | number)[]): void => {
    if (pattern.length === 0) {
      if (isScalar(node) && typeof node.value === "string" && node.range) {
        for (const match of glossary.findTerms(text.slice(node.range[0], node.range[1]), node.range[0])) {
          found.push({ entry: match.entry, start: match.start, end: match.end, path });
        }
      }
      return;
    }
    const [head, ...rest] = pattern;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && (head === "*" || pair.key.value === head)) visitNode(pair.value, rest, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node) && head === "*") {
      node.items.forEach((item, index) => visitNode(item, rest, [...path, index]));
    }
  };
  for (const pattern of FREE_TEXT_PATHS) visitNode(document.contents, pattern, []);
  return found.sort((a, b) => a.start - b.start);
}

/** The meanings the spec pins under its `glossary:` key, by entry. */
export function readPins(document: Document, glossary: Glossary): Map<GlossaryEntry, TermPin> {
  const pins = new Map<GlossaryEntry, TermPin>();
  const root = document.contents;
  if (!isMap(root)) return pins;
  const section = root.items.find((pair) => isScalar(pair.key) && pair.key.value === "glossary")?.value as Node | null | undefined;
  if (!isMap(section)) return pins;
  for (const pair of section.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    // A pin names its term in any case ("dr: direct response" pins DR); a placeholder pins nothing.
    const entry = glossary.lookup(String(pair.key.value)) ?? glossary.lookupAnyCase(String(pair.key.value));
    if (!entry) continue;
    const value = isScalar(pair.value) && pair.value.value != null ? String(pair.value.value) : "";
    if (!isNamed(value)) continue;
    pins.set(entry, { entry, value, side: pinnedFunction(entry, value), keyOffsets: [pair.key.range[0], pair.key.range[1]] });
  }
  return pins;
}

/** The occurrence under `offset`, by binary search over the sorted occurrences. */
export function occurrenceAt(occurrences: readonly TermOccurrence[], offset: number): TermOccurrence | undefined {
  let low = 0;
  let high = occurrences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const occurrence = occurrences[mid]!;
    if (offset < occurrence.start) high = mid - 1;
    else if (offset > occurrence.end) low = mid + 1;
    else return occurrence;
  }
  return undefined;
}
