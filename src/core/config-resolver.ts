// Which configuration applies to a file: the nearest .jointspec.yaml (or the one a host
// names), the glossary files it names, and the spec and ignore patterns, decided here once
// for the command line and the editor alike. Hosts inject the reading (a ConfigHost), so
// this stays pure and works on any file system, local or virtual.
//
// Paths are POSIX-style strings throughout ("/work/app/specs/a.campaign.yaml"): the CLI
// turns a Windows path's backslashes into slashes, the extension passes `Uri.path`.
//
// The CLI reads synchronously (a promise per file would slow a run of thousands of specs)
// and the extension can only read asynchronously (vscode.workspace.fs). So the resolving is
// written once as a generator that yields each read it needs; `resolveConfigSync` answers
// those reads with a synchronous host, `resolveConfig` with an asynchronous one.

import { ALWAYS_IGNORED, configCandidates, DEFAULT_CONFIG, parseConfig, parseGlossaryFile, type DataFileProblem, type JointspecConfig } from "./config.js";
import { Glossary, type GlossaryEntry } from "./glossary/glossary.js";
import { CONFIG_SIZE_LIMIT, DEFAULT_LIMITS, type Limits } from "./limits.js";
import type { SeveritySetting } from "./types.js";

/** What a host's read of one file came to. */
export type ReadResult =
  | { kind: "text"; text: string }
  /** Over the limit by its size: not read. */
  | { kind: "too-large"; size: number }
  | { kind: "missing" }
  | { kind: "unreadable"; reason: string };

/** What the resolver asks of a host that answers at once (the CLI). */
export interface ConfigHost {
  /** Whether a file exists at `path`. */
  exists(path: string): boolean;
  /** The text of the file at `path`, unless it is over `limit` bytes, judged by its size before reading. */
  read(path: string, limit: number): ReadResult;
  /** A matcher for glob patterns (dot files included) over paths relative to the patterns' folder. */
  globs(patterns: readonly string[]): (relativePath: string) => boolean;
}

/** The same, answering with promises (the extension, through vscode.workspace.fs). */
export interface AsyncConfigHost {
  exists(path: string): PromiseLike<boolean>;
  read(path: string, limit: number): PromiseLike<ReadResult>;
  globs(patterns: readonly string[]): (relativePath: string) => boolean;
}

/** Settings that apply under the config file: the editor's jointspec.* settings. The file wins, key by key. */
export interface HostSettings {
  rules?: Readonly<Record<string, SeveritySetting>>;
  specs?: readonly string[];
  limits?: Readonly<Partial<Limits>>;
  /** Extra glossary files (absolute POSIX paths), read after the config's. */
  glossaryFiles?: readonly string[];
}

export interface ResolveOptions {
  /** The config file to use for every file (the CLI's --config); no search when set. */
  explicitConfig?: string;
  /** The search for a config stops at this folder (the editor's workspace folder); patterns are relative to it when no config applies. */
  root?: string;
  settings?: HostSettings;
  /** Where a glossary file's entries say they come from, as hovers show it; the path itself by default. */
  originOf?: (path: string) => string;
}

/** A config or glossary file that could not be used, and why; positions are 0-based. */
export type ConfigProblem = {
  /** The file (absolute path). */
  file: string;
  role: "config" | "glossary";
  /** For a glossary file: the config file that names it, if a config did. */
  namedIn?: string;
} & (
  | { kind: "unreadable"; reason: string }
  | { kind: "too-large"; size: number; limit: number }
  | { kind: "invalid"; problems: readonly DataFileProblem[]; more: number }
);

/** The configuration in force for one file. */
export interface ResolvedConfig {
  /** The config file found (or named), even when it had problems; undefined when there is none. */
  file: string | undefined;
  /** What the config file says, defaults filled in; the defaults when there is no usable file. */
  config: JointspecConfig;
  severities: Readonly<Record<string, SeveritySetting>>;
  limits: Readonly<Limits>;
  glossary: Glossary;
  /** The glossary files read, in order (absolute paths), whether or not they loaded. */
  glossaryFiles: readonly string[];
  /** The folder that spec and ignore patterns are relative to. */
  base: string;
  /** Every file this answer was read from, with its text: to fingerprint it, or watch it. */
  sources: readonly { path: string; text: string | undefined }[];
  /** Files that could not be used, in the order read: the CLI stops at the first, the editor logs them and goes on. */
  problems: readonly ConfigProblem[];
  /** Whether a file (absolute path) is a spec by its name: it lies under `base` and a spec pattern matches. */
  isSpecByName(path: string): boolean;
  /** Whether a file (absolute path) is never linted: it lies under `base` and an ignore pattern (or node_modules, .git) matches. */
  isIgnored(path: string): boolean;
}

type Request = { op: "exists"; path: string } | { op: "read"; path: string; limit: number };
type Steps<T> = Generator<Request, T, boolean | ReadResult>;

/** The config in force for the file at `path`, read through a synchronous host. */
export function resolveConfigSync(path: string, host: ConfigHost, options: ResolveOptions = {}): ResolvedConfig {
  return runSync(resolveSteps(path, host.globs, options), host);
}

/** The config in force for the file at `path`, read through an asynchronous host. */
export function resolveConfig(path: string, host: AsyncConfigHost, options: ResolveOptions = {}): Promise<ResolvedConfig> {
  return runAsync(resolveSteps(path, host.globs, options), host);
}

/** The config file that applies to `path` (nearest first, up to `root`), or undefined. */
export function findConfigFileSync(path: string, host: ConfigHost, root?: string): string | undefined {
  return runSync(findSteps(path, root), host);
}

/** The config in force when `configFile` applies (undefined: none, patterns relative to `folder`). */
export function loadConfigSync(configFile: string | undefined, folder: string, host: ConfigHost, options: ResolveOptions = {}): ResolvedConfig {
  return runSync(loadSteps(configFile, folder, host.globs, options), host);
}

function* resolveSteps(path: string, globs: ConfigHost["globs"], options: ResolveOptions): Steps<ResolvedConfig> {
  const configFile = options.explicitConfig ?? (yield* findSteps(path, options.root));
  return yield* loadSteps(configFile, options.root ?? parentOf(path), globs, options);
}

function* findSteps(path: string, root: string | undefined): Steps<string | undefined> {
  for (const candidate of configCandidates(path)) {
    if (root !== undefined && !isWithin(parentOf(candidate), root)) break;
    if (yield { op: "exists", path: candidate }) return candidate;
  }
  return undefined;
}

function* loadSteps(configFile: string | undefined, folder: string, globs: ConfigHost["globs"], options: ResolveOptions): Steps<ResolvedConfig> {
  const settings = options.settings ?? {};
  const problems: ConfigProblem[] = [];
  const sources: { path: string; text: string | undefined }[] = [];
  let fileConfig: JointspecConfig | undefined;
  if (configFile !== undefined) {
    const read = (yield { op: "read", path: configFile, limit: CONFIG_SIZE_LIMIT }) as ReadResult;
    sources.push({ path: configFile, text: read.kind === "text" ? read.text : undefined });
    const problem = readProblem(read, CONFIG_SIZE_LIMIT);
    if (problem) problems.push({ file: configFile, role: "config", ...problem });
    else if (read.kind === "text") {
      const parsed = parseConfig(read.text);
      if (parsed.ok) fileConfig = parsed.value;
      else problems.push({ file: configFile, role: "config", kind: "invalid", problems: parsed.problems, more: parsed.more });
    }
  }
  // The file wins over the settings, limit by limit and rule by rule.
  const limits: Limits = { ...DEFAULT_LIMITS, ...settings.limits, ...fileConfig?.limits };
  const config: JointspecConfig = fileConfig ?? { ...DEFAULT_CONFIG, specs: settings.specs ?? DEFAULT_CONFIG.specs };
  // A usable config's patterns are relative to its folder; otherwise to the host's root or the file's folder.
  const base = fileConfig && configFile !== undefined ? parentOf(configFile) : folder;

  // Glossary paths may leave the config's folder ("../shared/terms.glossary.yaml"): a
  // monorepo keeps one glossary above its projects. They are data, read within size limits.
  const named = fileConfig && configFile !== undefined ? fileConfig.glossary.map((written) => joinPath(parentOf(configFile), written)) : [];
  const glossaryFiles = [...named, ...(settings.glossaryFiles ?? [])];
  const entries: GlossaryEntry[] = [];
  for (const [index, glossaryFile] of glossaryFiles.entries()) {
    const namedIn = index < named.length ? configFile : undefined;
    const read = (yield { op: "read", path: glossaryFile, limit: limits.glossarySize }) as ReadResult;
    sources.push({ path: glossaryFile, text: read.kind === "text" ? read.text : undefined });
    const problem = readProblem(read, limits.glossarySize);
    if (problem) {
      problems.push({ file: glossaryFile, role: "glossary", ...(namedIn ? { namedIn } : {}), ...problem });
      continue;
    }
    if (read.kind !== "text") continue;
    const parsed = parseGlossaryFile(read.text, options.originOf ? options.originOf(glossaryFile) : glossaryFile, limits.glossarySize);
    if (parsed.ok) entries.push(...parsed.value);
    else
      problems.push({ file: glossaryFile, role: "glossary", ...(namedIn ? { namedIn } : {}), kind: "invalid", problems: parsed.problems, more: parsed.more });
  }

  // Built on first use: a CLI run that only names files never matches a pattern.
  let specMatcher: ((path: string) => boolean) | undefined;
  let ignoreMatcher: ((path: string) => boolean) | undefined;
  return {
    file: configFile,
    config,
    severities: { ...settings.rules, ...config.rules },
    limits,
    glossary: Glossary.bundled().extend(entries),
    glossaryFiles,
    base,
    sources,
    problems,
    // Outside `base` a file is judged by its content alone: no pattern speaks for it.
    isSpecByName: (path) => {
      const relative = relativeTo(base, path);
      return relative !== undefined && (specMatcher ??= globs(config.specs))(relative);
    },
    isIgnored: (path) => {
      const relative = relativeTo(base, path);
      return relative !== undefined && (ignoreMatcher ??= globs([...config.ignore, ...ALWAYS_IGNORED]))(relative);
    },
  };
}

// A failed read as a problem; undefined when the text came.
function readProblem(read: ReadResult, limit: number): { kind: "unreadable"; reason: string } | { kind: "too-large"; size: number; limit: number } | undefined {
  if (read.kind === "missing") return { kind: "unreadable", reason: "no such file or directory" };
  if (read.kind === "unreadable") return { kind: "unreadable", reason: read.reason };
  if (read.kind === "too-large") return { kind: "too-large", size: read.size, limit };
  return undefined;
}

function runSync<T>(steps: Steps<T>, host: ConfigHost): T {
  let next = steps.next();
  while (!next.done) {
    const request = next.value;
    next = steps.next(request.op === "exists" ? host.exists(request.path) : host.read(request.path, request.limit));
  }
  return next.value;
}

async function runAsync<T>(steps: Steps<T>, host: AsyncConfigHost): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const request = next.value;
    next = steps.next(request.op === "exists" ? await host.exists(request.path) : await host.read(request.path, request.limit));
  }
  return next.value;
}

/** The folder holding `path` ("/a/b/c.yaml" → "/a/b"; "/a" → "/"). */
export function parentOf(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? (path.startsWith("/") ? "/" : "") : path.slice(0, cut);
}

/** `relative` (POSIX, may hold "." and "..") joined to `folder`, normalised. */
export function joinPath(folder: string, relative: string): string {
  if (relative.startsWith("/")) return normalise(relative);
  return normalise(`${folder}/${relative}`);
}

function normalise(path: string): string {
  const absolute = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else if (!absolute) parts.push("..");
    } else parts.push(part);
  }
  return (absolute ? "/" : "") + parts.join("/");
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith("/") ? folder : `${folder}/`);
}

// `path` relative to `folder`, or undefined when it lies outside it.
function relativeTo(folder: string, path: string): string | undefined {
  if (folder === "") return path.startsWith("/") ? undefined : path;
  const prefix = folder.endsWith("/") ? folder : `${folder}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
