// Finds glossary terms in a spec's free text (never in ids, keys or enum values) and reads
// the spec's own pins, once per analysis, so hovers and rules only look things up.

import { isMap, isScalar, isSeq, Scalar, type Document, type Node } from "yaml";
import { isNamed } from "../spec-data.js";
import { isWhiteSpaceUnit } from "../text.js";
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
  /** That value's offsets in the spec's text, for reading the words around the term. */
  value: [number, number];
}

export interface TermPin {
  entry: GlossaryEntry;
  /** The value as written, e.g. "direct response". */
  value: string;
  /** The function whose meaning the value names, when it names one. */
  side: BusinessFunction | undefined;
  keyOffsets: [number, number];
}

/** FREE_TEXT_PATHS as a tree, so that one walk of the document follows them all. */
interface PathTree {
  /** Whether a path ends here: a string scalar here is free text. */
  read: boolean;
  /** What follows each key written out in a path. */
  keys: Map<string, PathTree>;
  /** What follows "*": any key or index. */
  any: PathTree | undefined;
}

const FREE_TEXT_TREE = pathTree(FREE_TEXT_PATHS);

// The tree of `paths`: one branch for each key, one for "*".
function pathTree(paths: readonly (readonly string[])[]): PathTree {
  const root: PathTree = { read: false, keys: new Map(), any: undefined };
  for (const path of paths) {
    let tree = root;
    for (const step of path) {
      const known = step === "*" ? tree.any : tree.keys.get(step);
      const child = known ?? { read: false, keys: new Map(), any: undefined };
      if (step === "*") tree.any = child;
      else tree.keys.set(step, child);
      tree = child;
    }
    tree.read = true;
  }
  return root;
}

/** Every glossary term in the spec's free text, in document order. */
export function findTermOccurrences(document: Document, text: string, glossary: Glossary): TermOccurrence[] {
  const found: TermOccurrence[] = [];
  // The keys and indexes down to the node being visited; copied only for a scalar that holds a term.
  const steps: (string | number)[] = [];
  const readNode = (node: unknown): void => {
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
    const read = readScalar(text, node.range[0], node.range[1], node.type);
    // Shared by the scalar's occurrences, and made at its first.
    let path: SpecPath | undefined;
    let value: [number, number] | undefined;
    for (const match of glossary.findTerms(read.text, read.from, read.to)) {
      // A word inside a URL or an address is part of a name, not prose.
      if (overlapsLink(read.text, match.start, match.end, read.from, read.to)) continue;
      const start = read.starts ? read.starts[match.start]! : match.start;
      const end = read.ends ? read.ends[match.end - 1]! : match.end;
      path ??= steps.slice();
      value ??= [node.range[0], node.range[1]];
      found.push({ entry: match.entry, start, end, path, value });
    }
  };
  const visitNode = (node: unknown, tree: PathTree): void => {
    if (tree.read) readNode(node);
    const any = tree.any;
    if (tree.keys.size === 0 && !any) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        // Most keys are none of the tree's: those are told by their value alone, before the
        // costlier question whether the key is a scalar at all.
        const written = (key as { value?: unknown } | null)?.value;
        const named = typeof written === "string" ? tree.keys.get(written) : undefined;
        if (!named && !any) continue;
        if (!isScalar(key)) continue;
        if (named) {
          steps.push(key.value as string);
          visitNode(pair.value, named);
          steps.pop();
        }
        if (any) {
          steps.push(String(key.value));
          visitNode(pair.value, any);
          steps.pop();
        }
      }
    } else if (any && isSeq(node)) {
      for (let index = 0; index < node.items.length; index++) {
        steps.push(index);
        visitNode(node.items[index], any);
        steps.pop();
      }
    }
  };
  visitNode(document.contents, FREE_TEXT_TREE);
  // The walk reads scalars in document order, which is the text's; the sort (one pass over a
  // sorted list) keeps occurrenceAt's binary search safe all the same.
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

/**
 * A scalar's text as it reads: `text[from, to)`. That is the source itself, read in place,
 * unless escapes were read; then `text` is the text read, and `starts` and `ends` give the
 * source offsets each of its characters came from.
 */
interface ReadScalar {
  text: string;
  from: number;
  to: number;
  starts?: number[];
  ends?: number[];
}

// What a scalar says, for matching terms: a block scalar without its header line (so a
// comment there, `summary: >-   # the DR wording`, is never read as text), a quoted scalar
// without its quotes, and a double-quoted scalar with its escapes read (in "the\nsegment",
// "segment" is a word). White space is kept as written: terms match across any run of it.
function readScalar(text: string, from: number, to: number, type: Scalar["type"]): ReadScalar {
  let i = from;
  let end = to;
  if (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL) {
    const header = text.indexOf("\n", from);
    i = header < 0 || header >= to ? to : header + 1;
  } else if (type === Scalar.QUOTE_SINGLE || type === Scalar.QUOTE_DOUBLE) {
    i = from + 1;
    end = Math.max(i, to - 1);
  }
  // Without an escape to read, the text is the source itself, character for character.
  if (type !== Scalar.QUOTE_DOUBLE || !hasBackslash(text, i, end)) return { text, from: i, to: end };
  const read = { text: "", from: 0, to: 0, starts: [] as number[], ends: [] as number[] };
  const push = (chars: string, start: number, stop: number): void => {
    read.text += chars;
    for (let k = 0; k < chars.length; k++) {
      read.starts.push(start);
      read.ends.push(stop);
    }
  };
  while (i < end) {
    if (text[i] === "\\") {
      const sequence = readEscape(text, i, end);
      push(sequence.chars, i, sequence.next);
      i = sequence.next;
    } else {
      push(text[i]!, i, i + 1);
      i++;
    }
  }
  read.to = read.text.length;
  return read;
}

// Whether text[from, to) holds a backslash, read in place: indexOf would read on to the end
// of the spec when there is none.
function hasBackslash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 92 /* \\ */) return true;
  return false;
}

// biome-ignore format: a table packed by hand, a few entries a line
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

// One escape of a double-quoted scalar at `at` (a backslash): what it stands for and where
// the source goes on. An escaped line break joins the lines; an unknown escape reads as written.
function readEscape(text: string, at: number, end: number): { chars: string; next: number } {
  const kind = text[at + 1] ?? "";
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { chars: simple, next: at + 2 };
  const digits = HEX_DIGITS[kind];
  if (digits !== undefined) {
    const hex = text.slice(at + 2, at + 2 + digits);
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
    if (code <= 0x10ffff) return { chars: String.fromCodePoint(code), next: at + 2 + digits };
  }
  if (kind === "\r" || kind === "\n") {
    let next = at + 1 + (text.startsWith("\r\n", at + 1) ? 2 : 1);
    while (next < end && (text[next] === " " || text[next] === "\t")) next++;
    return { chars: "", next };
  }
  return { chars: "\\", next: at + 1 };
}

// URLs (scheme:// or www.), mailto: and other addresses, and email addresses: terms inside
// them are parts of a name (https://wiki.example.com/mkt/Customer-Preference-Centre).
const LINKS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s<>"'`]+|[^\s<>"'`()[\]{},;:@]+@[^\s<>"'`()[\]{},;@]+/giu;

/**
 * Whether text[start, end) overlaps a link or an email address in `text[lowest, highest)`
 * (the whole text unless given), as a match of LINKS over that part alone finds them. A link
 * holds no white space, so the links of the words around the range are the links of the
 * whole part there: only those words are searched, and only when they may hold one.
 */
export function overlapsLink(text: string, start: number, end: number, lowest = 0, highest = text.length): boolean {
  let from = start;
  while (from > lowest && !isWhiteSpaceUnit(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < highest && !isWhiteSpaceUnit(text.charCodeAt(to))) to++;
  if (!mayHoldLink(text, from, to)) return false;
  const words = text.slice(from, to);
  for (const link of words.matchAll(LINKS)) if (start - from < link.index! + link[0].length && end - from > link.index!) return true;
  return false;
}

// Whether text[from, to) holds ":", "@" or "www." in any case, as every link or address
// LINKS finds does: words without any hold none, and the costly search is skipped.
function mayHoldLink(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 /* : */ || code === 64 /* @ */) return true;
    // (code | 32) is "w" for "w" and "W" only.
    if (
      code === 46 /* . */ &&
      i - from >= 3 &&
      (text.charCodeAt(i - 1) | 32) === 119 &&
      (text.charCodeAt(i - 2) | 32) === 119 &&
      (text.charCodeAt(i - 3) | 32) === 119
    ) {
      return true;
    }
  }
  return false;
}
