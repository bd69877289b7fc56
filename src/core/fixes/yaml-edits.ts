// Minimal text edits on YAML source: insert a key, append a list item, replace a value.
// Edits only ever add or replace the few characters they need, in the style (block or
// flow, indentation, line breaks) that the surrounding text already uses, so comments and
// formatting elsewhere stay byte for byte as the user wrote them.

import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { resolvePath } from "../paths.js";
import { knownKeys } from "../schema/spec-schema.js";
import type { LineIndex } from "../text.js";
import type { SpecPath } from "../types.js";

/** An edit at offsets into the text it was computed for. */
export interface RawEdit {
  start: number;
  end: number;
  newText: string;
}

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** Computes edits against one parsed text. Each method returns the edits for one change. */
export class EditBuilder {
  constructor(
    private readonly document: Document,
    private readonly lines: LineIndex,
  ) {}

  /** Adds `key: value` to the map at `mapPath`, creating missing parent maps on the way. */
  insertEntry(mapPath: SpecPath, key: string, value: Plain): RawEdit[] {
    const resolved = resolvePath(this.document, mapPath);
    if (resolved.depth < mapPath.length) {
      // Build the missing part as a nested value one level up.
      const parentPath = mapPath.slice(0, resolved.depth);
      let nested: Plain = { [key]: value };
      for (let i = mapPath.length - 1; i > resolved.depth; i--) nested = { [String(mapPath[i])]: nested };
      return this.insertEntry(parentPath, String(mapPath[resolved.depth]), nested);
    }
    const node = resolved.node;
    if (isMap(node)) return [this.insertIntoMap(node, key, value, knownKeys(mapPath))];
    if (isEmptyValue(node) && resolved.key?.range) return [this.insertUnderEmptyKey(resolved.key, { [key]: value })];
    return [];
  }

  /** Appends `item` to the list at `seqPath`, creating the list if the key is missing. */
  appendItem(seqPath: SpecPath, item: Plain): RawEdit[] {
    const resolved = resolvePath(this.document, seqPath);
    if (resolved.depth < seqPath.length) {
      if (resolved.depth < seqPath.length - 1) return [];
      return this.insertEntry(seqPath.slice(0, -1), String(seqPath[seqPath.length - 1]), [item]);
    }
    const node = resolved.node;
    if (isSeq(node)) return [this.appendToSeq(node, item)];
    if (node === undefined && resolved.key?.range) {
      const colon = this.lines.text.indexOf(":", resolved.key.range[1]);
      return [{ start: colon + 1, end: colon + 1, newText: ` ${renderFlow([item])}` }];
    }
    return [];
  }

  /** Replaces the scalar at `path` with `value`, or fills in a `key:` left empty. */
  replaceValue(path: SpecPath, value: Plain): RawEdit[] {
    const resolved = resolvePath(this.document, path);
    const node = resolved.node;
    if (resolved.depth !== path.length || !isScalar(node) || !node.range) return [];
    // An empty value starts right after the colon: the space is part of the new text.
    return [{ start: node.range[0], end: node.range[1], newText: `${isEmptyValue(node) ? " " : ""}${renderFlow(value)}` }];
  }

  // A new key goes where the schema's order puts it (glossary after summary, and so on), so
  // the spec reads in the same order as every other; unknown orders append at the end.
  /** Renames the key at `path`, keeping its value and any comment. */
  renameKey(path: SpecPath, newKey: string): RawEdit[] {
    const resolved = resolvePath(this.document, path);
    if (resolved.depth !== path.length || !resolved.key?.range) return [];
    return [{ start: resolved.key.range[0], end: resolved.key.range[1], newText: renderKey(newKey) }];
  }

  private insertIntoMap(map: YAMLMap, key: string, value: Plain, canonicalOrder: readonly string[]): RawEdit {
    if (map.flow) return this.insertIntoFlow(map as unknown as Node & { items: unknown[] }, `${renderKey(key)}: ${renderFlow(value)}`);
    const rank = canonicalOrder.indexOf(key);
    const pairs = map.items as Pair<Node, Node | null>[];
    const earlier =
      rank < 0
        ? []
        : pairs.filter((pair) => {
            const other = canonicalOrder.indexOf(isScalar(pair.key) ? String(pair.key.value) : "");
            return other >= 0 && other < rank;
          });
    const last = rank >= 0 && earlier.length > 0 && earlier.length < pairs.length ? earlier[earlier.length - 1] : pairs[pairs.length - 1];
    const firstKey = map.items[0]?.key as Node | undefined;
    const indent = firstKey?.range ? this.lines.positionAt(firstKey.range[0]).character : 0;
    const at = last ? this.endOfLineAfter(last) : this.lines.lineEnd(0);
    return { start: at, end: at, newText: this.lines.eol + renderBlockEntry(key, value, indent, this.lines.eol) };
  }

  private insertUnderEmptyKey(key: Node, value: { [key: string]: Plain }): RawEdit {
    const keyLine = this.lines.positionAt(key.range![0]);
    const indent = keyLine.character + 2;
    const at = this.lines.lineEnd(keyLine.line);
    const entries = Object.entries(value).map(([k, v]) => renderBlockEntry(k, v, indent, this.lines.eol));
    return { start: at, end: at, newText: entries.map((entry) => this.lines.eol + entry).join("") };
  }

  private appendToSeq(seq: YAMLSeq, item: Plain): RawEdit {
    if (seq.flow) return this.insertIntoFlow(seq as unknown as Node & { items: unknown[] }, renderFlow(item));
    const lastItem = seq.items[seq.items.length - 1] as Node | null | undefined;
    const dashColumn = seq.range ? this.lines.positionAt(seq.range[0]).character : 0;
    const end = lastItem?.range ? this.lastContentOffset(lastItem.range[1]) : seq.range![0];
    const at = this.lines.lineEnd(this.lines.positionAt(end).line);
    return { start: at, end: at, newText: this.lines.eol + renderBlockItem(item, dashColumn, this.lines.eol) };
  }

  // `[a]` becomes `[a, b]` and `{}` becomes `{ b: 1 }`: the new text goes after the last item.
  private insertIntoFlow(collection: Node & { items: unknown[] }, itemText: string): RawEdit {
    const closing = this.lastContentOffset(collection.range![1]);
    const last = collection.items[collection.items.length - 1] as (Node & { value?: Node | null; key?: Node }) | undefined;
    if (!last) {
      const isMapLike = this.lines.text[closing] === "}";
      return { start: closing, end: closing, newText: isMapLike ? ` ${itemText} ` : itemText };
    }
    const lastEnd = lastNodeEnd(last);
    return { start: lastEnd, end: lastEnd, newText: `, ${itemText}` };
  }

  private endOfLineAfter(pair: Pair<Node, Node | null>): number {
    const end = pair.value?.range?.[1] ?? pair.key.range![1];
    return this.lines.lineEnd(this.lines.positionAt(this.lastContentOffset(end)).line);
  }

  // Ranges of block nodes can end after their trailing line break; step back onto content.
  private lastContentOffset(end: number): number {
    const text = this.lines.text;
    let offset = end;
    while (offset > 0 && /[\s]/.test(text[offset - 1]!)) offset--;
    return Math.max(0, offset - 1);
  }
}

// `key:` with nothing after it: no node, or a null scalar with no text of its own.
function isEmptyValue(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null && node.source === "" && node.range?.[0] === node.range?.[1]);
}

function lastNodeEnd(node: Node & { value?: Node | null; key?: Node }): number {
  if (node.range) return node.range[1];
  // A pair in a flow map has no range of its own.
  const inner = node.value ?? node.key;
  return inner?.range?.[1] ?? 0;
}

function renderBlockEntry(key: string, value: Plain, indent: number, eol: string): string {
  const pad = " ".repeat(indent);
  if (isPlainObject(value)) {
    const inner = Object.entries(value).map(([k, v]) => eol + renderBlockEntry(k, v, indent + 2, eol));
    return `${pad}${renderKey(key)}:${inner.join("")}`;
  }
  if (Array.isArray(value) && value.some((item) => typeof item === "object")) {
    const items = value.map((item) => eol + renderBlockItem(item, indent + 2, eol));
    return `${pad}${renderKey(key)}:${items.join("")}`;
  }
  return `${pad}${renderKey(key)}: ${renderFlow(value)}`;
}

function renderBlockItem(item: Plain, indent: number, eol: string): string {
  const pad = " ".repeat(indent);
  if (isPlainObject(item)) {
    const lines = Object.entries(item).map(([k, v]) => renderBlockEntry(k, v, indent + 2, eol));
    return `${pad}- ${lines.join(eol).slice(indent + 2)}`;
  }
  return `${pad}- ${renderFlow(item)}`;
}

function renderFlow(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(", ")}]`;
  if (isPlainObject(value))
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${renderKey(k)}: ${renderFlow(v)}`)
      .join(", ")} }`;
  if (typeof value !== "string") return String(value);
  return renderString(value);
}

function renderKey(key: string): string {
  return renderString(key);
}

// Plain where YAML would read it back as the same string; double-quoted otherwise. A date
// (YYYY-MM-DD) stays plain, as specs write dates: YAML 1.2's core schema reads it as text.
function renderString(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const plain = /^[A-Za-z_][\w .'()/@+-]*$/.test(value) && !/\s$/.test(value) && !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) && !/[:#]/.test(value);
  return plain ? value : JSON.stringify(value);
}

function isPlainObject(value: Plain): value is { [key: string]: Plain } {
  return typeof value === "object" && !Array.isArray(value);
}
