// Reads what the core needs from disk: the config that applies to a file (nearest
// .jointspec.yaml walking up, or --config), and the glossary files it names. Each config
// and glossary is read and compiled once per run, however many specs share it.

import { closeSync, existsSync, fstatSync, openSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type picomatchType from "picomatch";
import { ALWAYS_IGNORED, configCandidates, DEFAULT_CONFIG, limitsOf, parseConfig, parseGlossaryFile, type JointspecConfig } from "../core/config.js";
import { Glossary } from "../core/glossary/glossary.js";
import { configTooLargeMessage, CONFIG_SIZE_LIMIT, glossaryTooLargeMessage, type Limits } from "../core/limits.js";
import type { SeveritySetting } from "../core/types.js";

/** A usage or I/O problem: reported as one line, exit code 2. */
export class CliError extends Error {}

export interface EffectiveConfig {
  /** The config file in force, or undefined for the defaults. */
  file: string | undefined;
  config: JointspecConfig;
  severities: Readonly<Record<string, SeveritySetting>>;
  /** The size limits in force, defaults filled in. */
  limits: Readonly<Limits>;
  glossary: Glossary;
  /** The glossary files it adds (absolute). */
  glossaryFiles: readonly string[];
  /** Changes whenever the config or one of its glossary files changes: part of the cache key. */
  fingerprint: string;
  /** Whether a path (absolute) is a spec by the config's name patterns. */
  isSpecByName(path: string): boolean;
  isIgnored(path: string): boolean;
}

export class Workspace {
  private readonly byConfigFile = new Map<string, EffectiveConfig>();
  private readonly byFolder = new Map<string, EffectiveConfig>();

  constructor(
    private readonly explicitConfig: string | undefined,
    /** Paths in messages are shown relative to this folder. */
    private readonly cwd: string,
  ) {}

  /** The config in force for the file at `path` (absolute). */
  configFor(path: string): EffectiveConfig {
    if (this.explicitConfig) return this.load(this.explicitConfig);
    const folder = dirname(path);
    let found = this.byFolder.get(folder);
    if (!found) {
      const file = configCandidates(path).find((candidate) => existsSync(candidate));
      found = file ? this.load(file) : this.defaults(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private defaults(folder: string): EffectiveConfig {
    return effective(undefined, DEFAULT_CONFIG, Glossary.bundled(), folder, [], () => "defaults");
  }

  private load(file: string): EffectiveConfig {
    const cached = this.byConfigFile.get(file);
    if (cached) return cached;
    const shown = (path: string): string => relative(this.cwd, path).split("\\").join("/") || path;
    const configText = readText(file, `config file ${shown(file)}`, CONFIG_SIZE_LIMIT, (size) => `${shown(file)}: ${configTooLargeMessage(size)}`);
    const config = parseConfig(configText);
    if (!config.ok) throw new CliError(problemLine(shown(file), config.problems, config.more));
    const sources = [configText];
    const glossaryFiles = config.value.glossary.map((glossaryPath) => resolve(dirname(file), glossaryPath));
    const glossaryLimit = limitsOf(config.value).glossarySize;
    const entries = glossaryFiles.flatMap((glossaryFile) => {
      const named = `${shown(glossaryFile)} (named in ${shown(file)})`;
      const text = readText(glossaryFile, `glossary file ${named}`, glossaryLimit, (size) => `${named}: ${glossaryTooLargeMessage(size, glossaryLimit)}`);
      sources.push(text);
      const parsed = parseGlossaryFile(text, glossaryFile, glossaryLimit);
      if (!parsed.ok) throw new CliError(problemLine(shown(glossaryFile), parsed.problems, parsed.more));
      return parsed.value;
    });
    const result = effective(file, config.value, Glossary.bundled().extend(entries), dirname(file), glossaryFiles, () => hashOf(sources));
    this.byConfigFile.set(file, result);
    return result;
  }
}

function effective(
  file: string | undefined,
  config: JointspecConfig,
  glossary: Glossary,
  base: string,
  glossaryFiles: readonly string[],
  fingerprintOf: () => string,
): EffectiveConfig {
  let fingerprint: string | undefined;
  // Built on first use: a run that only names files never matches patterns, and should not
  // pay for loading picomatch at start-up.
  let specMatcher: ((path: string) => boolean) | undefined;
  let ignoreMatcher: ((path: string) => boolean) | undefined;
  const picomatch = (): typeof picomatchType => require("picomatch") as typeof picomatchType;
  const relativeTo = (path: string): string => relative(base, path).split("\\").join("/");
  return {
    file,
    config,
    severities: config.rules,
    limits: limitsOf(config),
    glossary,
    glossaryFiles,
    get fingerprint() {
      return (fingerprint ??= fingerprintOf());
    },
    isSpecByName: (path) => {
      const rel = relativeTo(path);
      specMatcher ??= picomatch()([...config.specs], { dot: true });
      return !rel.startsWith("../") && specMatcher(rel);
    },
    isIgnored: (path) => {
      const rel = relativeTo(path);
      ignoreMatcher ??= picomatch()([...config.ignore, ...ALWAYS_IGNORED], { dot: true });
      return !rel.startsWith("../") && ignoreMatcher(rel);
    },
  };
}

// Hashing is only needed with --cache; node:crypto is loaded then, not at every start.
function hashOf(texts: readonly string[]): string {
  const { createHash } = require("node:crypto") as typeof import("node:crypto");
  const hash = createHash("sha256");
  for (const text of texts) hash.update(text).update("\0");
  return hash.digest("hex");
}

// Reads a config or glossary file, refusing one over `limit` bytes from its size alone.
function readText(file: string, what: string, limit: number, tooLarge: (size: number) => string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    if (size > limit) throw new CliError(tooLarge(size));
    return readFileSync(fd, "utf8");
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${what}: ${reason(error)}`);
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
