// Turns the command line's paths and globs into the files to lint. A file named on the
// command line is linted unless the config ignores it; files found by walking a folder or
// expanding a glob are linted when they are specs: by name (config `specs`), or by a
// top-level `jointspec` key.

import { statSync } from "node:fs";
import { resolve } from "node:path";
import type * as tinyglobby from "tinyglobby";
import { ALWAYS_IGNORED } from "../core/config.js";
import { CliError, reason } from "./workspace.js";

export interface Candidate {
  /** Absolute path. */
  path: string;
  /** Named on the command line (or by --stdin-filename), so linted whatever its name or content, unless the config ignores it. */
  explicit: boolean;
  /** The text piped in with --stdin, linted under this path instead of reading the file. */
  bytes?: Uint8Array;
}

const YAML_FILES = "**/*.{yaml,yml}";

// Loaded when a folder or a glob is given: naming files needs no glob library at start-up.
const globber = (): typeof tinyglobby => require("tinyglobby") as typeof tinyglobby;

/** Expands the command line's patterns into candidate files, sorted, without duplicates. */
export async function findCandidates(patterns: readonly string[], cwd: string, errorOnUnmatched: boolean): Promise<Candidate[]> {
  const found = new Map<string, Candidate>();
  const add = (path: string, explicit: boolean): void => {
    const existing = found.get(path);
    if (!existing || (explicit && !existing.explicit)) found.set(path, { path, explicit });
  };

  for (const pattern of patterns.length > 0 ? patterns : ["."]) {
    const absolute = resolve(cwd, pattern);
    const kind = kindOf(absolute);
    if (kind === "file") {
      add(absolute, true);
      continue;
    }
    if (kind === "directory") {
      const files = await globber().glob(YAML_FILES, { cwd: absolute, absolute: true, dot: true, ignore: [...ALWAYS_IGNORED] });
      for (const file of files) add(resolve(file), false);
      continue;
    }
    if (globber().isDynamicPattern(pattern)) {
      const files = await globber().glob(pattern, { cwd, absolute: true, dot: true, onlyFiles: true, ignore: [...ALWAYS_IGNORED] });
      if (files.length === 0 && errorOnUnmatched) throw new CliError(`no files match the pattern "${pattern}"`);
      for (const file of files) add(resolve(file), false);
      continue;
    }
    if (kind === "other") throw new CliError(`cannot lint ${pattern}: it is neither a file nor a folder`);
    throw new CliError(`cannot read ${pattern}: ${reason(kind)}`);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function kindOf(path: string): "file" | "directory" | "other" | Error {
  try {
    const stats = statSync(path);
    return stats.isFile() ? "file" : stats.isDirectory() ? "directory" : "other";
  } catch (error) {
    return error as Error;
  }
}
