// Parses a spec's text into a YAML document with exact source offsets, and says, with a
// position, everything that keeps the text from being one well-formed YAML document.

import { isCollection, isScalar, parseAllDocuments, Scalar, visit, YAMLParseError, type Document, type Node, type YAMLError } from "yaml";
import { fastParseWithData } from "./fast-yaml.js";
import { LineIndex } from "./text.js";

/** A reason the text is not one usable YAML document, at offsets into the original text. */
export interface SyntaxProblem {
  message: string;
  offsets: [start: number, end: number];
}

export interface ParsedYaml {
  text: string;
  lines: LineIndex;
  /** The first YAML document; undefined when the text holds none or could not be parsed. */
  document: Document.Parsed | undefined;
  /** The first document as plain data; undefined for an empty file. */
  data: unknown;
  problems: SyntaxProblem[];
}

// Specs nest five or six levels deep. Far deeper input is hostile or broken, and the yaml
// library recurses per level (a 5,000-deep flow sequence aborts the whole process), so such
// text is refused before it reaches the parser.
export const MAX_NESTING = 100;

// "Billion laughs": each alias expands to a copy of its anchor; past this many, refuse.
const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  /** Internal, for the fast path's differential test: read the text with the yaml library only. */
  libraryOnly?: boolean;
}

/** Parses YAML text with positions; never throws. */
export function parseYaml(text: string, options: ParseOptions = {}): ParsedYaml {
  const lines = new LineIndex(text);
  const result: ParsedYaml = { text, lines, document: undefined, data: undefined, problems: [] };

  // The common case, plain block YAML, goes through the fast path (which makes the plain data
  // as it makes the nodes); anything else, errors included, through the yaml library below.
  const fast = options.libraryOnly ? undefined : fastParseWithData(text, MAX_NESTING);
  if (fast) {
    result.document = fast.document;
    result.data = fast.data;
    return result;
  }

  // yaml reads a lone CR as part of the line; swapping it for LF keeps every offset the same.
  const source = text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
  const tooDeepAt = findExcessiveNesting(source, MAX_NESTING);
  if (tooDeepAt !== undefined) {
    result.problems.push({
      message: `The YAML nests more than ${MAX_NESTING} levels deep here; a spec needs a handful. Flatten the structure.`,
      offsets: [tooDeepAt, tooDeepAt + 1],
    });
    return result;
  }

  // Duplicate keys are found by duplicateKeyErrors below, in linear time (see there).
  // logLevel "silent": the core never writes to the console, and the document keeps the
  // option, so its toJS() does not either (yaml warns there when a key is a collection, as
  // in a spec indented with a tab; the preview reads such a spec as far as it can).
  const parsed = parseAllDocuments(source, { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: "silent" });
  const documents = Array.isArray(parsed) ? parsed : [];
  const [document, second] = documents;
  // Assigned, not pushed with a spread: a file can hold more problems than a call takes arguments.
  if (!document) {
    result.problems = problemsOf("errors" in parsed ? parsed.errors : [], lines, undefined);
    return result;
  }
  result.document = document;
  for (const error of duplicateKeyErrors(document)) document.errors.push(error);

  result.problems = problemsOf([...document.errors, ...document.warnings], lines, document);
  if (second) {
    const start = second.range[0];
    result.problems.push({
      message: `This file holds ${documents.length} YAML documents; a spec is exactly one. Move each further document into a file of its own.`,
      offsets: [start, Math.max(start + 1, lines.lineEnd(lines.positionAt(start).line))],
    });
  }
  if (result.problems.length > 0) return result;

  const cycle = findSelfReferencingAlias(document);
  if (cycle) {
    result.problems.push({
      message: `The alias *${cycle.source} refers to the node that contains it, so its value would never end. Replace the alias with the value it should have.`,
      offsets: [cycle.range[0], cycle.range[1]],
    });
    return result;
  }

  try {
    result.data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = findFirstAlias(document);
    result.problems.push({
      message:
        error instanceof ReferenceError
          ? `Aliases here expand to more than ${MAX_ALIAS_COUNT} copies, as in a "billion laughs" attack; write the values out instead.`
          : `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
      offsets: firstAlias?.range ? [firstAlias.range[0], firstAlias.range[1]] : [0, 0],
    });
  }
  return result;
}

/** A cheap look at the text, before parsing, for a top-level `jointspec:` key. */
export function mentionsJointspecKey(text: string): boolean {
  return /^(?:\uFEFF)?["']?jointspec["']?[ \t]*:/m.test(text);
}

/**
 * How much of a file's head both hosts read to find a top-level `jointspec` key in a file
 * not named as a spec (bytes for a file, characters for an open document): enough for any
 * real spec's first key, and cheap for a huge file.
 */
export const SPEC_HEAD_LENGTH = 65536;

/** mentionsJointspecKey over the first SPEC_HEAD_LENGTH bytes of a file, decoded as UTF-8. */
export function headMentionsJointspecKey(bytes: Uint8Array): boolean {
  return mentionsJointspecKey(new TextDecoder().decode(bytes.subarray(0, SPEC_HEAD_LENGTH)));
}

// The yaml library reports what it meets, so one slip can yield a run of follow-on errors.
// One problem gives one finding: a tab in the indentation explains everything around it, and
// otherwise the first error on each line stands for the rest of that line.
function problemsOf(errors: readonly YAMLError[], lines: LineIndex, document: Document.Parsed | undefined): SyntaxProblem[] {
  const tabs = errors.filter((error) => error.code === "TAB_AS_INDENT");
  const chosen = [...(tabs.length > 0 ? tabs : errors)].sort((a, b) => a.pos[0] - b.pos[0]);
  const seenLines = new Set<number>();
  const problems: SyntaxProblem[] = [];
  for (const error of chosen) {
    const unclosed = unclosedQuoteOf(error, document);
    const offsets = unclosed ? openingQuoteOffsets(unclosed, lines) : withinText([error.pos[0], Math.max(error.pos[1], error.pos[0])], lines);
    // LineIndex breaks lines at a lone CR too, as `source` does after the CR became LF.
    const line = lines.positionAt(offsets[0]).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    problems.push({ message: unclosed ? unclosedQuoteMessage(unclosed) : messageOf(error, lines.text), offsets });
  }
  return problems;
}

// The yaml library notices a missing closing quote where the text ends, which may be many
// lines below the quote that was left open (and, after a final line break, on a line past
// the last one). The quoted scalar it was reading still starts at that opening quote.
function unclosedQuoteOf(error: YAMLError, document: Document.Parsed | undefined): Scalar | undefined {
  if (error.code !== "MISSING_CHAR" || !/quote/i.test(error.message) || !document) return undefined;
  let found: Scalar | undefined;
  visit(document, {
    Scalar(_key, node) {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      // The scalar that runs up to where the error was noticed; the last such one wins.
      if (quoted && node.range && node.range[0] < error.pos[0] && node.range[1] >= error.pos[0]) found = node;
    },
  });
  return found;
}

// From the opening quote to the end of its line: the place to look, without underlining
// every line the open quote swallowed.
function openingQuoteOffsets(scalar: Scalar, lines: LineIndex): [number, number] {
  const start = scalar.range![0];
  return [start, Math.max(start + 1, lines.lineEnd(lines.positionAt(start).line))];
}

function unclosedQuoteMessage(scalar: Scalar): string {
  const quote = scalar.type === Scalar.QUOTE_SINGLE ? "'" : '"';
  return `The ${quote} that opens this value is never closed, so the lines after it were read as part of this value; add the closing ${quote} where the value ends.`;
}

// An error noticed at the very end of the text would point past the last line when the text
// ends with a line break (or at nothing, in an empty last line); it points at the end of the
// last line that holds something instead, so Problems and the preview name a line the user can see.
function withinText(offsets: [number, number], lines: LineIndex): [number, number] {
  const text = lines.text;
  const isBlank = (offset: number) => /\s/.test(text[offset]!);
  let next = offsets[0];
  while (next < text.length && isBlank(next)) next++;
  if (next < text.length) return offsets;
  let end = text.length;
  while (end > 0 && isBlank(end - 1)) end--;
  if (end === 0) return [0, Math.min(1, text.length)];
  return [end - 1, end];
}

function messageOf(error: YAMLError, source: string): string {
  switch (error.code) {
    case "TAB_AS_INDENT":
      return "Tabs are not allowed as indentation in YAML; indent with spaces.";
    case "DUPLICATE_KEY": {
      const key = /^\s*(?:- )?["']?([^:"'\r\n]*)/.exec(source.slice(error.pos[0]))?.[1]?.trim();
      return `The key ${key ? `"${key}" ` : ""}appears twice in the same map; keep one.`;
    }
    default: {
      const clean = error.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "");
      return clean.endsWith(".") ? clean : `${clean}.`;
    }
  }
}

/**
 * The errors the yaml library gives for duplicate keys with `uniqueKeys: true`, found in
 * linear time. The library compares each key with every earlier key of its map, so a map of
 * 20,000 keys took 3 s and a 2 MB one would take hours. Same rule (scalar keys with the same
 * value, by ===), same code, message and position (the later key's start).
 */
function duplicateKeyErrors(document: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        // NaN is not === to itself, so `.nan` keys never repeat.
        if (!isScalar(key) || !key.range || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], "DUPLICATE_KEY", "Map keys must be unique"));
        else seen.add(key.value);
      }
    },
  });
  return errors;
}

function findFirstAlias(document: Document.Parsed): Node | undefined {
  let found: Node | undefined;
  visit(document, {
    Alias(_key, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

// An alias inside the very node its anchor names makes a cycle that no consumer can walk.
function findSelfReferencingAlias(document: Document.Parsed): { source: string; range: [number, number, number] } | undefined {
  let found: { source: string; range: [number, number, number] } | undefined;
  visit(document, {
    Alias(_key, alias) {
      const target = alias.resolve(document);
      const aliasRange = alias.range;
      if (isCollection(target) && target.range && aliasRange && aliasRange[0] >= target.range[0] && aliasRange[1] <= target.range[2]) {
        found = { source: alias.source, range: aliasRange };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Returns the offset where flow brackets plus block indentation levels first nest deeper than
 * `limit`, or undefined. It is a guard, not a parser: quotes and comments are skipped roughly,
 * which is plenty to tell a spec from an attack.
 */
function findExcessiveNesting(text: string, limit: number): number | undefined {
  let flowDepth = 0;
  const indents: number[] = [];
  let i = 0;
  const length = text.length;
  while (i < length) {
    // At the start of a line: measure indentation and the block levels it implies.
    let indent = 0;
    while (text.charCodeAt(i + indent) === 32) indent++;
    const first = text[i + indent];
    if (flowDepth === 0 && first !== undefined && first !== "\n" && first !== "\r" && first !== "#") {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // "- - - x" opens one level per dash on a single line.
      let j = i + indent;
      while (text[j] === "-" && text[j + 1] === " ") {
        indents.push(j - i + 1);
        j += 2;
      }
      if (indents.length > limit) return i + indent;
    }
    i += indent;
    let previous = " ";
    while (i < length) {
      const ch = text[i]!;
      if (ch === "\n" || ch === "\r") {
        i++;
        break;
      }
      if (ch === "#" && (previous === " " || previous === "\t")) {
        while (i < length && text[i] !== "\n" && text[i] !== "\r") i++;
        continue;
      }
      if ((ch === '"' || ch === "'") && /[\s:[{,-]/.test(previous)) {
        i = skipQuoted(text, i);
        previous = ch;
        continue;
      }
      if (ch === "[" || ch === "{") {
        flowDepth++;
        if (flowDepth + indents.length > limit) return i;
      } else if ((ch === "]" || ch === "}") && flowDepth > 0) {
        flowDepth--;
      }
      previous = ch;
      i++;
    }
  }
  return undefined;
}

function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (quote === '"' && ch === "\\") i += 2;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}
