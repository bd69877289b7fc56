// Waiting for JointSpec's diagnostics, as the Problems view would show them.
import * as vscode from "vscode";
import type { JointspecApi } from "../../src/extension/extension";
import { EXTENSION_ID, waitFor } from "./helpers";

/** The extension's own handles, as activate() returns them. */
export function api(): JointspecApi {
  const extension = vscode.extensions.getExtension<JointspecApi>(EXTENSION_ID);
  if (!extension?.isActive) throw new Error(`${EXTENSION_ID} is not active`);
  return extension.exports;
}

export function jointspecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "jointspec");
}

/** "rule@line:column", 1-based, sorted: the same shape as the inline `# expect:` markers. */
export function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${typeof d.code === "object" ? String(d.code.value) : String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .sort();
}

/** Resolves with the diagnostics once `accept` likes them (the extension lints asynchronously). */
export async function diagnosticsWhen(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const found = jointspecDiagnostics(uri);
      return accept(found) ? found : undefined;
    },
    { timeoutMs },
  );
}

/** Milliseconds from `act` to the next diagnostics change for `uri` that `accept` likes. */
export async function timeToDiagnostics(uri: vscode.Uri, act: () => Thenable<unknown>, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<number> {
  const started = performance.now();
  const changed = new Promise<number>((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && accept(jointspecDiagnostics(uri))) {
        listener.dispose();
        resolve(performance.now() - started);
      }
    });
  });
  await act();
  return changed;
}

// Each test's untitled document gets a name of its own: VS Code names the anonymous ones
// from the lowest free Untitled-N, and a closed one can linger in the extension host, so
// a test could be handed the previous test's document under the same name.
let untitledCount = 0;

/** Opens a spec's text as a new untitled YAML document (a spec by its jointspec key). */
export async function openUntitledSpec(content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: "untitled", path: `jointspec-test-${++untitledCount}.yaml` });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  // Line ends are the document's: set CRLF first, so the inserted text keeps its own.
  if (content.includes("\r\n")) await editor.edit((edit) => edit.setEndOfLine(vscode.EndOfLine.CRLF));
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
  if (editor.document.getText() !== content) throw new Error(`${uri.toString()} does not hold the text it was given`);
  return editor;
}

/** Closes every editor, reverting unsaved edits first, so no test sees another's changes. */
export async function closeAll(): Promise<void> {
  for (let guard = 0; vscode.window.activeTextEditor && guard < 50; guard++) {
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}
