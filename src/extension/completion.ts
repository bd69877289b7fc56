// Completions in spec files, computed by the core from the text at the cursor.

import * as vscode from "vscode";
import { completionsAt, type CompletionSuggestion } from "../core/completions.js";
import { exceedsSpecSize, isSpecDocument, type WorkspaceConfig } from "./workspace-config.js";

const KINDS: Record<CompletionSuggestion["kind"], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  term: vscode.CompletionItemKind.Keyword,
  snippet: vscode.CompletionItemKind.Snippet,
};

export class SpecCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly config: WorkspaceConfig) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const config = await this.config.forDocument(document.uri);
    // A spec over the size limit is not read, for completions either.
    if (!isSpecDocument(document, config) || exceedsSpecSize(document, config)) return [];
    return completionsAt(document.getText(), position, config.glossary, config.people).map((suggestion) => {
      const item = new vscode.CompletionItem(suggestion.label, KINDS[suggestion.kind]);
      item.insertText = suggestion.isSnippet ? new vscode.SnippetString(suggestion.insertText) : suggestion.insertText;
      item.range = new vscode.Range(position.line, suggestion.replaceFrom, position.line, position.character);
      if (suggestion.detail) item.detail = suggestion.detail;
      if (suggestion.documentation) item.documentation = new vscode.MarkdownString(suggestion.documentation);
      return item;
    });
  }
}
