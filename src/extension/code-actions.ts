// Quick fixes from the core's fixes, "Sign again for <function>…" on a stale sign-off (runs
// the sign-off command), "Disable <rule> for this line" (asks for the reason),
// "Show documentation for <rule>", and Fix all (source.fixAll.jointspec, usable on save).
// Every edit is the core's minimal edit; nothing rewrites the document wholesale.

import * as vscode from "vscode";
import { fixAll } from "../core/fixes/apply.js";
import { isSuppressible } from "../core/suppressions.js";
import type { Finding } from "../core/types.js";
import { toWorkspaceEdit } from "./convert.js";
import { findingFor, type SpecDiagnostics } from "./diagnostics.js";
import { SIGN_OFF_COMMAND } from "./sign-off.js";
import { exceedsSpecSize, lintOptionsFor, type DocumentConfig } from "./workspace-config.js";

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("jointspec");
const STALE_SIGN_OFF = "stale-sign-off";

export class SpecCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: SpecDiagnostics) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const lint = await this.diagnostics.ensure(document);
    if (!lint) return [];
    // "source.fixAll" on save, the Source Action menu, or our own kind by name.
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) return this.fixAllAction(document, lint.config);
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];

    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== "jointspec") continue;
      const finding = findingFor(lint, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
      const signAgain = signAgainAction(document, finding, diagnostic);
      if (signAgain) actions.push(signAgain);
      if (isSuppressible(finding.ruleId)) actions.push(disableAction(document, finding, diagnostic));
      actions.push(docsAction(finding, diagnostic));
    }
    return actions;
  }

  // One action applying every preferred fix; its edits are the minimal span that changed.
  private fixAllAction(document: vscode.TextDocument, config: DocumentConfig): vscode.CodeAction[] {
    // A spec over the size limit is not read, here either.
    if (exceedsSpecSize(document, config)) return [];
    const before = document.getText();
    const { text: after, applied } = fixAll(before, lintOptionsFor(config));
    if (applied === 0) return [];
    const action = new vscode.CodeAction(`Fix all JointSpec problems that have a safe fix (${applied})`, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, ...changedSpan(document, before, after));
    return [action];
  }
}

/** The smallest single replacement that turns `before` into `after`. */
function changedSpan(document: vscode.TextDocument, before: string, after: string): [vscode.Range, string] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [new vscode.Range(document.positionAt(start), document.positionAt(endBefore)), after.slice(start, endAfter)];
}

// A stale sign-off is fixed by signing again: the signer's name and today's date come from
// the host, so the fix is the sign-off command, not an edit the core could compute alone.
function signAgainAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  if (finding.ruleId !== STALE_SIGN_OFF) return undefined;
  const side = finding.path?.[0] === "approvals" ? finding.path[1] : undefined;
  if (side !== "marketing" && side !== "technology") return undefined;
  const action = new vscode.CodeAction(`Sign again for ${side}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { title: action.title, command: SIGN_OFF_COMMAND, arguments: [side, document.uri] };
  return action;
}

function disableAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line…`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { title: action.title, command: "jointspec.disableRuleForLine", arguments: [document.uri, finding.ruleId, finding.range.start.line] };
  return action;
}

function docsAction(finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { title: action.title, command: "jointspec.showRuleDocs", arguments: [finding.ruleId] };
  return action;
}
