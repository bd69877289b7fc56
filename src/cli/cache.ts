// --cache: a spec whose bytes, config (with its glossary files) and tool version are all
// unchanged since the last run is not linted again; its findings come from the cache file.
// The key hashes all four, so editing a glossary file invalidates every spec that uses it.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { SuppressedFinding } from "../core/suppressions.js";
import type { Finding } from "../core/types.js";

export interface CachedLint {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  title?: string;
}

/** The cached lints by path, each with the key it was stored under. */
export type CacheEntries = Record<string, { key: string } & CachedLint>;

interface CacheFile {
  format: 1;
  entries: CacheEntries;
}

/** The cache key of one spec: the tool version, its config's fingerprint, and its bytes. */
export function cacheKey(toolVersion: string, configFingerprint: string, bytes: Uint8Array): string {
  // Loaded here rather than at start: only --cache runs need it.
  const { createHash } = require("node:crypto") as typeof import("node:crypto");
  return createHash("sha256").update(toolVersion).update("\0").update(configFingerprint).update("\0").update(bytes).digest("hex");
}

/** The cached lint of `path`, if it was stored under `key`. */
export function cachedLint(entries: CacheEntries, path: string, key: string): CachedLint | undefined {
  const entry = entries[path];
  if (entry?.key !== key) return undefined;
  const { key: _key, ...lint } = entry;
  return lint;
}

export class LintCache {
  private readonly entries: CacheEntries;
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly toolVersion: string,
    entries: CacheFile["entries"],
  ) {
    this.entries = entries;
  }

  /** Opens the cache file; a missing or unreadable one starts empty (a cache is never required). */
  static open(location: string, toolVersion: string): LintCache {
    let entries: CacheFile["entries"] = {};
    try {
      const parsed = JSON.parse(readFileSync(location, "utf8")) as Partial<CacheFile>;
      if (parsed.format === 1 && parsed.entries && typeof parsed.entries === "object") entries = parsed.entries;
    } catch {
      // first run, or a damaged file: lint everything and write a fresh one
    }
    return new LintCache(location, toolVersion, entries);
  }

  /** The cache key of one spec: its bytes, its config's fingerprint, and the tool version. */
  key(bytes: Uint8Array, configFingerprint: string): string {
    return cacheKey(this.toolVersion, configFingerprint, bytes);
  }

  get(path: string, key: string): CachedLint | undefined {
    return cachedLint(this.entries, path, key);
  }

  /** Every entry, for worker threads to read. */
  get all(): CacheEntries {
    return this.entries;
  }

  set(path: string, key: string, lint: CachedLint): void {
    this.entries[path] = { key, ...lint };
    this.changed = true;
  }

  /** Writes the cache back (entries of files this run did not visit are kept). */
  save(): void {
    if (!this.changed) return;
    mkdirSync(dirname(this.location), { recursive: true });
    const file: CacheFile = { format: 1, entries: this.entries };
    writeFileSync(this.location, JSON.stringify(file));
  }
}
