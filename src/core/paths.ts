// Turns paths into the spec's data (what rules and the schema report) into source ranges.
// This is the one place that decides where a finding points: the offending value, else its
// key, else the closest existing parent's key, else the spec's first key.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";
import type { LineIndex } from "./text.js";
import type { SpecPath } from "./types.js";

type Range3 = [number, number, number];

export interface ResolvedPath {
  /** How many segments of the path exist in the document. */
  depth: number;
  /** The node at `depth`: the whole path's value when depth equals the path's length. */
  node: Node | undefined;
  /** The key that introduces `node`, when `node` is a map value. */
  key: Node | undefined;
}

/** Follows `path` as far as the document allows. */
export function resolvePath(document: Document, path: SpecPath): ResolvedPath {
  let node = followAlias(document, document.contents as Node | null);
  let key: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (!node) break;
    let next: Node | null | undefined;
    let nextKey: Node | undefined;
    if (isMap(node)) {
      const pair = findPair(node.items, segment);
      if (!pair) break;
      next = pair.value as Node | null;
      nextKey = pair.key as Node;
    } else if (isSeq(node)) {
      const index = typeof segment === "number" ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      next = node.items[index] as Node | null | undefined;
      if (next === undefined) break;
    } else {
      break;
    }
    depth++;
    key = nextKey;
    node = followAlias(document, next ?? null);
    if (!node) {
      // `key:` with nothing after it: the key is the most specific thing there is.
      break;
    }
  }
  return { depth, node: node ?? undefined, key };
}

/** The source offsets a finding about `path` points at. */
export function offsetsForPath(document: Document, lines: LineIndex, path: SpecPath, prefer: "value" | "key" = "value"): [number, number] {
  const resolved = resolvePath(document, path);
  const { node, key } = resolved;
  const complete = resolved.depth === path.length;
  // A scalar or a one-line flow collection ([a, b], {a: 1}) is itself the most specific place.
  // An empty value (`key:` and nothing) has no text of its own to point at: its key does.
  const pointable = (isScalar(node) && node.range?.[0] !== node.range?.[1]) || ((isMap(node) || isSeq(node)) && node.flow === true);
  if (complete && prefer === "value" && node?.range && pointable) return [node.range[0], node.range[1]];
  if (key?.range) return [key.range[0], key.range[1]];
  if (node?.range && resolved.depth > 0) return firstLineOf(lines, node.range);
  return offsetsOfFirstKey(document, lines);
}

/** The spec's first key (usually `jointspec`), for findings about the spec as a whole. */
function offsetsOfFirstKey(document: Document, lines: LineIndex): [number, number] {
  const contents = document.contents as Node | null;
  if (isMap(contents)) {
    const firstKey = contents.items[0]?.key as Node | undefined;
    if (firstKey?.range) return [firstKey.range[0], firstKey.range[1]];
  }
  if (contents?.range) return firstLineOf(lines, contents.range);
  return [0, lines.lineEnd(0)];
}

function firstLineOf(lines: LineIndex, range: Range3): [number, number] {
  const start = range[0];
  const lineEnd = lines.lineEnd(lines.positionAt(start).line);
  const end = Math.min(lineEnd, range[1]);
  return [start, Math.max(end, start)];
}

function findPair(items: Pair[], segment: string | number): Pair | undefined {
  const wanted = String(segment);
  return items.find((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === wanted);
}

function followAlias(document: Document, node: Node | null): Node | null {
  return isAlias(node) ? ((node.resolve(document) as Node | undefined) ?? null) : node;
}

/** The data path of the node that contains `offset`, and whether the offset sits on a key. */
export function pathAtOffset(document: Document, offset: number): { path: (string | number)[]; node: Node; onKey: boolean } | undefined {
  let node = document.contents as Node | null;
  const path: (string | number)[] = [];
  while (node?.range && offset >= node.range[0] && offset <= node.range[1]) {
    let next: Node | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        if (isScalar(keyNode) && keyNode.range && offset >= keyNode.range[0] && offset <= keyNode.range[1]) {
          path.push(String(keyNode.value));
          return { path, node: keyNode, onKey: true };
        }
        if (valueNode?.range && offset >= valueNode.range[0] && offset <= valueNode.range[1] && isScalar(keyNode)) {
          path.push(String(keyNode.value));
          next = valueNode;
          break;
        }
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range;
        return range !== undefined && range !== null && offset >= range[0] && offset <= range[1];
      });
      if (index >= 0) {
        path.push(index);
        next = node.items[index] as Node;
      }
    } else {
      return { path, node, onKey: false };
    }
    if (!next) return { path, node, onKey: false };
    node = next;
  }
  return node ? { path, node, onKey: false } : undefined;
}
