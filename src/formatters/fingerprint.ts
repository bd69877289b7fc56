// Fingerprints that let a CI platform follow a finding across commits: built from what the
// finding is about (its file, rule, message and the source text it points at), never from
// its line number, so they stay the same when unrelated lines above it are added or removed.
// Pure TypeScript with no crypto dependency: formatters run in Node and in browsers alike.

import type { Finding } from "../core/types.js";

/** 64 bits of FNV-1a as hex: enough to tell findings apart, with no crypto dependency. */
export function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** The text of a 0-based line, without its line break ("" past the end). */
export function lineText(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/, line + 1)[line] ?? "";
}

/**
 * The source text a finding points at, trimmed: its range on the first line of that range
 * (a range over a whole section is known by its first line, so edits inside the section do
 * not count), or the whole line when the range is empty there.
 */
export function offendingText(text: string, finding: Finding): string {
  const { start, end } = finding.range;
  const line = lineText(text, start.line);
  const stop = end.line === start.line ? end.character : line.length;
  const pointed = line.slice(start.character, stop).trim();
  return pointed !== "" ? pointed : line.trim();
}

/**
 * Numbers the findings that share a key, in report order (1, 2, …), so that two findings
 * alike in everything but their line still get different fingerprints.
 */
export function occurrenceCounter(): (key: string) => number {
  const seen = new Map<string, number>();
  return (key) => {
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return occurrence;
  };
}
