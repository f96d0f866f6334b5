// Completion items come from the core; this only converts them. The core sees the files the
// configuration references (Compose services, Dockerfile stages, folder names) as the
// diagnostics read them, so a completion reads nothing that was already read for this change.

import * as vscode from 'vscode';
import * as config from './config';
import { toCompletionKind, toRange, toTextEdit } from './convert';
import type { Engine } from './engine';
import type { ProjectInput } from './engineTypes';

export const TRIGGER_CHARACTERS = ['"', ':', '$', '{', '/'];

/** The configuration with the files it references, as the diagnostics read them. */
export type ProjectSource = (document: vscode.TextDocument) => Promise<ProjectInput | undefined>;

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly engine: Engine,
    private readonly project: ProjectSource = async () => undefined,
  ) {}

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
      result.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
      result.range = toRange(item.range);
      result.sortText = item.sortText;
      result.filterText = item.filterText;
      result.additionalTextEdits = (item.additionalEdits ?? []).map(toTextEdit);
      return result;
    });
  }
}
