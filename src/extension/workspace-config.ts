// The configuration in force for a document: the nearest .jointspec.yaml (the file wins),
// then the jointspec.* settings, and the glossary they name. Files are read through
// vscode.workspace.fs, so virtual workspaces work too; nothing read is ever executed.

import picomatch from "picomatch";
import * as vscode from "vscode";
import { parseConfig, parseGlossaryFile, configCandidates, DEFAULT_SPEC_PATTERNS, type JointspecConfig } from "../core/config.js";
import { Glossary, type GlossaryEntry } from "../core/glossary/glossary.js";
import { configTooLargeMessage, CONFIG_SIZE_LIMIT, DEFAULT_LIMITS, glossaryTooLargeMessage, parseSize, type Limits } from "../core/limits.js";
import { mentionsJointspecKey } from "../core/parse.js";
import type { SeveritySetting } from "../core/types.js";
import type { Log } from "./log.js";

export interface DocumentConfig {
  /** The .jointspec.yaml in force, if any. */
  configUri: vscode.Uri | undefined;
  severities: Readonly<Record<string, SeveritySetting>>;
  /** The size limits in force: the file's, else the settings', else the defaults. */
  limits: Readonly<Limits>;
  glossary: Glossary;
  /** Whether a document is a spec by its path (patterns), before looking at its content. */
  matchesSpecPattern(uri: vscode.Uri): boolean;
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
    return name === ".jointspec.yaml" || name === ".jointspec.yml" || this.sources.has(uri.toString());
  }

  invalidate(): void {
    this.byFolder.clear();
    this.sources.clear();
  }

  private async load(uri: vscode.Uri): Promise<DocumentConfig> {
    const configUri = await this.findConfigFile(uri);
    const settings = vscode.workspace.getConfiguration("jointspec", uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    let fileConfig: JointspecConfig | undefined;
    const sources: string[] = [];
    if (configUri) {
      sources.push(configUri.toString());
      const size = (await vscode.workspace.fs.stat(configUri)).size;
      const parsed = size > CONFIG_SIZE_LIMIT ? undefined : parseConfig(await readText(configUri));
      if (!parsed) this.log.warn(`${configUri.fsPath}: ${configTooLargeMessage(size)} (the settings apply instead)`);
      else if (parsed.ok) fileConfig = parsed.value;
      else this.log.warn(`${configUri.fsPath}:${parsed.problems[0]!.range.start.line + 1}: ${parsed.problems[0]!.message} (the settings apply instead)`);
    }
    // Settings mirror the file; the file wins, limit by limit and rule by rule.
    const limits: Limits = { ...DEFAULT_LIMITS, ...this.limitSettings(settings), ...(fileConfig?.limits ?? {}) };

    const glossaryUris = [
      ...(fileConfig && configUri ? fileConfig.glossary.map((path) => vscode.Uri.joinPath(configUri, "..", path)) : []),
      ...(folder ? settings.get<string[]>("glossary.files", []).map((path) => vscode.Uri.joinPath(folder.uri, path)) : []),
    ];
    const entries: GlossaryEntry[] = [];
    for (const glossaryUri of glossaryUris) {
      sources.push(glossaryUri.toString());
      try {
        // Too large a file is refused by its size, before it is read.
        const size = (await vscode.workspace.fs.stat(glossaryUri)).size;
        if (size > limits.glossarySize) {
          this.log.warn(`${glossaryUri.fsPath}: ${glossaryTooLargeMessage(size, limits.glossarySize)}`);
          continue;
        }
        const parsed = parseGlossaryFile(await readText(glossaryUri), vscode.workspace.asRelativePath(glossaryUri), limits.glossarySize);
        if (parsed.ok) entries.push(...parsed.value);
        else this.log.warn(`${glossaryUri.fsPath}:${parsed.problems[0]!.range.start.line + 1}: ${parsed.problems[0]!.message} (its entries are left out)`);
      } catch (error) {
        this.log.warn(`Cannot read the glossary file ${glossaryUri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    for (const source of sources) this.sources.add(source);

    const severities = { ...explicitRuleSettings(settings), ...(fileConfig?.rules ?? {}) };
    const patterns = fileConfig?.specs ?? settings.get<string[]>("specs", [...DEFAULT_SPEC_PATTERNS]);
    const base = configUri && fileConfig ? vscode.Uri.joinPath(configUri, "..") : folder?.uri;
    return {
      configUri,
      severities,
      limits,
      glossary: Glossary.bundled().extend(entries),
      matchesSpecPattern: specMatcher(patterns, base),
      sources,
    };
  }

  private fallback(uri: vscode.Uri): DocumentConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return { configUri: undefined, severities: {}, limits: DEFAULT_LIMITS, glossary: Glossary.bundled(), matchesSpecPattern: specMatcher([...DEFAULT_SPEC_PATTERNS], folder?.uri), sources: [] };
  }

  // The limits a person set in the settings; one that is not a size is reported and left out.
  private limitSettings(settings: vscode.WorkspaceConfiguration): Partial<Limits> {
    const limits: Partial<Limits> = {};
    for (const name of ["specSize", "glossarySize"] as const) {
      const inspected = settings.inspect<string | number>(`limits.${name}`);
      const written = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
      if (written === undefined) continue;
      const bytes = typeof written === "string" || typeof written === "number" ? parseSize(written) : undefined;
      if (bytes === undefined) this.log.warn(`The setting jointspec.limits.${name} is ${JSON.stringify(written)}, not a size such as 1 MB, 512 KB or 2000000; the default applies.`);
      else limits[name] = bytes;
    }
    return limits;
  }

  // Walks up from the document to its workspace folder's root, nearest first.
  private async findConfigFile(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    for (const path of configCandidates(uri.path)) {
      const candidate = uri.with({ path });
      if (folder && !candidate.path.startsWith(folder.uri.path)) break;
      try {
        await vscode.workspace.fs.stat(candidate);
        return candidate;
      } catch {
        // not there: keep walking up
      }
    }
    return undefined;
  }
}

/**
 * Whether a document is a spec: YAML, and named like one or with a top-level jointspec key in
 * its first 64 KB (as the CLI looks), so that a huge document costs nothing to ask about.
 */
export function isSpecDocument(document: vscode.TextDocument, config: DocumentConfig): boolean {
  if (document.languageId !== "yaml") return false;
  return config.matchesSpecPattern(document.uri) || mentionsJointspecKey(document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(HEAD_LENGTH))));
}

const HEAD_LENGTH = 65536;

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

function specMatcher(patterns: readonly string[], base: vscode.Uri | undefined): (uri: vscode.Uri) => boolean {
  const matches = picomatch([...patterns], { dot: true });
  const name = picomatch([...patterns], { dot: true, basename: true });
  return (uri) => {
    if (base && uri.path.startsWith(`${base.path}/`)) return matches(uri.path.slice(base.path.length + 1));
    // Outside any folder (an untitled or loose file): judge by its name alone.
    return name(uri.path.split("/").pop() ?? "");
  };
}

// Only values a person set count; the manifest's defaults equal the core's anyway.
function explicitRuleSettings(settings: vscode.WorkspaceConfiguration): Record<string, SeveritySetting> {
  const inspected = settings.inspect<Record<string, SeveritySetting>>("rules");
  return { ...inspected?.globalValue, ...inspected?.workspaceValue, ...inspected?.workspaceFolderValue };
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder("utf-8").decode(await vscode.workspace.fs.readFile(uri));
}
