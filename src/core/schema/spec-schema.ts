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

/** The candidate closest to `word` by edit distance, if it is close enough to be a typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const allowed = Math.max(1, Math.floor((best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
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
