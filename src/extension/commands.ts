// The commands: New Campaign Spec, Lint Workspace, Show Output, and the two that code actions
// run (disable a rule for a line, with a reason; open a rule's documentation).

import * as vscode from "vscode";
import { lintBytes } from "../core/lint-bytes.js";
import { lintSpec } from "../core/lint.js";
import { mentionsJointspecKey } from "../core/parse.js";
import { disableNextLineEdit } from "../core/suppressions.js";
import { newSpecText, SPEC_ID_PATTERN, titleFromId } from "../core/templates.js";
import { toWorkspaceEdit } from "./convert.js";
import type { SpecDiagnostics } from "./diagnostics.js";
import type { Log } from "./log.js";
import type { WorkspaceConfig } from "./workspace-config.js";

export function registerCommands(context: vscode.ExtensionContext, diagnostics: SpecDiagnostics, config: WorkspaceConfig, log: Log): void {
  const register = (id: string, run: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };
  register("jointspec.showOutput", () => log.show());
  register("jointspec.newSpec", (id?: string, title?: string) => newSpec(log, id, title));
  register("jointspec.lintWorkspace", () => lintWorkspace(diagnostics, config, log));
  register("jointspec.disableRuleForLine", (uri: vscode.Uri, ruleId: string, line: number, reason?: string) =>
    disableRuleForLine(uri, ruleId, line, diagnostics, reason),
  );
  register("jointspec.showRuleDocs", (ruleId: string) => showRuleDocs(context, ruleId));
}

// The id and title can come as arguments (keybindings, tests); otherwise they are asked for.
async function newSpec(log: Log, givenId?: string, givenTitle?: string): Promise<vscode.Uri | undefined> {
  const id = givenId ?? await vscode.window.showInputBox({
    title: "New campaign spec (1/2)",
    prompt: "The spec's id, in kebab-case",
    placeHolder: "spring-loyalty-relaunch",
    validateInput: (value) => (SPEC_ID_PATTERN.test(value) ? undefined : "Use lowercase words joined by hyphens, such as spring-loyalty-relaunch"),
  });
  if (!id) return undefined;
  const title = givenTitle ?? await vscode.window.showInputBox({
    title: "New campaign spec (2/2)",
    prompt: "The campaign's title, as people say it",
    value: titleFromId(id),
    validateInput: (value) => (value.trim() ? undefined : "A title is needed"),
  });
  if (!title) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const content = newSpecText(id, title.trim());
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: "yaml", content });
    await vscode.window.showTextDocument(document);
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
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** Lints every spec in the workspace, open or not, and reports them in the Problems view. */
export async function lintWorkspace(diagnostics: SpecDiagnostics, config: WorkspaceConfig, log: Log): Promise<{ files: number; findings: number }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "JointSpec: linting the workspace" }, async () => {
    // An explicit full run reads every config and glossary afresh, not what file events last said.
    config.invalidate();
    const candidates = await vscode.workspace.findFiles("**/*.{yaml,yml}", "**/{node_modules,.git}/**");
    let files = 0;
    let findings = 0;
    for (const uri of candidates) {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      if (open) {
        const lint = await diagnostics.lint(open);
        if (lint) [files, findings] = [files + 1, findings + lint.result.findings.length];
        continue;
      }
      try {
        const documentConfig = await config.forDocument(uri);
        const bytes = await vscode.workspace.fs.readFile(uri);
        const name = uri.path.split("/").pop() ?? "";
        if (name.startsWith(".jointspec.")) continue;
        if (!documentConfig.matchesSpecPattern(uri) && !mentionsJointspecKey(new TextDecoder().decode(bytes.subarray(0, 65536)))) continue;
        const result = lintBytes(bytes, { severities: documentConfig.severities, glossary: documentConfig.glossary });
        diagnostics.publish(uri, result.findings);
        files++;
        findings += result.findings.length;
      } catch (error) {
        log.error(`Lint workspace: cannot lint ${uri.fsPath}`, error);
      }
    }
    log.info(`Lint workspace: ${findings} problem(s) in ${files} spec(s).`);
    return { files, findings };
  });
}

async function disableRuleForLine(uri: vscode.Uri, ruleId: string, line: number, diagnostics: SpecDiagnostics, givenReason?: string): Promise<boolean> {
  const reason = givenReason?.trim() || await vscode.window.showInputBox({
    title: `Disable ${ruleId} for this line`,
    prompt: "Why? The reason is written into the spec, for the other function's reviewers.",
    placeHolder: "e.g. technology owner is named at kickoff on 12 March",
    validateInput: (value) => (value.trim() ? undefined : "A reason is required"),
  });
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
