// Readiness at a glance for the active spec: "JointSpec ✓" or "JointSpec: 1 ✖ 2 ⚠".
// Clicking opens the Problems view.

import * as vscode from "vscode";
import type { SpecDiagnostics } from "./diagnostics.js";

export class SpecStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("jointspec.status", vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly diagnostics: SpecDiagnostics) {
    this.item.name = "JointSpec";
    this.item.command = "workbench.actions.view.problems";
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const lint = editor && this.diagnostics.current(editor.document);
    if (!lint) {
      this.item.hide();
      return;
    }
    const count = (severity: string): number => lint.result.findings.filter((f) => f.severity === severity).length;
    const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
    const parts = [errors ? `${errors} $(error)` : "", warnings ? `${warnings} $(warning)` : "", infos ? `${infos} $(info)` : ""].filter(Boolean);
    this.item.text = parts.length === 0 ? "$(check) JointSpec" : `JointSpec: ${parts.join(" ")}`;
    this.item.tooltip =
      parts.length === 0
        ? "This spec is ready: no JointSpec problems."
        : `JointSpec: ${errors} error(s), ${warnings} warning(s), ${infos} note(s). Click to open the Problems view.`;
    this.item.backgroundColor = errors
      ? new vscode.ThemeColor("statusBarItem.errorBackground")
      : warnings
        ? new vscode.ThemeColor("statusBarItem.warningBackground")
        : undefined;
    this.item.show();
  }

  /** What the item shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
