// Between the core's plain positions and VS Code's classes. Both count lines from 0 and
// characters in UTF-16 code units, so this is a change of type, not of numbers.

import * as vscode from "vscode";
import type { Range, TextEdit } from "../core/types.js";

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(edit.range), edit.newText);
}

/** A workspace edit applying core edits to one document. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(uri, edits.map(toTextEdit));
  return workspaceEdit;
}
