// Completion items come from the core; this only converts them. Items of the feature catalog
// come without their Markdown (88 of them on every keystroke in `features`): VS Code asks
// `resolveCompletionItem` for the one it shows, and the core makes it then.

import * as vscode from 'vscode';
import * as config from './config';
import { toCompletionKind, toRange, toTextEdit } from './convert';
import type { Engine } from './engine';

export const TRIGGER_CHARACTERS = ['"', ':', '$', '{'];

/** The `docId` of each item sent without documentation. */
const lazyDocs = new WeakMap<vscode.CompletionItem, string>();

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly engine: Engine) {}

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    return resolveDoc(this.engine, item);
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    if (!config.isEnabled(document.uri)) return [];
    const items = this.engine.complete(document.getText(), document.offsetAt(position));
    return items.map((item) => {
      const result = new vscode.CompletionItem(item.label, toCompletionKind(item.kind));
      result.detail = item.detail;
      if (item.documentation) result.documentation = new vscode.MarkdownString(item.documentation);
      else if (item.docId) lazyDocs.set(result, item.docId);
      result.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
      result.range = toRange(item.range);
      result.sortText = item.sortText;
      result.filterText = item.filterText;
      result.additionalTextEdits = (item.additionalEdits ?? []).map(toTextEdit);
      return result;
    });
  }
}

/** Fills the documentation of an item that came with a `docId` instead. */
export function resolveDoc(engine: Engine, item: vscode.CompletionItem): vscode.CompletionItem {
  const docId = lazyDocs.get(item);
  if (docId === undefined || item.documentation !== undefined) return item;
  const markdown = engine.completionDoc(docId);
  if (markdown !== undefined) item.documentation = new vscode.MarkdownString(markdown);
  return item;
}
