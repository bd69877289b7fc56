// The CLI's side of config resolution: the core's resolver (src/core/config-resolver.ts)
// decides which config applies to a file (nearest .jointspec.yaml walking up, or --config)
// and reads the glossary files it names; this file feeds it Node's fs, caches its answers
// (each config and glossary is read and compiled once per run, however many specs share
// it), and turns a config or glossary file it cannot use into one error.

import { closeSync, existsSync, fstatSync, openSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import type picomatchType from "picomatch";
import {
  findConfigFileSync,
  loadConfigSync,
  parentOf,
  type ConfigHost,
  type ConfigProblem,
  type ReadResult,
  type ResolvedConfig,
} from "../core/config-resolver.js";
import { configTooLargeMessage, glossaryTooLargeMessage } from "../core/limits.js";

/** A usage or I/O problem: reported as one line, exit code 2. */
export class CliError extends Error {}

/** The config in force for a file, as the core resolved it, plus what the CLI adds. */
export interface EffectiveConfig extends ResolvedConfig {
  /** Changes whenever the config or one of its glossary files changes: part of the cache key. */
  readonly fingerprint: string;
}

/** The CLI's reader for the core's config resolver: Node's synchronous fs. */
export const nodeConfigHost: ConfigHost = {
  exists: (path) => existsSync(path),
  read: readFile,
  // picomatch is loaded on first use: a run that only names files never matches patterns,
  // and should not pay for loading it at start-up.
  globs: (patterns) => (require("picomatch") as typeof picomatchType)([...patterns], { dot: true }),
};

export class Workspace {
  private readonly byConfigFile = new Map<string, EffectiveConfig>();
  private readonly byFolder = new Map<string, EffectiveConfig>();
  private readonly explicitConfig: string | undefined;

  constructor(
    explicitConfig: string | undefined,
    /** Paths in messages are shown relative to this folder. */
    private readonly cwd: string,
  ) {
    this.explicitConfig = explicitConfig && posixPath(explicitConfig);
  }

  /** The config in force for the file at `path` (absolute). */
  configFor(path: string): EffectiveConfig {
    if (this.explicitConfig) return this.load(this.explicitConfig, parentOf(this.explicitConfig));
    const folder = parentOf(posixPath(path));
    let found = this.byFolder.get(folder);
    if (!found) {
      const file = findConfigFileSync(posixPath(path), nodeConfigHost);
      found = this.load(file, folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  // Each config file is resolved once per run, however many folders share it; no config
  // means the defaults, with patterns relative to the file's own folder.
  private load(file: string | undefined, folder: string): EffectiveConfig {
    const cached = file === undefined ? undefined : this.byConfigFile.get(file);
    if (cached) return cached;
    const resolved = loadConfigSync(file, folder, nodeConfigHost);
    const problem = resolved.problems[0];
    if (problem) throw new CliError(this.problemMessage(problem));
    let fingerprint: string | undefined;
    const result: EffectiveConfig = {
      ...resolved,
      isSpecByName: (path) => resolved.isSpecByName(posixPath(path)),
      isIgnored: (path) => resolved.isIgnored(posixPath(path)),
      get fingerprint() {
        return (fingerprint ??= file === undefined ? "defaults" : hashOf(resolved.sources.map((source) => source.text ?? "")));
      },
    };
    if (file !== undefined) this.byConfigFile.set(file, result);
    return result;
  }

  // The CLI stops at a config or glossary file it cannot use, with every problem it has.
  private problemMessage(problem: ConfigProblem): string {
    const shown = (path: string): string => relative(this.cwd, path).split("\\").join("/") || path;
    const named = problem.namedIn ? `${shown(problem.file)} (named in ${shown(problem.namedIn)})` : shown(problem.file);
    switch (problem.kind) {
      case "unreadable":
        return `cannot read ${problem.role} file ${named}: ${problem.reason}`;
      case "too-large":
        return `${named}: ${problem.role === "config" ? configTooLargeMessage(problem.size) : glossaryTooLargeMessage(problem.size, problem.limit)}`;
      case "invalid":
        return problemLine(shown(problem.file), problem.problems, problem.more);
    }
  }
}

// The core's paths are POSIX-style; Node's fs takes a Windows path with forward slashes too.
function posixPath(path: string): string {
  return path.split("\\").join("/");
}

// Hashing is only needed with --cache; node:crypto is loaded then, not at every start.
function hashOf(texts: readonly string[]): string {
  const { createHash } = require("node:crypto") as typeof import("node:crypto");
  const hash = createHash("sha256");
  for (const text of texts) hash.update(text).update("\0");
  return hash.digest("hex");
}

// Reads a config or glossary file, refusing one over `limit` bytes from its size alone.
// Decoded as the extension decodes (a byte order mark dropped), so both hosts see one text.
function readFile(path: string, limit: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size > limit) return { kind: "too-large", size };
    return { kind: "text", text: new TextDecoder("utf-8").decode(readFileSync(fd)) };
  } catch (error) {
    return (error as { code?: string } | undefined)?.code === "ENOENT" ? { kind: "missing" } : { kind: "unreadable", reason: reason(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// Every problem shown of a config or glossary file, one line each with its position (fixing
// them one run at a time would take as many runs as there are problems); past the cap the
// parser keeps, one last line counts the rest.
function problemLine(file: string, problems: readonly { message: string; range: { start: { line: number; character: number } } }[], more: number): string {
  if (problems.length === 0) return `${file}: invalid`;
  const lines = problems.map((problem) => `${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`);
  if (more > 0) lines.push(`${file}: and ${more} more problem${more > 1 ? "s" : ""}`);
  return lines.join("\n");
}

/** A short reason for a Node error, without the stack: "no such file", "permission denied". */
export function reason(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    EISDIR: "it is a directory",
    ENOTDIR: "a part of the path is not a directory",
    EMFILE: "too many open files",
    ELOOP: "too many levels of symbolic links",
  };
  if (code && words[code]) return words[code];
  return error instanceof Error ? error.message : String(error);
}
