// Size limits for the files JointSpec reads, and the bounds on what it says about bad input.
// A spec is a few hundred lines and a glossary a few hundred terms; text many times that size
// is a mistake (a generated dump, a log, the wrong file) or an attack, and reading it costs
// seconds and gigabytes. So the size is checked before anything is parsed, and every list of
// problems is cut short with a count of the rest. Pure: numbers in, numbers and words out.

export const KB = 1024;
export const MB = 1024 * KB;

/** The limits in force, in bytes of UTF-8. */
export interface Limits {
  /** A larger spec gets one spec-size finding and is not read. */
  specSize: number;
  /** A larger glossary file is an error that names it; its entries are not loaded. */
  glossarySize: number;
}

// A real spec is a few hundred lines, 1 to 30 KB. The design's budgets still cover a
// 50,000-line spec (1.86 MB in the bench corpus), so specs get 2 MB: that one fits, and even
// 2 MB of nothing but errors lints in a couple of seconds (5 MB took 12 s and 1.4 GB, 50 MB
// ran out of memory). A glossary file is read once per run, but a bad one costs as much as a
// bad spec of its size; the bundled glossary is 35 KB for 70 terms, so 1 MB holds thousands.
export const DEFAULT_LIMITS: Readonly<Limits> = { specSize: 2 * MB, glossarySize: 1 * MB };

/**
 * `.jointspec.yaml` itself is a dozen lines. It is read before its own settings are known, so
 * its limit is fixed.
 */
export const CONFIG_SIZE_LIMIT = 1 * MB;

/** At most this many findings of one rule in one file; one more finding says how many were left out. */
export const MAX_FINDINGS_PER_RULE = 100;

/** At most this many problems are listed for a config or glossary file; a count says how many more. */
export const MAX_DATA_FILE_PROBLEMS = 100;

/** A value quoted in a message is cut to this many characters. */
export const MAX_QUOTED_LENGTH = 80;

/** What `limits.specSize: 1 MB` may say: a whole number of bytes, or a number with B, KB or MB. */
const SIZE_PATTERN = /^([0-9]+(?:\.[0-9]+)?) ?(B|KB|MB)?$/;

/** A size as written in a config or setting (`1 MB`, `512 KB`, `2000000`), in bytes; undefined if it is not one. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value : undefined;
  const match = SIZE_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * (match[2] === "MB" ? MB : match[2] === "KB" ? KB : 1));
  return bytes > 0 ? bytes : undefined;
}

/** A size as people read it: `900 bytes`, `512 KB`, `50.3 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  const [value, unit] = bytes < MB ? [bytes / KB, "KB"] : [bytes / MB, "MB"];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/**
 * A size and the limit it breaks, in words that show the difference: `50.3 MB` against `1 MB`,
 * but `1048577 bytes` against `1048576 bytes` when rounding would make them look the same.
 */
export function sizeAgainstLimit(size: number, limit: number): { size: string; limit: string } {
  const [sizeWords, limitWords] = [formatSize(size), formatSize(limit)];
  return sizeWords === limitWords ? { size: `${size} bytes`, limit: `${limit} bytes` } : { size: sizeWords, limit: limitWords };
}

/** Whether `text` may be over `limit` bytes of UTF-8: false means certainly not, without counting. */
export function mayExceed(text: string, limit: number): boolean {
  // A UTF-16 code unit takes at most 3 bytes.
  return text.length * 3 > limit;
}

/** The length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A value for a message: quoted, and cut short with "…" when it is long. */
export function quoteForMessage(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value);
}

/** The words for a glossary file over its limit, to follow its name. */
export function glossaryTooLargeMessage(size: number, limit: number): string {
  const words = sizeAgainstLimit(size, limit);
  return `This glossary file is ${words.size}, over the limit of ${words.limit} for glossary files, so its entries were not loaded. Split it, or raise limits.glossarySize in .jointspec.yaml if it really is one glossary.`;
}

/** The words for a config file over its fixed limit, to follow its name. */
export function configTooLargeMessage(size: number): string {
  const words = sizeAgainstLimit(size, CONFIG_SIZE_LIMIT);
  return `This config file is ${words.size}, over the ${words.limit} a .jointspec.yaml may be (it is a dozen lines of settings), so it was not read.`;
}
