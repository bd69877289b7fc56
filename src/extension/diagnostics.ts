// Lints spec documents as they open, change and are saved, and publishes the findings as
// diagnostics. Typing is debounced; a generation counter per document drops results that a
// newer edit has made stale. The last result per document serves hovers and code actions.

import * as vscode from "vscode";
import { checkSpecSize, lintSpec, type LintResult } from "../core/lint.js";
import { docsUrl } from "../core/rule.js";
import type { Finding } from "../core/types.js";
import { toRange } from "./convert.js";
import type { Log } from "./log.js";
import { isSpecDocument, lintOptionsFor, oversizedLength, type DocumentConfig, type WorkspaceConfig } from "./workspace-config.js";

export interface DocumentLint {
  version: number;
  result: LintResult;
  config: DocumentConfig;
}

const SEVERITY: Record<Finding["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class SpecDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection("jointspec");
  private readonly results = new Map<string, DocumentLint>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  /** The newest lint started per document, so that an overtaken lint can answer with its result. */
  private readonly newest = new Map<string, { generation: number; result: Promise<DocumentLint | undefined> }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were updated. */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly config: WorkspaceConfig,
    private readonly log: Log,
    private readonly rulePage: RulePage = publicRulePage,
  ) {}

  /** The latest lint of `document`, if it is current. */
  current(document: vscode.TextDocument): DocumentLint | undefined {
    const found = this.results.get(document.uri.toString());
    return found && found.version === document.version ? found : undefined;
  }

  /** Lints now, or returns the current result. Undefined for documents that are not specs. */
  async ensure(document: vscode.TextDocument): Promise<DocumentLint | undefined> {
    return this.current(document) ?? this.lint(document);
  }

  /** Lints after the configured pause, unless another change comes first. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const delay = vscode.workspace.getConfiguration("jointspec", document.uri).get<number>("lint.delay", 250);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document);
      }, delay),
    );
  }

  /** Lints `document` and publishes its diagnostics; drops the result if an edit overtook it. */
  lint(document: vscode.TextDocument): Promise<DocumentLint | undefined> {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const result = this.lintAs(document, key, generation);
    this.newest.set(key, { generation, result });
    return result;
  }

  private async lintAs(document: vscode.TextDocument, key: string, generation: number): Promise<DocumentLint | undefined> {
    const version = document.version;
    try {
      const config = await this.config.forDocument(document.uri);
      if (document.isClosed) return undefined;
      if (this.generations.get(key) !== generation || document.version !== version) {
        // Overtaken by a newer lint of this document (opening a spec lints it, and a hover asked
        // for at once lints it too; on a slow file system the first config read can take a
        // while): answer with the newer one's result rather than with nothing, so the hover or
        // code action that asked still gets an answer.
        const newer = this.newest.get(key);
        return newer && newer.generation > generation ? newer.result : undefined;
      }
      if (!isSpecDocument(document, config)) {
        this.forget(document.uri);
        return undefined;
      }
      const options = lintOptionsFor(config);
      // A document too long for the limit is answered from its length: its text is not even fetched.
      const length = oversizedLength(document, config);
      const result = length !== undefined ? checkSpecSize(length, options, true)! : lintSpec(document.getText(), options);
      const lint = { version, result, config };
      this.results.set(key, lint);
      this.collection.set(document.uri, result.findings.map(toDiagnostic(document.uri, this.rulePage)));
      this.changed.fire(document.uri);
      return lint;
    } catch (error) {
      this.log.error(`Linting ${document.uri.fsPath} failed`, error);
      return undefined;
    }
  }

  /** Publishes findings for a file that is not open (Lint workspace). */
  publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.collection.set(uri, findings.map(toDiagnostic(uri, this.rulePage)));
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.newest.delete(key);
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.collection.dispose();
    this.changed.dispose();
  }
}

/** Where a rule's page is, for the link on its diagnostics. */
export type RulePage = (ruleId: string) => vscode.Uri;

/** The rule's page in the public repository. */
const publicRulePage: RulePage = (ruleId) => vscode.Uri.parse(docsUrl(ruleId));

/**
 * The rule's page as bundled in the extension (docs/rules/*.md is packaged, see .vscodeignore):
 * it opens offline, and before the public repository has the page (issue 13).
 */
export function bundledRulePage(extensionUri: vscode.Uri): RulePage {
  return (ruleId) => vscode.Uri.joinPath(extensionUri, "docs", "rules", `${ruleId}.md`);
}

/** A finding as VS Code shows it: sourced, and linked to its rule's page. */
function toDiagnostic(uri: vscode.Uri, rulePage: RulePage = publicRulePage): (finding: Finding) => vscode.Diagnostic {
  return (finding) => {
    const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
    diagnostic.source = "jointspec";
    diagnostic.code = { value: finding.ruleId, target: rulePage(finding.ruleId) };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
      );
    }
    return diagnostic;
  };
}

/** The finding behind a diagnostic we published, matched by rule, range and message. */
export function findingFor(lint: DocumentLint, diagnostic: vscode.Diagnostic): Finding | undefined {
  const ruleId = typeof diagnostic.code === "object" ? String(diagnostic.code.value) : String(diagnostic.code);
  return lint.result.findings.find(
    (finding) => finding.ruleId === ruleId && finding.message === diagnostic.message && toRange(finding.range).isEqual(diagnostic.range),
  );
}
