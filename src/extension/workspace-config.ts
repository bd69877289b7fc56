// The configuration in force for a document: the nearest .jointspec.yaml (the file wins),
// then the jointspec.* settings, and the glossary they name. Files are read through
// vscode.workspace.fs, so virtual workspaces work too; nothing read is ever executed.

import * as vscode from "vscode";
import { joinPath, resolveConfig, type ConfigProblem, type ResolvedConfig } from "../core/config-resolver.js";
import { CONFIG_FILE_NAMES, DEFAULT_SPEC_PATTERNS } from "../core/config.js";
import { Glossary } from "../core/glossary/glossary.js";
import type { LintOptions } from "../core/lint.js";
import { configTooLargeMessage, DEFAULT_LIMITS, glossaryTooLargeMessage, parseSize, type Limits } from "../core/limits.js";
import { mentionsJointspecKey, SPEC_HEAD_LENGTH } from "../core/parse.js";
import type { RosterPerson } from "../core/roster.js";
import type { SeveritySetting } from "../core/types.js";
import { workspaceFsHost } from "./config-host.js";
import type { Log } from "./log.js";
import { lintToday } from "./today.js";

export interface DocumentConfig {
  /** The .jointspec.yaml in force, if any. */
  configUri: vscode.Uri | undefined;
  severities: Readonly<Record<string, SeveritySetting>>;
  /** The size limits in force: the file's, else the settings', else the defaults. */
  limits: Readonly<Limits>;
  glossary: Glossary;
  /** The roster (.jointspec.yaml `people:`); empty when the config has none. */
  people: readonly RosterPerson[];
  /** Whether a document is a spec by its path (patterns), before looking at its content. */
  matchesSpecPattern(uri: vscode.Uri): boolean;
  /** Whether the config's `ignore` (or node_modules, .git) keeps a document from being linted. */
  isIgnored(uri: vscode.Uri): boolean;
  /** Every file this config was built from, to re-lint when one changes. */
  sources: readonly string[];
}

/** Loads and caches configs per folder; `invalidate` drops them when a source changes. */
export class WorkspaceConfig {
  private readonly byFolder = new Map<string, Promise<DocumentConfig>>();
  private readonly sources = new Set<string>();

  constructor(private readonly log: Log) {}

  /** The config for the document at `uri`. */
  forDocument(uri: vscode.Uri): Promise<DocumentConfig> {
    const folder = vscode.Uri.joinPath(uri, "..");
    const key = folder.toString();
    let config = this.byFolder.get(key);
    if (!config) {
      config = this.load(uri).catch((error: unknown) => {
        this.log.error(`Could not read the JointSpec configuration for ${uri.fsPath}`, error);
        return this.fallback(uri);
      });
      this.byFolder.set(key, config);
    }
    return config;
  }

  /** Whether a changed file is a config or glossary file that some document depends on. */
  isSource(uri: vscode.Uri): boolean {
    const name = uri.path.split("/").pop() ?? "";
    return (CONFIG_FILE_NAMES as readonly string[]).includes(name) || this.sources.has(uri.toString());
  }

  invalidate(): void {
    this.byFolder.clear();
    this.sources.clear();
  }

  // The core resolves (as for the CLI); the editor adds its settings under the file, and
  // logs a file it cannot use instead of stopping: the rest still applies.
  private async load(uri: vscode.Uri): Promise<DocumentConfig> {
    const settings = vscode.workspace.getConfiguration("jointspec", uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const uriOf = (path: string): vscode.Uri => uri.with({ path });
    // Restricted mode: nothing outside the folder, whatever the folder's .jointspec.yaml names.
    const confineTo = !vscode.workspace.isTrusted && folder ? folder.uri.path : undefined;
    const resolved = await resolveConfig(uri.path, workspaceFsHost(vscode.workspace.fs, uriOf, confineTo), {
      ...(folder ? { root: folder.uri.path } : {}),
      settings: {
        rules: explicitRuleSettings(settings),
        specs: settings.get<string[]>("specs", [...DEFAULT_SPEC_PATTERNS]),
        limits: this.limitSettings(settings),
        glossaryFiles: folder ? settings.get<string[]>("glossary.files", []).map((path) => joinPath(folder.uri.path, path)) : [],
      },
      originOf: (path) => vscode.workspace.asRelativePath(uriOf(path)),
    });
    for (const problem of resolved.problems) this.log.warn(problemWords(problem, uriOf));
    const sources = resolved.sources.map((source) => uriOf(source.path).toString());
    for (const source of sources) this.sources.add(source);
    return documentConfig(resolved, uriOf, sources);
  }

  private fallback(uri: vscode.Uri): DocumentConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const base = folder?.uri.path ?? uri.path.slice(0, uri.path.lastIndexOf("/"));
    const matchesDefaults = (path: string): boolean => path.startsWith(`${base}/`) && /\.campaign\.ya?ml$/.test(path);
    return {
      configUri: undefined,
      severities: {},
      limits: DEFAULT_LIMITS,
      glossary: Glossary.bundled(),
      people: [],
      matchesSpecPattern: (other) => matchesDefaults(other.path),
      isIgnored: () => false,
      sources: [],
    };
  }

  // The limits a person set in the settings; one that is not a size is reported and left out.
  private limitSettings(settings: vscode.WorkspaceConfiguration): Partial<Limits> {
    const limits: Partial<Limits> = {};
    for (const name of ["specSize", "glossarySize"] as const) {
      const inspected = settings.inspect<string | number>(`limits.${name}`);
      const written = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
      if (written === undefined) continue;
      const bytes = typeof written === "string" || typeof written === "number" ? parseSize(written) : undefined;
      if (bytes === undefined)
        this.log.warn(`The setting jointspec.limits.${name} is ${JSON.stringify(written)}, not a size such as 1 MB, 512 KB or 2000000; the default applies.`);
      else limits[name] = bytes;
    }
    return limits;
  }
}

/** What the config in force asks of the core for one document, as of today: one definition for every lint the editor runs. */
export function lintOptionsFor(config: DocumentConfig): LintOptions {
  return { severities: config.severities, glossary: config.glossary, maxSpecSize: config.limits.specSize, people: config.people, today: lintToday() };
}

/**
 * Whether a document is a spec: YAML, and named like one or with a top-level jointspec key in
 * its first 64 KB (as the CLI looks), so that a huge document costs nothing to ask about.
 */
export function isSpecDocument(document: vscode.TextDocument, config: DocumentConfig): boolean {
  if (document.languageId !== "yaml" || config.isIgnored(document.uri)) return false;
  return (
    config.matchesSpecPattern(document.uri) ||
    mentionsJointspecKey(document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(SPEC_HEAD_LENGTH))))
  );
}

/**
 * The document's length in UTF-16 code units when that alone puts it over the spec size limit
 * (UTF-8 takes at least as many bytes), without fetching its text; otherwise undefined.
 */
export function oversizedLength(document: vscode.TextDocument, config: DocumentConfig): number | undefined {
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return length > config.limits.specSize ? length : undefined;
}

/** Whether the document is over the spec size limit by its length alone. */
export function exceedsSpecSize(document: vscode.TextDocument, config: DocumentConfig): boolean {
  return oversizedLength(document, config) !== undefined;
}

// The resolver's answer in the editor's terms: URIs on the document's file system.
function documentConfig(resolved: ResolvedConfig, uriOf: (path: string) => vscode.Uri, sources: readonly string[]): DocumentConfig {
  return {
    configUri: resolved.file === undefined ? undefined : uriOf(resolved.file),
    severities: resolved.severities,
    limits: resolved.limits,
    glossary: resolved.glossary,
    people: resolved.config.people,
    matchesSpecPattern: (uri) => resolved.isSpecByName(uri.path),
    isIgnored: (uri) => resolved.isIgnored(uri.path),
    sources,
  };
}

// One line for the output channel about a config or glossary file that could not be used.
function problemWords(problem: ConfigProblem, uriOf: (path: string) => vscode.Uri): string {
  const file = uriOf(problem.file).fsPath;
  const consequence = problem.role === "config" ? " (the settings apply instead)" : " (its entries are left out)";
  switch (problem.kind) {
    case "unreadable":
      return `Cannot read the ${problem.role} file ${file}: ${problem.reason}${consequence}`;
    case "too-large":
      return `${file}: ${problem.role === "config" ? configTooLargeMessage(problem.size) : glossaryTooLargeMessage(problem.size, problem.limit)}${problem.role === "config" ? consequence : ""}`;
    case "invalid": {
      const first = problem.problems[0];
      return first ? `${file}:${first.range.start.line + 1}: ${first.message}${consequence}` : `${file}: invalid${consequence}`;
    }
  }
}

// Only values a person set count; the manifest's defaults equal the core's anyway.
function explicitRuleSettings(settings: vscode.WorkspaceConfiguration): Record<string, SeveritySetting> {
  const inspected = settings.inspect<Record<string, SeveritySetting>>("rules");
  return { ...inspected?.globalValue, ...inspected?.workspaceValue, ...inspected?.workspaceFolderValue };
}
