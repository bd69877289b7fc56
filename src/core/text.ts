// Line bookkeeping and byte decoding. YAML and VS Code both treat CR, LF and CRLF as line
// breaks, so positions are computed here once for all three, on the text as the user wrote it.

import type { Position, Range } from "./types.js";

/** Maps offsets to line/character positions and back for one text. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Most texts break lines with LF alone: the native search finds them.
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length - 1))]!;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.lineStarts[line] ?? this.text.length;
  }

  /** Offset just before the line break that ends `line`. */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break the text mostly uses, for text that edits insert. */
  get eol(): string {
    // Asked for each fix a lint builds; a search of the whole text each time adds up.
    if (this.lineBreak === undefined) {
      const crlf = this.text.indexOf("\r\n");
      const lf = this.text.indexOf("\n");
      const cr = this.text.indexOf("\r");
      this.lineBreak = crlf >= 0 ? "\r\n" : cr >= 0 && (lf < 0 || cr < lf) ? "\r" : "\n";
    }
    return this.lineBreak;
  }

  private lineBreak: string | undefined;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; offset: number; position: Position };

// One decoder for every file: a call without { stream: true } starts afresh.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Turns a file's bytes into text, or says why they are not a UTF-8 text file and where.
 * The position of the first bad byte is given in lines and characters of the text before it.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul < 0) {
    // The native decoder is fast; the byte-by-byte scan below only runs to locate a problem.
    try {
      return { ok: true, text: strictUtf8.decode(bytes) };
    } catch {
      // fall through to find the offending byte
    }
  }
  // Text files never hold NUL, so one NUL anywhere means binary, whatever comes before it.
  const badAt = nul >= 0 ? undefined : firstInvalidUtf8(bytes);
  const stopAt = badAt ?? nul;
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, stopAt));
  const position = new LineIndex(before).positionAt(before.length);
  const where = `line ${position.line + 1}, column ${position.character + 1}`;
  const message =
    badAt === undefined
      ? `This is a binary file, not YAML text: it holds a NUL byte at ${where}. Lint only YAML specs.`
      : `This file is not UTF-8 text: byte 0x${bytes[badAt]!.toString(16).padStart(2, "0").toUpperCase()} at ${where} is invalid. Save the file as UTF-8.`;
  return { ok: false, message, offset: before.length, position };
}

// Returns the index of the first byte that does not belong to a well-formed UTF-8 sequence.
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [needed, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [needed, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [needed, min] = [3, 0x10000];
    else return i;
    let codePoint = b & (0x3f >> needed);
    for (let k = 1; k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += needed + 1;
  }
  return undefined;
}

/**
 * Whether a UTF-16 code unit is white space as /\s/ knows it (the same with or without the u
 * flag); -1 and NaN, what a read past the end of a text gives, are none. The glossary's
 * matchers call it for every character they step over: ASCII is told by its code, and past
 * ASCII the pattern is asked once per code unit.
 */
export function isWhiteSpaceUnit(unit: number): boolean {
  if (unit < 128) return unit === 32 || (unit >= 9 && unit <= 13);
  if (Number.isNaN(unit)) return false;
  spaceUnits ??= new Uint8Array(0x10000);
  let known = spaceUnits[unit]!;
  if (known === 0) {
    known = /\s/.test(String.fromCharCode(unit)) ? 2 : 1;
    spaceUnits[unit] = known;
  }
  return known === 2;
}
/** Past ASCII, by code unit: 0 not asked yet, 1 not white space, 2 white space; made on first use. */
let spaceUnits: Uint8Array | undefined;
