// A fast path for the YAML that specs are made of. For a text it accepts, it builds the same
// yaml Document that parse.ts's library path builds (parseAllDocuments with the same options):
// the same node classes, values, scalar types, sources and formats, all three range offsets,
// the same comment, commentBefore and spaceBefore on every node and on the document, and the
// document's own range; and, as it makes the nodes, the document's plain data, equal to what
// document.toJS() gives (so parse.ts need not walk the nodes again). It is several times faster
// because it reads lines, not tokens, and only the YAML below. On anything else it returns
// undefined and the yaml library parses the text, so every error and warning is still the
// library's.
//
// It accepts one document whose root is a block map or block sequence starting at column 0,
// built of:
//   - block maps and sequences, nested by indentation, compact `- key: value` items included;
//   - keys: plain or quoted scalars on one line, unique, at most 512 characters before the colon;
//   - values on the key's or dash's line: plain scalars, on one line or going on over deeper
//     lines, single- and double-quoted scalars on one line or going on over deeper and blank
//     lines (values, folding and escapes resolved by the library's own CST.resolveAsScalar,
//     plain scalars typed by the document's own schema tags, as the library does); flow
//     sequences and maps closed on their line, holding such scalars, `key: value` pairs (in
//     maps) and flow collections; literal and folded block scalars with any chomping and
//     indentation indicator (the body's extent found by the lexer's rules, the value by
//     CST.resolveAsScalar); an empty value;
//   - comment lines and blank lines between and after lines, and a comment after a value or
//     key, each attached where the library's parser attaches it (comment lines right after an
//     empty value, which the library folds into that value, are declined).
// It declines tabs, a byte order mark, a lone CR (CRLF is fine), directives and document
// markers (`---` included), anchors, aliases and tags, explicit keys (`? `), empty sequence
// items, quoted keys over several lines, multi-line flow collections, comments inside flow
// collections, pairs in flow sequences, a root that is not a block collection at column 0,
// and anything the library would report: a bad indentation, a duplicate key, a bad escape, a
// scalar starting with a reserved character, an over-long key… test/unit/fast-yaml.test.ts holds
// the two paths to the same Document, and linting through either to the same findings, over
// named cases, every YAML file of the repository and tens of thousands of generated texts
// (`npm run fuzz` runs a million).

import { CST, Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type Schema } from "yaml";

/**
 * The options parse.ts gives the yaml library; the differential test holds the two equal.
 * Duplicate keys are not the library's to find there (parse.ts finds them in linear time),
 * and this path declines any text that has one.
 */
const LIBRARY_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: "silent" } as const;

// Keys longer than this are left to the library, which checks the 1,024-character limit on
// implicit keys from offsets this path does not track.
const MAX_KEY_LENGTH = 512;

class Bail extends Error {}
// One instance, thrown without a fresh stack trace each time.
const BAIL = new Bail("not for the fast path");
const bail = (): never => {
  throw BAIL;
};

// biome-ignore lint/suspicious/noConstEnum: private to this file, so tsc and esbuild both inline it: none of the cross-file pitfalls the rule guards against
const enum Kind {
  Content,
  Blank,
  Comment,
}

// What ends a plain scalar on a line (see plainEnd).
// biome-ignore lint/suspicious/noConstEnum: as Kind
const enum Stop {
  Colon,
  Comment,
  Flow,
  End,
}

/** A document read by the fast path, with its plain data. */
export interface FastParsed {
  document: Document.Parsed;
  /** What document.toJS() gives, made while the nodes are: see addPairData. */
  data: unknown;
}

/** The spec's document built without the general parser, or undefined when it needs it. */
export function fastParse(text: string, maxDepth: number): Document.Parsed | undefined {
  return fastParseWithData(text, maxDepth)?.document;
}

/** fastParse's document with its plain data, or undefined when the text needs the general parser. */
export function fastParseWithData(text: string, maxDepth: number): FastParsed | undefined {
  // Characters that start YAML features this path leaves to the library: a tab, a byte order
  // mark, a lone CR (CRLF is fine). One native scan each is cheaper than one regular
  // expression over the text; markers at a line start are found as the lines are split.
  if (text.includes("\t") || text.includes("\uFEFF") || hasLoneCarriageReturn(text)) return undefined;
  // A line break the split below does not see (U+2028, U+2029; rare) can start a line that
  // holds a document marker or a directive, as the multiline `^` reads it.
  if ((text.includes("\u2028") || text.includes("\u2029")) && /^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  try {
    // parse.ts refuses text nested deeper than maxDepth by its own count, which can give a
    // level of this path two (a dash and the key after it); a quarter keeps well inside it.
    return new FastParser(text, Math.floor(maxDepth / 4)).parse();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

// Comments and blank lines before a node, read as the library's resolveProps reads the
// tokens in front of a key, a sequence item or a value: comments join with the line breaks
// between them, and a blank line before the first comment sets spaceBefore.
class Props {
  comment = "";
  spaceBefore = false;
  private separator = "";

  constructor(private atNewline: boolean) {}

  addComment(source: string): void {
    const body = source.substring(1) || " ";
    this.comment = this.comment ? this.comment + this.separator + body : body;
    this.separator = "";
    this.atNewline = false;
  }

  addNewline(source: string): void {
    if (this.atNewline) {
      if (this.comment) this.comment += source;
      else this.spaceBefore = true;
    } else this.separator += source;
    this.atNewline = true;
  }
}

// Comments after a node, read as the library's resolveEnd reads them: line breaks count only
// once a comment has been seen.
class EndComment {
  comment = "";
  private separator = "";

  addComment(source: string): void {
    const body = source.substring(1) || " ";
    this.comment = this.comment ? this.comment + this.separator + body : body;
    this.separator = "";
  }

  addNewline(source: string): void {
    if (this.comment) this.separator += source;
  }
}

// Every read of the text stays inside it: charCodeAt or [] one past the end (NaN, undefined)
// makes V8 throw away the optimised code of the method that did it, and compile it again.
class FastParser {
  private readonly starts: number[];
  /** Offset just past each line's content, before its line break. */
  private readonly ends: number[];
  /** Offset of the next line (past the line break). */
  private readonly nexts: number[];
  private readonly indents: number[];
  private readonly kinds: Kind[];
  private readonly count: number;
  /** The line being read. */
  private line = 0;
  /**
   * What the node built last leaves when it ends: the run of comment and blank lines
   * [endingFrom, endingTo) after it, handed to its parent (none when the two are equal). Kept
   * here rather than returned with the node: one object less per value.
   */
  private endingFrom = 0;
  private endingTo = 0;
  /** Where the key read last by key() has its colon. */
  private colon = 0;
  /** How the plain scalar measured last by plainEnd() stopped, and where. */
  private plainStop = Stop.End;
  private plainStopAt = 0;
  /**
   * The plain data of the node built last, as toJS() gives it: a scalar's value, an array or
   * an object. Each node is done after its children, so right after a method returns a node,
   * this is that node's data.
   */
  private data: unknown = undefined;
  /** The names an object literal has from Object.prototype (`__proto__`, `toString`…), read when the parse starts. */
  private readonly inheritedNames = new Set(Object.getOwnPropertyNames(Object.prototype));
  private schema!: Schema;
  /** The schema's default tags a plain scalar is tried against, in the schema's order (as a value, and as a key). */
  private valueTags: ScalarTag[] = [];
  private keyTags: ScalarTag[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    const length = text.length;
    const starts: number[] = [];
    const ends: number[] = [];
    const nexts: number[] = [];
    const indents: number[] = [];
    const kinds: Kind[] = [];
    let start = 0;
    while (start < length) {
      let lineBreak = text.indexOf("\n", start);
      if (lineBreak < 0) lineBreak = length;
      const end = lineBreak > start && text.charCodeAt(lineBreak - 1) === 13 ? lineBreak - 1 : lineBreak;
      if (startsMarker(text, start)) bail();
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      starts.push(start);
      ends.push(end);
      nexts.push(lineBreak < length ? lineBreak + 1 : length);
      indents.push(indent);
      kinds.push(start + indent >= end ? Kind.Blank : text.charCodeAt(start + indent) === 35 /* # */ ? Kind.Comment : Kind.Content);
      start = lineBreak + 1;
    }
    this.starts = starts;
    this.ends = ends;
    this.nexts = nexts;
    this.indents = indents;
    this.kinds = kinds;
    this.count = starts.length;
  }

  parse(): FastParsed {
    const document = new Document(undefined, LIBRARY_OPTIONS) as Document.Parsed;
    this.schema = document.schema;
    const { tags } = this.schema as unknown as { tags: ScalarTag[] };
    this.valueTags = tags.filter((tag) => tag.default === true && tag.test);
    this.keyTags = tags.filter((tag) => (tag.default === true || tag.default === "key") && tag.test);
    // Lines before the content are the document's prelude, read as the library's Composer does.
    let first = 0;
    let prelude = "";
    let atComment = false;
    let afterEmptyLine = false;
    for (; first < this.count && this.kinds[first] !== Kind.Content; first++) {
      if (this.kinds[first] === Kind.Comment) {
        const source = this.text.slice(this.starts[first]! + this.indents[first]!, this.ends[first]!);
        prelude += (prelude === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        if (this.nexts[first]! > this.ends[first]!) atComment = false; // its line break
      } else if (this.nexts[first]! > this.ends[first]!) {
        if (!atComment) afterEmptyLine = true;
        atComment = false;
      }
    }
    if (first === this.count || this.indents[first] !== 0) bail();
    this.line = first;
    const contents = this.block(0, 0);
    if (this.line < this.count) bail();

    const contentEnd = contents.range![2];
    // The comment and blank lines after the root collection belong to the document.
    const { endingFrom, endingTo } = this;
    const after = new EndComment();
    this.readTrivia(endingFrom, endingTo, after);
    if (after.comment) document.comment = after.comment;
    const end = endingFrom < endingTo ? this.nexts[endingTo - 1]! : contentEnd;
    if (prelude) {
      if (afterEmptyLine) document.commentBefore = prelude;
      else {
        const firstItem = contents.items[0]!;
        const target = (firstItem instanceof Pair ? firstItem.key : firstItem) as Node;
        target.commentBefore = target.commentBefore ? `${prelude}\n${target.commentBefore}` : prelude;
      }
    }
    document.contents = contents as Document.Parsed["contents"];
    document.range = [this.starts[first]!, contentEnd, end];
    return { document, data: this.data };
  }

  // ------------------------------------------------------------------------------------------
  // Lines.

  private lineText(line: number): string {
    return this.text.slice(this.starts[line]! + this.indents[line]!, this.ends[line]!);
  }

  private lineBreak(line: number): string {
    return this.nexts[line]! - this.ends[line]! === 1 ? "\n" : "\r\n";
  }

  /** The first line at or after `line` that holds content (or the line count). */
  private nextContent(line: number): number {
    let i = line;
    while (i < this.count && this.kinds[i] !== Kind.Content) i++;
    return i;
  }

  // Feeds the tokens of comment and blank lines [from, to) to a props or end-comment reader.
  private readTrivia(from: number, to: number, into: Props | EndComment): void {
    for (let i = from; i < to; i++) {
      if (this.kinds[i] === Kind.Comment) into.addComment(this.lineText(i));
      if (this.nexts[i]! > this.ends[i]!) into.addNewline(this.lineBreak(i));
    }
  }

  private hasComment(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.kinds[i] === Kind.Comment) return true;
    return false;
  }

  // ------------------------------------------------------------------------------------------
  // Block collections.

  // The block collection whose first line is the current one, at `column`.
  private block(column: number, depth: number): YAMLMap | YAMLSeq {
    return this.isDash(this.line, column) ? this.sequence(column, depth) : this.map(column, depth);
  }

  private isDash(line: number, column: number): boolean {
    const at = this.starts[line]! + column;
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 >= this.ends[line]! || this.text.charCodeAt(at + 1) === 32);
  }

  // A block map whose keys sit at `column`. With `firstKeyAt`, its first key starts mid-line,
  // after a sequence item's dash; otherwise on the current line.
  private map(column: number, depth: number, firstKeyAt?: number): YAMLMap {
    if (depth > this.maxDepth) bail();
    const map = new YAMLMap(this.schema);
    const data: Record<string, unknown> = {};
    const start = firstKeyAt ?? this.starts[this.line]! + column;
    let beforeFrom = this.line;
    let beforeTo = this.line;
    let at = start;
    let valueEnd = start;
    for (;;) {
      const pair = this.pair(this.line, at, column, depth, beforeFrom, beforeTo);
      addPairData(data, map.items, pair.key as Scalar, this.data, this.inheritedNames);
      map.items.push(pair);
      valueEnd = (pair.value as Node).range![2];
      beforeFrom = this.endingFrom;
      beforeTo = this.endingTo;
      // The next content line decides: a key of this map, or the end of it.
      const next = this.line;
      if (next >= this.count || this.indents[next]! < column) break;
      if (this.indents[next]! > column || this.isDash(next, column)) bail();
      at = this.starts[next]! + column;
    }
    this.close(map, start, valueEnd, column, beforeFrom, beforeTo);
    this.data = data;
    return map;
  }

  // At the end of a collection: the library hands the comment and blank lines after its last
  // item to the parent, unless a comment among them sits at the collection's column or deeper;
  // then they stay as the collection's comment, and its range runs over them.
  // Sets the ending it leaves.
  private close(collection: YAMLMap | YAMLSeq, start: number, valueEnd: number, column: number, from: number, to: number): void {
    this.endingFrom = from;
    this.endingTo = to;
    if (from < to && column > 0) {
      let stays = false;
      for (let i = from; i < to; i++) if (this.kinds[i] === Kind.Comment && this.indents[i]! >= column) stays = true;
      if (stays) {
        const props = new Props(true);
        this.readTrivia(from, to, props);
        if (props.comment) collection.comment = props.comment;
        // The next line's indentation joins the run before the collection ends.
        const end = to < this.count ? this.starts[to]! + this.indents[to]! : this.nexts[to - 1]!;
        collection.range = [start, valueEnd, end];
        this.endingFrom = to;
        return;
      }
    }
    collection.range = [start, valueEnd, valueEnd];
  }

  // One `key: value` of a block map, its key at `at` on `line`; `before` are the comment and
  // blank lines [beforeFrom, beforeTo) in front of it. Leaves the current line at the next
  // content line.
  private pair(line: number, at: number, column: number, depth: number, beforeFrom: number, beforeTo: number): Pair {
    const lineEnd = this.ends[line]!;
    const key = this.key(at, lineEnd);
    const colon = this.colon;
    if (colon - this.starts[line]! > MAX_KEY_LENGTH) bail();
    if (beforeFrom < beforeTo) {
      const props = new Props(true);
      this.readTrivia(beforeFrom, beforeTo, props);
      if (props.spaceBefore) key.spaceBefore = true;
      if (props.comment) key.commentBefore = props.comment;
    }
    let valueAt = colon + 1;
    if (valueAt < lineEnd && this.text.charCodeAt(valueAt) !== 32) bail(); // `a:b` is one scalar
    while (this.text.charCodeAt(valueAt) === 32) valueAt++;
    const value =
      valueAt < lineEnd && this.text.charCodeAt(valueAt) !== 35 /* # */
        ? this.inlineValue(valueAt, line, column, depth)
        : this.emptyValue(valueAt, line, column, depth, colon);
    return new Pair(key, value);
  }

  // Nothing after the colon but perhaps a comment: a block collection below, or an empty value.
  private emptyValue(valueAt: number, line: number, column: number, depth: number, colon: number): Node {
    const lineEnd = this.ends[line]!;
    const hasComment = valueAt < lineEnd;
    if (hasComment && valueAt === colon + 1) bail(); // `a:#b`
    const next = this.nextContent(line + 1);
    const nested = next < this.count && (this.indents[next]! > column || (this.indents[next] === column && this.isDash(next, column)));
    // The tokens after the colon, as the library's resolveProps reads them for the value.
    const props = new Props(false);
    if (hasComment) props.addComment(this.text.slice(valueAt, lineEnd));
    if (this.nexts[line]! > lineEnd) props.addNewline(this.lineBreak(line));
    if (nested) {
      this.readTrivia(line + 1, next, props);
      this.line = next;
      const node = this.block(this.indents[next]!, depth + 1);
      if (props.spaceBefore) node.spaceBefore = true;
      if (props.comment) node.commentBefore = props.comment;
      // What the nested collection hands over (its ending) is in front of this map's next key.
      return node;
    }
    // An empty scalar. Comment lines after it would join its own props: left to the library.
    if (this.hasComment(line + 1, next)) bail();
    const empty = this.scalar("", Scalar.PLAIN, true, false, valueAt, valueAt);
    this.line = next;
    const continues = next < this.count && this.indents[next] === column;
    if (continues) {
      // The library gives the blank lines from the second line break on to the next key, and
      // the value's props end before that break.
      if (props.comment) empty.range![2] = line + 1 < next ? this.ends[line + 1]! : this.starts[next]! + this.indents[next]!;
      this.endingFrom = line + 1;
      this.endingTo = next;
      return withEmptyProps(empty, props);
    }
    // The map ends here: every blank line after the value stays in its props.
    this.readTrivia(line + 1, next, props);
    if (props.comment) empty.range![2] = next < this.count ? this.starts[next]! + this.indents[next]! : this.text.length;
    this.endingFrom = next;
    this.endingTo = next;
    return withEmptyProps(empty, props);
  }

  private sequence(column: number, depth: number): YAMLSeq {
    if (depth > this.maxDepth) bail();
    const seq = new YAMLSeq(this.schema);
    const data: unknown[] = [];
    const start = this.starts[this.line]! + column;
    let beforeFrom = this.line;
    let beforeTo = this.line;
    let valueEnd = start;
    for (;;) {
      const line = this.line;
      const lineEnd = this.ends[line]!;
      let at = this.starts[line]! + column + 1;
      if (at >= lineEnd) bail(); // an empty item: left to the library
      while (this.text.charCodeAt(at) === 32) at++;
      const first = this.text.charCodeAt(at);
      if (at >= lineEnd || first === 35 /* # */) bail();
      // `- key: value` starts a map whose keys sit at this column.
      const item = this.looksLikeKey(at, lineEnd) ? this.map(at - this.starts[line]!, depth + 1, at) : this.inlineValue(at, line, column, depth);
      if (beforeFrom < beforeTo) {
        const props = new Props(true);
        this.readTrivia(beforeFrom, beforeTo, props);
        this.withItemProps(item, props);
      }
      seq.items.push(item);
      data.push(this.data);
      valueEnd = item.range![2];
      beforeFrom = this.endingFrom;
      beforeTo = this.endingTo;
      const next = this.line;
      if (next >= this.count || this.indents[next]! < column) break;
      if (this.indents[next]! > column) bail();
      if (!this.isDash(next, column)) {
        // A key at the sequence's own column ends it, when the sequence is a map's value at
        // the key's column; the map checks the line.
        break;
      }
    }
    this.close(seq, start, valueEnd, column, beforeFrom, beforeTo);
    this.data = data;
    return seq;
  }

  private withItemProps(node: Node, props: Props): void {
    if (props.spaceBefore) node.spaceBefore = true;
    if (props.comment) node.commentBefore = props.comment;
  }

  // Whether the text at `at` reads as `key:` (so a dash's line starts a compact map).
  private looksLikeKey(at: number, end: number): boolean {
    const first = this.text[at];
    if (first === '"' || first === "'") {
      const close = this.closingQuote(at, end);
      if (close < 0) return false;
      let i = close + 1;
      while (i < this.text.length && this.text.charCodeAt(i) === 32) i++;
      return i < this.text.length && this.text.charCodeAt(i) === 58; // :
    }
    if (first === "[" || first === "{") return false;
    this.plainEnd(at, end, false);
    return this.plainStop === Stop.Colon;
  }

  // ------------------------------------------------------------------------------------------
  // Values on a line.

  // A key at `at`; sets `colon` to where its colon is.
  private key(at: number, end: number): Scalar {
    const first = this.text.charCodeAt(at);
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const close = this.closingQuote(at, end);
      if (close < 0) bail();
      const key = this.quoted(at, close + 1, true);
      let colon = close + 1;
      while (this.text.charCodeAt(colon) === 32) colon++;
      if (this.text.charCodeAt(colon) !== 58 /* : */) bail();
      this.colon = colon;
      return key;
    }
    if (this.startsSomethingElse(at, end)) bail();
    const valueEnd = this.plainEnd(at, end, false);
    if (this.plainStop !== Stop.Colon) bail();
    this.colon = this.plainStopAt;
    return this.plain(at, valueEnd, true);
  }

  // Whether a block-context token starting at `at` is not a plain scalar: an indicator, a
  // quote, a flow collection, a comment, an anchor, alias or tag, a block scalar header.
  private startsSomethingElse(at: number, end: number): boolean {
    const ch = this.text[at]!;
    if ("#&*!|>'\"[]{}".includes(ch)) return true;
    if (ch === "-" || ch === "?" || ch === ":") return at + 1 >= end || this.text.charCodeAt(at + 1) === 32;
    return false;
  }

  // Where a one-line plain scalar from `at` ends, as the yaml lexer decides: before ": ", a
  // colon at the line's end, " #", or (in flow) a flow indicator. Returns the offset just past
  // its last character, and sets `plainStop` and `plainStopAt` to what stopped it and where.
  private plainEnd(at: number, end: number, inFlow: boolean): number {
    const text = this.text;
    let valueEnd = at;
    for (let i = at; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 /* : */) {
        const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
        if (next === 32 || (inFlow && isFlowIndicator(next))) return this.stopped(valueEnd, Stop.Colon, i);
        valueEnd = i + 1;
      } else if (ch === 32) {
        const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
        if (next === 35 /* # */) return this.stopped(valueEnd, Stop.Comment, i + 1);
        if (inFlow && isFlowIndicator(next)) return this.stopped(valueEnd, Stop.Flow, i + 1);
      } else if (inFlow && isFlowIndicator(ch)) {
        return this.stopped(valueEnd, Stop.Flow, i);
      } else valueEnd = i + 1;
    }
    return this.stopped(valueEnd, Stop.End, end);
  }

  private stopped(valueEnd: number, stop: Stop, at: number): number {
    this.plainStop = stop;
    this.plainStopAt = at;
    return valueEnd;
  }

  // A value that starts on its key's or dash's line at `at`: a flow collection, a quoted or
  // plain scalar, or a block scalar. `column` is the column of the collection it belongs to.
  // Leaves the current line at the next content line.
  private inlineValue(at: number, firstLine: number, column: number, depth: number): Node {
    let line = firstLine;
    let lineEnd = this.ends[line]!;
    const first = this.text.charCodeAt(at);
    if (first === 124 /* | */ || first === 62 /* > */) return this.blockScalar(at, line, column);
    let node: Node;
    let valueEnd: number;
    if (first === 91 /* [ */ || first === 123 /* { */) {
      node = this.flow(at, lineEnd, depth + 1);
      valueEnd = node.range![1];
    } else if (first === 34 /* " */ || first === 39 /* ' */) {
      let close = this.closingQuote(at, lineEnd);
      if (close < 0) {
        // Not closed on this line: the scalar goes on over the lines below, as far as its
        // closing quote, if each line on the way is blank or deeper than the collection (the
        // lexer's continueScalar); a line less deep ends it early, which is an error.
        close = this.closingQuote(at, this.text.length);
        if (close < 0) bail();
        while (this.nexts[line]! <= close) {
          line++;
          if (this.kinds[line] !== Kind.Blank && this.indents[line]! <= column) bail();
        }
        lineEnd = this.ends[line]!;
      }
      node = this.quoted(at, close + 1, false);
      valueEnd = close + 1;
    } else {
      if (this.startsSomethingElse(at, lineEnd)) bail();
      valueEnd = this.plainEnd(at, lineEnd, false);
      const stop = this.plainStop;
      if (stop === Stop.Colon) bail(); // `a: b: c`
      if (stop === Stop.End) {
        // The lexer goes on over blank lines and lines deeper than the collection, up to a
        // comment, a less indented line, or a colon (which would make the scalar a key).
        for (let j = line + 1; j < this.count; j++) {
          const kind = this.kinds[j];
          if (kind === Kind.Blank) continue;
          if (kind === Kind.Comment || this.indents[j]! <= column) break;
          const more = this.plainEnd(this.starts[j]! + this.indents[j]!, this.ends[j]!, false);
          if (this.plainStop === Stop.Colon) bail();
          valueEnd = more;
          line = j;
          if (this.plainStop === Stop.Comment) break;
        }
        lineEnd = this.ends[line]!;
      }
      node = this.plain(at, valueEnd, false);
    }
    // After the value: spaces, a comment after a space, the line break. Most values have no
    // comment after them, so the reader is made only for one (line breaks before the first
    // comment do not count).
    let after: EndComment | undefined;
    let i = valueEnd;
    while (i < lineEnd && this.text.charCodeAt(i) === 32) i++;
    if (i < lineEnd) {
      if (this.text.charCodeAt(i) !== 35 || i === valueEnd) bail(); // `'a'b`, `[a]#b`
      after = new EndComment();
      after.addComment(this.text.slice(i, lineEnd));
      if (this.nexts[line]! > lineEnd) after.addNewline(this.lineBreak(line));
    }
    let nodeEnd = this.nexts[line]!;
    // Comment lines deeper than the collection, with the blank lines before them, join the
    // value's end, as the library's parser puts them there.
    const next = this.nextContent(line + 1);
    let absorbed = line + 1;
    for (let i = line + 1; i < next; i++) {
      if (this.kinds[i] !== Kind.Comment) continue;
      if (this.indents[i]! <= column) break;
      absorbed = i + 1;
    }
    if (absorbed > line + 1) {
      after ??= new EndComment();
      this.readTrivia(line + 1, absorbed, after);
      nodeEnd = this.nexts[absorbed - 1]!;
    }
    // A deeper content line next (after a comment line, or after a quoted scalar or flow
    // collection) would be an error.
    if (next < this.count && this.indents[next]! > column) bail();
    if (after?.comment) node.comment = after.comment;
    const range = node.range!;
    range[1] = valueEnd;
    range[2] = nodeEnd;
    this.line = next;
    this.endingFrom = absorbed;
    this.endingTo = next;
    return node;
  }

  // `|` or `>` and its header at `at`; the body's extent found as the yaml lexer finds it, its
  // value, type, comment and range from the library's own CST.resolveAsScalar.
  private blockScalar(at: number, line: number, column: number): Node {
    const text = this.text;
    const lineEnd = this.ends[line]!;
    let headerEnd = at + 1;
    let keep = false;
    let explicit = -1;
    for (;;) {
      const ch = text[headerEnd];
      if (ch === "+") keep = true;
      else if (ch !== undefined && ch > "0" && ch <= "9") explicit = Number(ch) - 1;
      else if (ch !== "-") break;
      headerEnd++;
    }
    while (headerEnd < lineEnd && text[headerEnd] !== " " && text[headerEnd] !== "#") headerEnd++;
    const props: CST.SourceToken[] = [{ type: "block-scalar-header", offset: at, indent: column, source: text.slice(at, headerEnd) }];
    let i = headerEnd;
    while (text.charCodeAt(i) === 32) i++;
    if (i > headerEnd) props.push({ type: "space", offset: headerEnd, indent: column, source: text.slice(headerEnd, i) });
    if (i < lineEnd) {
      if (text[i] !== "#") bail();
      props.push({ type: "comment", offset: i, indent: column, source: text.slice(i, lineEnd) });
    }
    if (this.nexts[line]! > lineEnd) props.push({ type: "newline", offset: lineEnd, indent: column, source: this.lineBreak(line) });

    // The body, by the lexer's parseBlockScalar: its indentation is that of the first line with
    // content; it runs while lines are blank or indented that far; trailing blank lines are
    // dropped unless kept (+), but not those with more spaces than the first content line.
    const length = text.length;
    const pos = this.nexts[line]!;
    let nl = pos - 1;
    let indent = 0;
    for (let j = pos; j < length; j++) {
      const ch = text.charCodeAt(j);
      if (ch === 32) indent++;
      else if (ch === 10) {
        nl = j;
        indent = 0;
      } else if (ch !== 13 || text.charCodeAt(j + 1) !== 10) break;
    }
    let indentNext = column + 1;
    if (indent >= indentNext) {
      indentNext = explicit === -1 ? indent : explicit + indentNext;
      do {
        const continued = this.continueBlockScalar(nl + 1, indentNext);
        if (continued === -1) break;
        nl = text.indexOf("\n", continued);
      } while (nl !== -1);
      if (nl === -1) nl = length;
    }
    if (!keep) {
      for (;;) {
        let j = nl - 1;
        let ch = text[j];
        if (ch === "\r") ch = text[--j];
        const lastChar = j;
        while (ch === " ") ch = text[--j];
        if (ch === "\n" && j >= pos && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    const bodyEnd = Math.min(nl + 1, length);
    const token: CST.BlockScalar = { type: "block-scalar", offset: at, indent: column, props, source: text.slice(pos, bodyEnd) };
    const resolved = CST.resolveAsScalar(token, true, bail);
    if (!resolved || resolved.type === null) bail();
    const node = this.scalar(resolved!.value, resolved!.type!, false, false, at, at);
    node.range = resolved!.range;
    if (resolved!.comment) node.comment = resolved!.comment;

    // Lines after the body: comment and blank lines the parent collection gets, then the next
    // content line, which must not be deeper than the collection.
    let after = line + 1;
    while (after < this.count && this.starts[after]! < bodyEnd) after++;
    const next = this.nextContent(after);
    if (next < this.count && this.indents[next]! > column) bail();
    this.line = next;
    this.endingFrom = after;
    this.endingTo = next;
    return node;
  }

  // The lexer's continueScalar for a block scalar: where the line at `offset` goes on, or -1.
  private continueBlockScalar(offset: number, indentNext: number): number {
    const text = this.text;
    const length = text.length;
    let at = offset;
    while (at < length && text.charCodeAt(at) === 32) at++;
    const code = at < length ? text.charCodeAt(at) : -1;
    if (code === 13 && at + 1 < length && text.charCodeAt(at + 1) === 10) return at + 1;
    return code === 10 || at - offset >= indentNext ? at : -1;
  }

  // The offset of the quote that closes the one at `at` on this line, or -1.
  private closingQuote(at: number, end: number): number {
    const quote = this.text[at];
    let close = this.text.indexOf(quote!, at + 1);
    if (quote === "'") {
      while (close >= 0 && close < end && close + 1 < this.text.length && this.text.charCodeAt(close + 1) === 39 /* ' */) {
        close = this.text.indexOf("'", close + 2);
      }
    } else {
      while (close >= 0 && close < end) {
        let backslashes = 0;
        while (this.text[close - 1 - backslashes] === "\\") backslashes++;
        if (backslashes % 2 === 0) break;
        close = this.text.indexOf('"', close + 1);
      }
    }
    return close >= 0 && close < end ? close : -1;
  }

  // A quoted scalar from `at` to `end` (past its closing quote), resolved by the library.
  // A quoted scalar's value, as the library's singleQuotedValue and doubleQuotedValue give it:
  // the text between the quotes with its lines folded (the same folding for both: spaces
  // around a line break dropped, one break a space, n empty lines n breaks), each '' made one
  // ' in a single-quoted one. A double-quoted one with a backslash (an escape, or an escaped
  // line break) is left to the library's own resolution.
  private quoted(at: number, end: number, atKey: boolean): Scalar {
    const text = this.text;
    const inner = text.slice(at + 1, end - 1);
    if (text.charCodeAt(at) === 39 /* ' */) {
      const folded = unfoldLines(inner);
      return this.scalar(folded.includes("''") ? folded.replaceAll("''", "'") : folded, Scalar.QUOTE_SINGLE, false, atKey, at, end);
    }
    if (!inner.includes("\\")) return this.scalar(unfoldLines(inner), Scalar.QUOTE_DOUBLE, false, atKey, at, end);
    const resolved = CST.resolveAsScalar({ type: "double-quoted-scalar", offset: at, indent: 0, source: text.slice(at, end) }, true, bail);
    return this.scalar(resolved!.value, resolved!.type!, false, atKey, at, end);
  }

  private plain(at: number, end: number, atKey: boolean): Scalar {
    const source = this.text.slice(at, end);
    // The library's plainValue reports a first character a plain scalar may not start with
    // (the callers have declined the others), and folds line breaks.
    const first = source.charCodeAt(0);
    if (first === 44 /* , */ || first === 37 /* % */ || first === 64 /* @ */ || first === 96 /* ` */) bail();
    return this.scalar(unfoldLines(source), Scalar.PLAIN, true, atKey, at, end);
  }

  // A scalar node as the library's composeScalar makes it: a plain scalar typed by the first
  // of the schema's default tags whose test matches, any other by the string tag. The string
  // tag (the schema's fallback, yaml's common/string.js) resolves a text to the text itself and
  // has no format, so a string's node is made here without it: the same Scalar, the same fields
  // in the same order.
  private scalar(value: string, type: Scalar.Type, plain: boolean, atKey: boolean, start: number, end: number): Scalar {
    const tag = plain && mayBeTyped(value) ? this.typedTag(value, atKey) : undefined;
    let node: Scalar & { source?: string };
    if (tag) {
      const resolved = tag.resolve(value, bail, LIBRARY_OPTIONS);
      node = isScalar(resolved) ? resolved : new Scalar(resolved);
    } else node = new Scalar(value);
    node.range = [start, end, end];
    node.source = value;
    node.type = type;
    if (tag?.format) node.format = tag.format;
    this.data = node.value;
    return node;
  }

  // The first of the schema's default tags (for a key, those for keys too) whose test matches.
  private typedTag(value: string, atKey: boolean): ScalarTag | undefined {
    const tags = atKey ? this.keyTags : this.valueTags;
    for (let i = 0; i < tags.length; i++) if (tags[i]!.test!.test(value)) return tags[i];
    return undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Flow collections, on one line.

  private flow(at: number, end: number, depth: number): YAMLMap | YAMLSeq {
    if (depth > this.maxDepth) bail();
    const isMap = this.text[at] === "{";
    const close = isMap ? 125 /* } */ : 93; /* ] */
    const collection = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    collection.flow = true;
    const mapData: Record<string, unknown> = {};
    const seqData: unknown[] = [];
    let i = this.skipSpaces(at + 1, end);
    while (this.text.charCodeAt(i) !== close) {
      if (isMap) {
        const key = this.flowItem(i, end, depth, true);
        let colon = key.range![1];
        if (this.text.charCodeAt(colon) !== 58 /* : */ || this.text.charCodeAt(colon + 1) !== 32) bail();
        colon = this.skipSpaces(colon + 1, end);
        const value = this.flowItem(colon, end, depth, false);
        addPairData(mapData, (collection as YAMLMap).items, key as Scalar, this.data, this.inheritedNames);
        (collection as YAMLMap).items.push(new Pair(key, value));
        i = value.range![2];
      } else {
        const item = this.flowItem(i, end, depth, false);
        (collection as YAMLSeq).items.push(item);
        seqData.push(this.data);
        i = item.range![2];
      }
      const ch = this.text.charCodeAt(i);
      if (ch === 44 /* , */) i = this.skipSpaces(i + 1, end);
      else if (ch !== close) bail();
    }
    // Past the closing bracket: the caller adds what follows.
    collection.range = [at, i + 1, i + 1];
    this.data = isMap ? mapData : seqData;
    return collection;
  }

  // A scalar or flow collection inside a flow collection. A key's range ends with its text;
  // anything else's range[2] runs over the spaces after it, as the library's do.
  private flowItem(at: number, end: number, depth: number, isKey: boolean): Node {
    if (at >= end) bail();
    const first = this.text[at]!;
    let node: Node;
    let valueEnd: number;
    if (first === "[" || first === "{") {
      if (isKey) bail();
      node = this.flow(at, end, depth + 1);
      valueEnd = node.range![1];
    } else if (first === '"' || first === "'") {
      const close = this.closingQuote(at, end);
      if (close < 0) bail();
      node = this.quoted(at, close + 1, isKey);
      valueEnd = close + 1;
    } else {
      if ("#&*!|>,]}".includes(first)) bail();
      if (
        (first === "-" || first === "?" || first === ":") &&
        (at + 1 >= end || this.text.charCodeAt(at + 1) === 32 || isFlowIndicator(this.text.charCodeAt(at + 1)))
      )
        bail();
      const plainEnd = this.plainEnd(at, end, true);
      const stop = this.plainStop;
      const stopAt = this.plainStopAt;
      if (stop === Stop.Comment || stop === Stop.End) bail();
      // A colon here makes a pair: fine as a key in a map, left to the library elsewhere.
      if (stop === Stop.Colon && !isKey) bail();
      if (stop !== Stop.Colon && isKey) bail();
      node = this.plain(at, plainEnd, isKey);
      valueEnd = stop === Stop.Colon ? stopAt : plainEnd;
      if (isKey) {
        node.range = [at, plainEnd, plainEnd];
        return node;
      }
    }
    if (isKey) return node;
    node.range = [node.range![0], valueEnd, this.skipSpaces(valueEnd, end)];
    return node;
  }

  private skipSpaces(at: number, end: number): number {
    let i = at;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }
}

// Adds a pair's plain data to its map's, as toJS's addPairToJSMap does: the key's value made a
// string (null as ""), and a key that an object already has (`__proto__`, `toString`, or one
// that came before) defined as an own property rather than set. `earlier` are the map's pairs
// before this one; `inheritedNames` are Object.prototype's own names. A duplicate key, which
// the library reports, declines the text: keys with equal values make the same string, so only
// a string seen before needs the closer look.
function addPairData(data: Record<string, unknown>, earlier: readonly Pair[], key: Scalar, value: unknown, inheritedNames: ReadonlySet<string>): void {
  const keyValue = key.value;
  // The core schema's tags make strings, numbers, booleans and null; never an object.
  if (typeof keyValue === "object" && keyValue !== null) bail();
  const stringKey = keyValue === null ? "" : String(keyValue);
  // `stringKey in data`, told apart without a lookup along the prototype chain: data is an
  // object literal, so a key is in it when it is its own or Object.prototype's.
  if (inheritedNames.has(stringKey) || Object.hasOwn(data, stringKey)) {
    if (Object.hasOwn(data, stringKey)) for (const pair of earlier) if (sameValueZero((pair.key as Scalar).value, keyValue)) bail();
    Object.defineProperty(data, stringKey, { value, writable: true, enumerable: true, configurable: true });
  } else data[stringKey] = value;
}

// Equality as a Set's: NaN equals NaN (a duplicate `.nan` key declines the text too).
function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}

// The library's unfoldLines (compose/resolve-flow-scalar.js), which folds a plain or
// single-quoted scalar's lines (and gives what its doubleQuotedValue gives for a double-quoted
// one without a backslash), without its regular expressions: one line is its own value;
// otherwise the first line loses its trailing spaces and tabs, each line after it its leading
// ones (and, but for the last, its trailing ones), a CR before an LF is dropped, and the lines
// join with a space, or, where empty lines come between them, with one LF per empty line.
function unfoldLines(source: string): string {
  let lineBreak = source.indexOf("\n");
  if (lineBreak < 0) return source;
  let result = source.slice(0, trimEnd(source, 0, withoutCarriageReturn(source, lineBreak)));
  let separator = " ";
  let start = lineBreak + 1;
  for (lineBreak = source.indexOf("\n", start); lineBreak >= 0; lineBreak = source.indexOf("\n", start)) {
    const from = trimStart(source, start, lineBreak);
    const to = trimEnd(source, from, withoutCarriageReturn(source, lineBreak));
    if (from === to) {
      if (separator === "\n") result += separator;
      else separator = "\n";
    } else {
      result += separator + source.slice(from, to);
      separator = " ";
    }
    start = lineBreak + 1;
  }
  return result + separator + source.slice(trimStart(source, start, source.length));
}

// The end of a line's content before the line break at `lineBreak`: without a CR before it.
function withoutCarriageReturn(source: string, lineBreak: number): number {
  return lineBreak > 0 && source.charCodeAt(lineBreak - 1) === 13 ? lineBreak - 1 : lineBreak;
}

// Past the spaces and tabs from `from` (up to `end`).
function trimStart(source: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpaceOrTab(source.charCodeAt(i))) i++;
  return i;
}

// Before the spaces and tabs that end [from, end).
function trimEnd(source: string, from: number, end: number): number {
  let i = end;
  while (i > from && isSpaceOrTab(source.charCodeAt(i - 1))) i--;
  return i;
}

function isSpaceOrTab(ch: number): boolean {
  return ch === 32 || ch === 9;
}

// An empty value takes its props' comment as its own comment, as the library's composeEmptyNode does.
function withEmptyProps(node: Scalar, props: Props): Scalar {
  if (props.spaceBefore) node.spaceBefore = true;
  if (props.comment) node.comment = props.comment;
  return node;
}

// Every default tag of the core schema (the one parse.ts uses) matches only the empty string, a
// text starting with one of - + . 0-9, `~`, or a word of four or five letters starting with one
// of n N t T f F (null, true, false in their spellings); any other plain scalar is a string, and
// trying the tags' tests on it (English words start with t, f and n often) would only cost time.
function mayBeTyped(value: string): boolean {
  if (value === "") return true;
  const ch = value.charCodeAt(0);
  if ((ch >= 48 && ch <= 57) || ch === 45 || ch === 43 || ch === 46) return true;
  if (ch === 126 /* ~ */) return value.length === 1;
  return (ch === 110 || ch === 78 || ch === 116 || ch === 84 || ch === 102 || ch === 70) && value.length <= 5;
}

// Whether the line at `start` begins with a document marker (`---`, `...`) or a directive (`%`).
function startsMarker(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 37 /* % */) return true;
  return (first === 45 /* - */ || first === 46) /* . */ && text.charCodeAt(start + 1) === first && text.charCodeAt(start + 2) === first;
}

// A CR that is not the first half of a CRLF, which the yaml library reads as part of the line.
function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

function isFlowIndicator(ch: number): boolean {
  return ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125; // , [ ] { }
}

/** The parts of a schema tag the library's composeScalar uses. */
interface ScalarTag {
  default?: boolean | "key";
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}
