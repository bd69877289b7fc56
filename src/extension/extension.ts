// The VS Code extension: a thin host over the core. activate() wires the providers; each
// lives in its own file. Spec files keep the `yaml` language id, so Red Hat's YAML extension
// and every YAML feature keep working on them; other YAML files are left alone.

import * as vscode from "vscode";
import { FIX_ALL_KIND, SpecCodeActionProvider } from "./code-actions.js";
import { registerCommands } from "./commands.js";
import { SpecCompletionProvider } from "./completion.js";
import { bundledRulePage, SpecDiagnostics } from "./diagnostics.js";
import { SpecHoverProvider } from "./hover.js";
import { createLog } from "./log.js";
import { registerPreview, type PreviewController } from "./preview-panel.js";
import { registerSignOff, type SignOffDialogs } from "./sign-off.js";
import { SpecStatusBar } from "./status-bar.js";
import { WorkspaceConfig } from "./workspace-config.js";

const YAML: vscode.DocumentSelector = [{ language: "yaml" }];

/** What activate() returns: handles for the integration tests. */
export interface JointspecApi {
  diagnostics: SpecDiagnostics;
  statusBar: SpecStatusBar;
  preview: PreviewController;
  /** The dialogs the sign-off flow asks through: tests answer them (src/extension/sign-off.ts says why). */
  signOffDialogs: SignOffDialogs;
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): JointspecApi {
  const started = performance.now();
  const log = createLog();
  const config = new WorkspaceConfig(log);
  const diagnostics = new SpecDiagnostics(config, log, bundledRulePage(context.extensionUri));
  const statusBar = new SpecStatusBar(diagnostics);
  context.subscriptions.push(log, diagnostics, statusBar);

  context.subscriptions.push(
    vscode.languages.registerHoverProvider(YAML, new SpecHoverProvider(diagnostics)),
    vscode.languages.registerCompletionItemProvider(YAML, new SpecCompletionProvider(config), ":", " ", "-", "["),
    vscode.languages.registerCodeActionsProvider(YAML, new SpecCodeActionProvider(diagnostics), SpecCodeActionProvider.metadata),
  );
  registerCommands(context, diagnostics, config, log);
  const preview = registerPreview(context, diagnostics, log);
  const signOffDialogs = registerSignOff(context, diagnostics, log);

  const setting = (document: vscode.TextDocument, name: string): boolean =>
    vscode.workspace.getConfiguration("jointspec", document.uri).get<boolean>(name, true);
  const relintOpen = (): void => {
    config.invalidate();
    for (const document of vscode.workspace.textDocuments) if (document.languageId === "yaml") void diagnostics.lint(document);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === "yaml") void diagnostics.lint(document);
    }),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (document.languageId !== "yaml" || contentChanges.length === 0) return;
      if (config.isSource(document.uri)) return; // config and glossary edits count once saved
      if (setting(document, "lint.onType")) diagnostics.schedule(document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (config.isSource(document.uri)) relintOpen();
      else if (document.languageId === "yaml" && (setting(document, "lint.onSave") || !setting(document, "lint.onType"))) void diagnostics.lint(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document.uri)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("jointspec")) relintOpen();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(relintOpen),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    diagnostics.onDidUpdate(() => statusBar.update()),
  );

  // Config and glossary files changed on disk (or by another tool) re-lint the open specs.
  const watcher = vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml}");
  const onFileChange = (uri: vscode.Uri): void => {
    if (config.isSource(uri)) relintOpen();
  };
  context.subscriptions.push(watcher, watcher.onDidChange(onFileChange), watcher.onDidCreate(onFileChange), watcher.onDidDelete(onFileChange));

  for (const document of vscode.workspace.textDocuments) if (document.languageId === "yaml") void diagnostics.lint(document);
  const activationMs = performance.now() - started;
  log.info(`JointSpec activated in ${activationMs.toFixed(1)} ms (fix-all kind: ${FIX_ALL_KIND.value}).`);
  return { diagnostics, statusBar, preview, signOffDialogs, activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
