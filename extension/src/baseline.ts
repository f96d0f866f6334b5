// The text each devcontainer.json had when this window first saw it. The extension host starts
// fresh with every container session, so inside a dev container that is the configuration the
// running container was started with: the baseline "Save and Rebuild" compares the saved text to.

import * as vscode from 'vscode';
import { isDevcontainerDocument } from './documents';

export class Baselines implements vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly subscription: vscode.Disposable;

  /** Create it first thing in `activate`, so no open document is missed. */
  constructor() {
    for (const document of vscode.workspace.textDocuments) this.record(document);
    this.subscription = vscode.workspace.onDidOpenTextDocument((d) => this.record(d));
  }

  get(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }

  /** After a successful rebuild the container runs this text. */
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** Only the first sight counts: reopening a document must not move its baseline. */
  private record(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!isDevcontainerDocument(document) || this.texts.has(key)) return;
    if (!document.isDirty) {
      this.texts.set(key, document.getText());
      return;
    }
    // Unsaved edits restored with the window are not what the container started with: the file is.
    vscode.workspace.fs.readFile(document.uri).then(
      (bytes) => {
        if (!this.texts.has(key)) this.texts.set(key, new TextDecoder().decode(bytes));
      },
      () => undefined, // unknown baseline: the command then rebuilds as it always did
    );
  }
}
