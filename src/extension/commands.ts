// The commands: New Campaign Spec, Lint Workspace, Show Output, and the two that code actions
// run (disable a rule for a line, with a reason; open a rule's documentation).

import * as vscode from "vscode";
import { lintBytes } from "../core/lint-bytes.js";
import { checkSpecSize, lintSpec } from "../core/lint.js";
import { headMentionsJointspecKey } from "../core/parse.js";
import { disableNextLineEdit } from "../core/suppressions.js";
import type { Finding } from "../core/types.js";
import { firstPlaceholder, newSpecText, SPEC_ID_PATTERN, titleFromId } from "../core/templates.js";
import { toWorkspaceEdit } from "./convert.js";
import type { SpecDiagnostics } from "./diagnostics.js";
import type { Log } from "./log.js";
import { lintOptionsFor, type WorkspaceConfig } from "./workspace-config.js";
import { listYamlFiles, type ListOptions } from "./workspace-files.js";

export function registerCommands(context: vscode.ExtensionContext, diagnostics: SpecDiagnostics, config: WorkspaceConfig, log: Log): void {
  const register = (id: string, run: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };
  register("jointspec.showOutput", () => log.show());
  register("jointspec.newSpec", (id?: string, title?: string) => newSpec(log, id, title));
  // From the palette: no arguments. Tests pass roots of their own (and shorter waits).
  register("jointspec.lintWorkspace", (roots?: unknown, options?: unknown) =>
    lintWorkspace(
      diagnostics,
      config,
      log,
      Array.isArray(roots) && roots.every((root) => root instanceof vscode.Uri) ? roots : undefined,
      typeof options === "object" && options !== null ? (options as ListOptions) : undefined,
    ),
  );
  register("jointspec.disableRuleForLine", (uri: vscode.Uri, ruleId: string, line: number, reason?: string) =>
    disableRuleForLine(uri, ruleId, line, diagnostics, reason),
  );
  register("jointspec.showRuleDocs", (ruleId: string) => showRuleDocs(context, ruleId));
}

// The id and title can come as arguments (keybindings, tests); otherwise they are asked for.
async function newSpec(log: Log, givenId?: string, givenTitle?: string): Promise<vscode.Uri | undefined> {
  const id =
    givenId ??
    (await vscode.window.showInputBox({
      title: "New campaign spec (1/2)",
      prompt: "The spec's id, in kebab-case",
      placeHolder: "spring-loyalty-relaunch",
      validateInput: (value) => (SPEC_ID_PATTERN.test(value) ? undefined : "Use lowercase words joined by hyphens, such as spring-loyalty-relaunch"),
    }));
  if (!id) return undefined;
  const title =
    givenTitle ??
    (await vscode.window.showInputBox({
      title: "New campaign spec (2/2)",
      prompt: "The campaign's title, as people say it",
      value: titleFromId(id),
      validateInput: (value) => (value.trim() ? undefined : "A title is needed"),
    }));
  if (!title) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const content = newSpecText(id, title.trim());
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: "yaml", content });
    selectFirstPlaceholder(await vscode.window.showTextDocument(document));
    return document.uri;
  }
  const uri = vscode.Uri.joinPath(folder.uri, `${id}.campaign.yaml`);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists.`);
    return undefined;
  } catch {
    // free: create it
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  log.info(`Created ${uri.fsPath}`);
  selectFirstPlaceholder(await vscode.window.showTextDocument(uri));
  return uri;
}

// A new spec opens with its first placeholder selected, not with the cursor at line 1, so
// the person starts where a decision is needed (issue 13).
function selectFirstPlaceholder(editor: vscode.TextEditor): void {
  const placeholder = firstPlaceholder(editor.document.getText());
  if (!placeholder) return;
  const range = new vscode.Range(editor.document.positionAt(placeholder[0]), editor.document.positionAt(placeholder[1]));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
}

/** What Lint Workspace did: specs linted, findings, and what it could not list (also shown as a warning). */
export interface LintWorkspaceResult {
  files: number;
  findings: number;
  /** One line per folder that could not be listed, or only in part; empty when all went well. */
  problems: string[];
}

/**
 * Lints every spec in the workspace, open or not, and reports them in the Problems view.
 * `roots` (default: the workspace folders) and `options` let tests point it at a file system
 * of their own; the palette passes neither.
 */
async function lintWorkspace(
  diagnostics: SpecDiagnostics,
  config: WorkspaceConfig,
  log: Log,
  roots?: readonly vscode.Uri[],
  options?: ListOptions,
): Promise<LintWorkspaceResult> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "JointSpec: linting the workspace" }, async () => {
    // An explicit full run reads every config and glossary afresh, not what file events last said.
    config.invalidate();
    let files = 0;
    let findings = 0;
    const problems: string[] = [];
    for (const root of roots ?? (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)) {
      const listing = await listYamlFiles(root, options);
      const where = vscode.workspace.getWorkspaceFolder(root)?.name ?? root.toString();
      if (listing.method === "none") problems.push(`cannot list the files of ${where} (${listing.problem}); specs there are still checked when you open them`);
      else if (listing.problem) problems.push(`in ${where}, ${listing.problem}; specs left out are still checked when you open them`);
      log.info(
        `Lint workspace: ${listing.files.length} YAML file(s) in ${root.toString()} (listed by ${listing.method === "search" ? "VS Code's file search" : listing.method === "walk" ? "walking its folders" : "nothing"}).`,
      );
      for (const uri of listing.files) {
        const linted = await lintOne(uri, diagnostics, config, log);
        if (linted !== undefined) [files, findings] = [files + 1, findings + linted];
      }
    }
    log.info(`Lint workspace: ${findings} problem(s) in ${files} spec(s).`);
    for (const problem of problems) log.warn(`Lint workspace: ${problem}`);
    if (problems.length > 0)
      void vscode.window.showWarningMessage(`JointSpec: Lint Workspace ${problems.join("; ")}.`, "Show Output").then((choice) => choice && log.show());
    return { files, findings, problems };
  });
}

// Lints one file if it is a spec; returns its number of findings, or undefined when it is no spec.
async function lintOne(uri: vscode.Uri, diagnostics: SpecDiagnostics, config: WorkspaceConfig, log: Log): Promise<number | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return (await diagnostics.lint(open))?.result.findings.length;
  try {
    const name = uri.path.split("/").pop() ?? "";
    if (name.startsWith(".jointspec.")) return undefined;
    const documentConfig = await config.forDocument(uri);
    // Ignored by the config: no diagnostics, as the command line skips it.
    if (documentConfig.isIgnored(uri)) {
      diagnostics.forget(uri);
      return undefined;
    }
    const options = lintOptionsFor(documentConfig);
    const byName = documentConfig.matchesSpecPattern(uri);
    // A spec by name over the size limit is answered from its size, unread; lintBytes
    // answers the same for any other spec over the limit, without decoding it.
    let result: { findings: Finding[] } | undefined = byName ? checkSpecSize((await vscode.workspace.fs.stat(uri)).size, options) : undefined;
    if (!result) {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (!byName && !headMentionsJointspecKey(bytes)) return undefined;
      result = lintBytes(bytes, options);
    }
    diagnostics.publish(uri, result.findings);
    return result.findings.length;
  } catch (error) {
    log.error(`Lint workspace: cannot lint ${uri.toString()}`, error);
    return undefined;
  }
}

async function disableRuleForLine(uri: vscode.Uri, ruleId: string, line: number, diagnostics: SpecDiagnostics, givenReason?: string): Promise<boolean> {
  const reason =
    givenReason?.trim() ||
    (await vscode.window.showInputBox({
      title: `Disable ${ruleId} for this line`,
      prompt: "Why? The reason is written into the spec, for the other function's reviewers.",
      placeHolder: "e.g. technology owner is named at kickoff on 12 March",
      validateInput: (value) => (value.trim() ? undefined : "A reason is required"),
    }));
  if (!reason) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const lint = (await diagnostics.ensure(document))?.result ?? lintSpec(document.getText());
  const finding = lint.findings.find((f) => f.ruleId === ruleId && f.range.start.line === line);
  if (!finding) return false;
  return vscode.workspace.applyEdit(toWorkspaceEdit(uri, [disableNextLineEdit(lint.analysis.parsed.lines, finding, reason)]));
}

// The pages ship inside the extension, so the documentation opens offline.
async function showRuleDocs(context: vscode.ExtensionContext, ruleId: string): Promise<void> {
  const page = vscode.Uri.joinPath(context.extensionUri, "docs", "rules", `${ruleId}.md`);
  await vscode.commands.executeCommand("markdown.showPreview", page);
}
