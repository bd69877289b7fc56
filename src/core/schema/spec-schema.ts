// The spec's JSON Schema as data: for messages ("did you mean …?"), hovers and completions.

import specSchemaJson from "../../../schemas/jointspec.schema.json";
import type { SpecPath } from "../types.js";

export interface SchemaNode {
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: string | string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
}

export const specSchema = specSchemaJson as SchemaNode;

/** The schema that describes the value at `path`, if the schema describes it. */
export function schemaAt(path: SpecPath, root: SchemaNode = specSchema): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === "number" || /^\d+$/.test(segment)) {
      if (node.items) {
        node = node.items;
        continue;
      }
    }
    const key = String(segment);
    node =
      node.properties?.[key] ??
      Object.entries(node.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern).test(key))?.[1] ??
      (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
  }
  return node;
}

/** The known keys of the map at `path`. */
export function knownKeys(path: SpecPath): string[] {
  return Object.keys(schemaAt(path)?.properties ?? {});
}

// "Did you mean" looks at this many candidates at most (the schema's longest list is a dozen).
const MAX_CANDIDATES = 100;

/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a typo (within
 * a third of the candidate's length). Bounded whatever the input: at most MAX_CANDIDATES are
 * tried, a word longer than any typo of them is not compared at all, and a candidate whose
 * length alone puts it no closer than the best so far is skipped.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const tried = candidates.slice(0, MAX_CANDIDATES);
  // The distance is at least the difference in length, so a word this long is no typo of any of them.
  const longest = Math.max(0, ...tried.map((candidate) => candidate.length));
  if (word.length > longest + allowedDistance(longest)) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of tried) {
    if (Math.abs(word.length - candidate.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= allowedDistance(best.length) ? best : undefined;
}

function allowedDistance(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

// Edits, counting two swapped neighbours as one ("jsno" is one slip from "json", as people type).
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current.push(distance);
    }
    [beforePrevious, previous] = [previous, current];
  }
  return previous[b.length]!;
}
