// Applies fixes to text: one chosen fix (a quick fix), or every preferred fix until none is
// left (Fix all, --fix), as ESLint does, in passes that never apply overlapping edits.

import { lintSpec, type LintOptions, type LintResult } from "../lint.js";
import type { TextEdit } from "../types.js";

/** Applies non-overlapping edits, given as offsets into `text`. */
export function applyTextEdits(text: string, edits: readonly Pick<TextEdit, "offsets" | "newText">[]): string {
  const sorted = [...edits].sort((a, b) => b.offsets[0] - a.offsets[0] || b.offsets[1] - a.offsets[1]);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.offsets[0]) + edit.newText + result.slice(edit.offsets[1]);
  return result;
}

// Ten passes: a fix can enable another (ESLint stops at ten too).
const MAX_PASSES = 10;

/** What Fix all and --fix leave: the text, how many fixes went in, and the lint of that text. */
export interface FixAllResult {
  text: string;
  applied: number;
  /** The lint of `text` as returned, so a host reports what is left without linting again. */
  lint: LintResult;
}

/**
 * Applies every preferred fix, re-linting between passes. Text that is not well-formed YAML
 * is returned untouched: an edit placed by guesswork could cost the user their file. A pass
 * whose edits would break the YAML is dropped, and fixing stops there.
 */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let lint = lintSpec(current, options);
  let applied = 0;
  if (lint.analysis.parsed.problems.length > 0) return { text, applied, lint };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const taken: [number, number][] = [];
    const edits: TextEdit[] = [];
    let fixes = 0;
    for (const finding of lint.findings) {
      const fix = finding.fixes?.find((candidate) => candidate.preferred);
      if (!fix || fix.edits.some((edit) => taken.some((span) => overlaps(span, edit.offsets)))) continue;
      for (const edit of fix.edits) taken.push(edit.offsets);
      edits.push(...fix.edits);
      fixes++;
    }
    if (edits.length === 0) break;
    const next = applyTextEdits(current, edits);
    const nextLint = lintSpec(next, options);
    if (nextLint.analysis.parsed.problems.length > 0) break;
    [current, lint, applied] = [next, nextLint, applied + fixes];
  }
  return { text: current, applied, lint };
}

// Two insertions at one point also count as overlapping: their order would be a guess.
function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}
