// Completion items come from the core; this only converts them. The core sees the files the
// configuration references (Compose services, Dockerfile stages, folder names) as the
// diagnostics read them, so a completion reads nothing that was already read for this change.
// Items of the feature catalog come without their Markdown (88 of them on every keystroke in
// `features`): VS Code asks `resolveCompletionItem` for the one it shows, and the core makes it.

import * as vscode from 'vscode';
import * as config from './config';
import { toCompletionKind, toRange, toTextEdit } from './convert';
import type { Engine } from './engine';
import type { ProjectInput } from './engineTypes';

export const TRIGGER_CHARACTERS = ['"', ':', '$', '{', '/'];

/** The configuration with the files it references, as the diagnostics read them. */
export type ProjectSource = (document: vscode.TextDocument) => Promise<ProjectInput | undefined>;

/** The `docId` of each item sent without documentation. */
const lazyDocs = new WeakMap<vscode.CompletionItem, string>();

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly engine: Engine,
    private readonly project: ProjectSource = async () => undefined,
  ) {}

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    return resolveDoc(this.engine, item);
  }

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[]> {
    if (!config.isEnabled(document.uri)) return [];
    // The text and offset of this request: typing may go on while the files are read.
    const text = document.getText();
    const offset = document.offsetAt(position);
    const input = await this.project(document);
    const items = input ? this.engine.completeProject({ ...input, text }, offset) : this.engine.complete(text, offset);
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
