// A fast path for the YAML that specs are made of: block maps and lists, one-line plain and
// quoted scalars, one-line flow lists and maps, and comments. It builds the same yaml
// Document (same node classes, values and ranges) that the yaml library would, about three
// times faster, because it does not have to handle all of YAML. On anything else (anchors,
// tags, block scalars, multi-line scalars, tabs, CR, directives, several documents, a
// duplicate key, odd indentation…) it returns undefined and the yaml library parses the text,
// so every error is still reported by the library, at its position. A differential test
// holds the two paths to the same result over every fixture and the bench corpus.

import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past its content, before any line break. */
  end: number;
  /** Columns of indentation (spaces only). */
  indent: number;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

/** The spec's document built without the general parser, or undefined when it needs it. */
export function fastParse(text: string, maxDepth: number): Document.Parsed | undefined {
  // Characters that start YAML features this path leaves to the library.
  if (/[\t\r\uFEFF]/.test(text) || /^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  try {
    return new FastParser(text, maxDepth).parse();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

class FastParser {
  private readonly lines: Line[] = [];
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      const first = text.charCodeAt(start + indent);
      // Blank and comment-only lines carry no structure.
      if (start + indent < end && first !== 35 /* # */) this.lines.push({ start, end, indent });
      start = end + 1;
    }
  }

  parse(): Document.Parsed {
    if (this.lines.length === 0 || this.lines[0]!.indent !== 0) bail();
    const contents = this.block(0, 0);
    if (this.index < this.lines.length) bail();
    const document = new Document() as Document.Parsed;
    document.contents = contents as Document.Parsed["contents"];
    document.range = [0, this.text.length, this.text.length];
    return document;
  }

  // The block node whose first line is the current one, at `indent`.
  private block(indent: number, depth: number): Node {
    if (depth > this.maxDepth) bail();
    const line = this.lines[this.index]!;
    if (line.indent !== indent) bail();
    return this.text.startsWith("- ", line.start + indent) || this.isBareDash(line, indent) ? this.sequence(indent, depth) : this.map(indent, depth);
  }

  private isBareDash(line: Line, column: number): boolean {
    return line.start + column + 1 === line.end && this.text[line.start + column] === "-";
  }

  // A block map whose keys sit at column `indent`; `first` is its first key when that starts
  // mid-line, right after a list item's "- ".
  private map(indent: number, depth: number, first?: { line: Line; at: number }): YAMLMap {
    if (depth > this.maxDepth) bail();
    const map = new YAMLMap();
    const keys = new Set<unknown>();
    const start = first ? first.at : this.lines[this.index]!.start + indent;
    if (first) map.items.push(this.pair(first.line, first.at, indent, depth, keys));
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      if (this.text.startsWith("- ", line.start + indent) || this.isBareDash(line, indent)) bail();
      map.items.push(this.pair(line, line.start + indent, indent, depth, keys));
    }
    this.close(map, start, indent);
    return map;
  }

  // `key: value` starting at `at`, whose key sits at column `keyColumn`.
  private pair(line: Line, at: number, keyColumn: number, depth: number, keys: Set<unknown>): Pair {
    const key = this.key(at, line.end);
    const colon = key.range![1];
    if (this.text[colon] !== ":") bail();
    if (keys.has(key.value)) bail(); // the library reports duplicate keys
    keys.add(key.value);
    let valueAt = colon + 1;
    while (this.text[valueAt] === " ") valueAt++;
    if (valueAt < line.end && valueAt === colon + 1) bail(); // `a:b` is a plain scalar, not a pair
    this.index++;
    if (valueAt >= line.end || this.text[valueAt] === "#") {
      // Nothing after the colon: a nested block below, or an empty value.
      const next = this.lines[this.index];
      if (next && next.indent > keyColumn) return new Pair(key, this.block(next.indent, depth + 1));
      if (next && next.indent === keyColumn && (this.text.startsWith("- ", next.start + keyColumn) || this.isBareDash(next, keyColumn))) {
        return new Pair(key, this.sequence(keyColumn, depth + 1));
      }
      const empty = new Scalar(null);
      empty.type = Scalar.PLAIN;
      // Like the library, the empty value sits where the comment starts and spans it.
      empty.range = [valueAt, valueAt, valueAt < line.end ? this.afterComment(colon + 1, line) : valueAt];
      return new Pair(key, empty);
    }
    const value = this.inlineValue(valueAt, line, depth, keyColumn);
    this.expectNoContinuation(keyColumn);
    return new Pair(key, value);
  }

  private sequence(indent: number, depth: number): YAMLSeq {
    const seq = new YAMLSeq();
    const start = this.lines[this.index]!.start + indent;
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      const dash = line.start + indent;
      if (this.isBareDash(line, indent)) bail(); // an empty item: left to the library
      if (!this.text.startsWith("- ", dash)) break;
      let at = dash + 2;
      while (this.text[at] === " ") at++;
      if (at >= line.end || this.text[at] === "#" || this.text[at] === "-") bail();
      const column = at - line.start;
      if (this.looksLikeKey(at, line.end)) {
        // `- key: value` starts a map whose keys sit at this column.
        seq.items.push(this.map(column, depth + 1, { line, at }));
      } else {
        this.index++;
        seq.items.push(this.inlineValue(at, line, depth + 1, indent));
        this.expectNoContinuation(indent);
      }
    }
    this.close(seq, start, indent);
    return seq;
  }

  // As the library does: a block collection's value ends where its last item's does, and the
  // node goes on over the comment lines that follow at its indentation or deeper.
  private close(collection: YAMLMap | YAMLSeq, start: number, indent: number): void {
    const last = collection.items[collection.items.length - 1] as Pair<Node, Node | null> | Node;
    const lastNode = (last instanceof Pair ? (last.value ?? last.key) : last) as Node;
    const end = lastNode.range![2];
    let nodeEnd = end;
    for (;;) {
      let i = nodeEnd;
      let column = 0;
      while (this.text[i] === " ") [i, column] = [i + 1, column + 1];
      if (this.text[i] !== "#" || column < indent) break;
      const lineEnd = this.text.indexOf("\n", i);
      nodeEnd = lineEnd < 0 ? this.text.length : lineEnd + 1;
    }
    collection.range = [start, end, nodeEnd];
  }

  // A more indented line after a scalar would continue it over several lines: library's job.
  private expectNoContinuation(indent: number): void {
    const next = this.lines[this.index];
    if (next && next.indent > indent) bail();
  }

  private looksLikeKey(at: number, end: number): boolean {
    const first = this.text[at];
    if (first === '"' || first === "'") {
      const close = this.text.indexOf(first, at + 1);
      return close > 0 && close < end && this.text[close + 1] === ":";
    }
    if (first === "[" || first === "{") return false;
    for (let i = at; i < end; i++) {
      const ch = this.text[i];
      if (ch === ":" && (i + 1 === end || this.text[i + 1] === " ")) return true;
      if (ch === "#" && this.text[i - 1] === " ") return false;
    }
    return false;
  }

  private key(at: number, end: number): Scalar {
    const first = this.text[at];
    if (first === '"' || first === "'") {
      const scalar = this.quoted(at, end);
      scalar.range = [scalar.range![0], scalar.range![1], scalar.range![1]];
      return scalar;
    }
    if (isIndicator(first)) bail();
    let i = at;
    while (i < end) {
      const ch = this.text[i];
      if (ch === ":" && (i + 1 === end || this.text[i + 1] === " ")) break;
      if (ch === "#" && this.text[i - 1] === " ") bail();
      i++;
    }
    if (i >= end) bail();
    let valueEnd = i;
    while (this.text[valueEnd - 1] === " ") valueEnd--;
    const scalar = plainScalar(this.text.slice(at, valueEnd));
    scalar.range = [at, valueEnd, valueEnd];
    return scalar;
  }

  // A value that fits on its line: a flow collection, a quoted or a plain scalar.
  // `parentColumn` is the column of the key or dash the value belongs to.
  private inlineValue(at: number, line: Line, depth: number, parentColumn: number): Node {
    const first = this.text[at];
    if (first === "|" || first === ">") return this.blockScalar(at, line, parentColumn);
    let node: Node;
    let valueEnd: number;
    if (first === "[" || first === "{") {
      node = this.flow(at, line.end, depth + 1);
      valueEnd = node.range![1];
    } else if (first === '"' || first === "'") {
      node = this.quoted(at, line.end);
      valueEnd = node.range![1];
    } else {
      if (isIndicator(first)) bail();
      let i = at;
      while (i < line.end) {
        const ch = this.text[i];
        if (ch === "#" && this.text[i - 1] === " ") break;
        if (ch === ":" && (i + 1 === line.end || this.text[i + 1] === " ")) bail(); // `a: b: c`
        i++;
      }
      valueEnd = i;
      while (this.text[valueEnd - 1] === " ") valueEnd--;
      node = plainScalar(this.text.slice(at, valueEnd));
    }
    const nodeEnd = this.afterComment(valueEnd, line);
    node.range = [node.range?.[0] ?? at, valueEnd, nodeEnd];
    return node;
  }

  // After a value: spaces and an optional comment, then the line break (which the node includes).
  private afterComment(from: number, line: Line): number {
    let i = from;
    while (this.text[i] === " ") i++;
    // Only a comment may follow, and only after a space ("a#b" is one scalar, "[a]#b" an error).
    if (i < line.end && (this.text[i] !== "#" || i === from)) bail();
    return line.end < this.text.length ? line.end + 1 : line.end;
  }

  // `|` or `>`, with an optional chomping indicator, and its lines below, more indented than
  // `parentColumn`. Explicit indentation indicators and more-indented folded lines, whose
  // rules are subtle, are left to the library.
  private blockScalar(at: number, line: Line, parentColumn: number): Scalar {
    const literal = this.text[at] === "|";
    let i = at + 1;
    let chomping: "clip" | "strip" | "keep" = "clip";
    if (this.text[i] === "-" || this.text[i] === "+") chomping = this.text[i++] === "-" ? "strip" : "keep";
    this.afterComment(i, line); // only spaces and a comment may follow the header
    if (i < line.end && this.text[i] !== " ") bail();

    const content: string[] = [];
    let blockIndent = -1;
    let end = line.end + 1; // just after the last content line's break
    let pos = line.end + 1;
    let trailingBlanks = 0;
    while (pos < this.text.length) {
      let lineEnd = this.text.indexOf("\n", pos);
      if (lineEnd < 0) lineEnd = this.text.length;
      let indent = 0;
      while (this.text.charCodeAt(pos + indent) === 32) indent++;
      const blank = pos + indent === lineEnd;
      if (blank) {
        if (blockIndent >= 0 && indent > blockIndent) bail(); // spaces that would be content
        content.push("");
        trailingBlanks++;
      } else {
        if (indent <= parentColumn) break;
        if (blockIndent < 0) blockIndent = indent;
        if (indent < blockIndent) bail();
        if (!literal && indent > blockIndent) bail();
        content.push(this.text.slice(pos + blockIndent, lineEnd));
        trailingBlanks = 0;
        end = lineEnd < this.text.length ? lineEnd + 1 : lineEnd;
      }
      pos = lineEnd + 1;
    }
    if (blockIndent < 0) bail(); // an empty block scalar
    const body = content.slice(0, content.length - trailingBlanks);
    let value = literal ? body.join("\n") : fold(body);
    if (chomping === "clip") value += "\n";
    else if (chomping === "keep") value += "\n".repeat(trailingBlanks + 1);
    if (chomping === "keep" && trailingBlanks > 0) bail(); // the kept lines' range: the library's job

    const scalar = new Scalar(value);
    scalar.type = literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
    scalar.range = [at, end, end];
    while (this.index < this.lines.length && this.lines[this.index]!.start < end) this.index++;
    return scalar;
  }

  private quoted(at: number, end: number): Scalar {
    const quote = this.text[at];
    let value = "";
    let i = at + 1;
    for (;;) {
      if (i >= end) bail(); // not closed on this line
      const ch = this.text[i]!;
      if (quote === "'") {
        if (ch === "'") {
          if (this.text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          break;
        }
        value += ch;
        i++;
      } else {
        if (ch === '"') break;
        if (ch === "\\") {
          const escaped = ESCAPES[this.text[i + 1]!];
          if (escaped === undefined) bail(); // \x, \u and friends: the library's job
          value += escaped;
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
    }
    const scalar = new Scalar(value);
    scalar.type = quote === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    scalar.range = [at, i + 1, i + 1];
    return scalar;
  }

  // A flow list or map closed on the same line, holding scalars, pairs and flow collections.
  private flow(at: number, end: number, depth: number): Node {
    if (depth > this.maxDepth) bail();
    const open = this.text[at];
    const close = open === "[" ? "]" : "}";
    const collection = open === "[" ? new YAMLSeq() : new YAMLMap();
    collection.flow = true;
    const keys = new Set<unknown>();
    let i = this.skipSpaces(at + 1, end);
    if (this.text[i] === close) {
      collection.range = [at, i + 1, i + 1];
      return collection;
    }
    for (;;) {
      const item = this.flowItem(i, end, close, depth);
      i = this.skipSpaces(item.range![1], end);
      if (open === "{" || this.text[i] === ":") {
        // A pair: `key: value`, in a map or (rarely) a list; the latter is the library's.
        if (open === "[") bail();
        if (this.text[i] !== ":" || !isScalarNode(item)) bail();
        if (keys.has((item as Scalar).value)) bail();
        keys.add((item as Scalar).value);
        const afterColon = i + 1;
        if (this.text[afterColon] !== " ") bail();
        const value = this.flowItem(this.skipSpaces(afterColon, end), end, close, depth);
        (collection as YAMLMap).items.push(new Pair(item, value));
        i = this.skipSpaces(value.range![1], end);
      } else {
        (collection as YAMLSeq).items.push(item);
      }
      if (this.text[i] === ",") {
        i = this.skipSpaces(i + 1, end);
        if (this.text[i] === close) bail(); // a trailing comma: the library decides
        continue;
      }
      if (this.text[i] === close) {
        collection.range = [at, i + 1, i + 1];
        return collection;
      }
      bail();
    }
  }

  private flowItem(at: number, end: number, close: string, depth: number): Node {
    const first = this.text[at];
    if (first === "[" || first === "{") return this.flow(at, end, depth + 1);
    if (first === '"' || first === "'") {
      const scalar = this.quoted(at, end);
      scalar.range = [scalar.range![0], scalar.range![1], this.skipSpaces(scalar.range![1], end)];
      return scalar;
    }
    if (at >= end || isIndicator(first) || first === "," || first === close || first === "]" || first === "}") bail();
    let i = at;
    while (i < end) {
      const ch = this.text[i]!;
      if (ch === "," || ch === "[" || ch === "]" || ch === "{" || ch === "}") break;
      if (ch === ":" && (this.text[i + 1] === " " || this.text[i + 1] === "," || this.text[i + 1] === close)) break;
      if (ch === "#" && this.text[i - 1] === " ") bail();
      i++;
    }
    let valueEnd = i;
    while (this.text[valueEnd - 1] === " ") valueEnd--;
    const scalar = plainScalar(this.text.slice(at, valueEnd));
    scalar.range = [at, valueEnd, i];
    return scalar;
  }

  private skipSpaces(at: number, end: number): number {
    let i = at;
    while (i < end && this.text[i] === " ") i++;
    return i;
  }
}

function isScalarNode(node: Node): boolean {
  return node instanceof Scalar;
}

// Folds the lines of a `>` scalar: a line break between two lines becomes a space, and each
// empty line in between one line break.
function fold(lines: readonly string[]): string {
  let value = "";
  let blanks = 0;
  let started = false;
  for (const line of lines) {
    if (line === "") {
      blanks++;
      continue;
    }
    if (started) value += blanks > 0 ? "\n".repeat(blanks) : " ";
    value += line;
    started = true;
    blanks = 0;
  }
  return "\n".repeat(started ? 0 : blanks) + value;
}

// Characters that may not start a plain scalar, or that start a feature left to the library.
function isIndicator(ch: string | undefined): boolean {
  return ch === undefined || "&*!|>%@`?-#,[]{}".includes(ch) ;
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", " ": " " };

/** A plain scalar resolved as the YAML 1.2 core schema (the yaml library's default) does. */
function plainScalar(source: string): Scalar {
  const scalar = new Scalar(resolvePlain(source));
  scalar.type = Scalar.PLAIN;
  (scalar as Scalar & { source?: string }).source = source;
  return scalar;
}

function resolvePlain(source: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(source)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(source)) return false;
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === "nan" ? NaN : source[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}
