// Completion items come from the core; this only converts them.

import * as vscode from 'vscode';
import * as config from './config';
import { toCompletionKind, toRange, toTextEdit } from './convert';
import type { Engine } from './engine';

export const TRIGGER_CHARACTERS = ['"', ':', '$', '{'];

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly engine: Engine) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    if (!config.isEnabled(document.uri)) return [];
    const items = this.engine.complete(document.getText(), document.offsetAt(position));
    return items.map((item) => {
      const result = new vscode.CompletionItem(item.label, toCompletionKind(item.kind));
      result.detail = item.detail;
      if (item.documentation) result.documentation = new vscode.MarkdownString(item.documentation);
      result.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
      result.range = toRange(item.range);
      result.sortText = item.sortText;
      result.filterText = item.filterText;
      result.additionalTextEdits = (item.additionalEdits ?? []).map(toTextEdit);
      return result;
    });
  }
}
