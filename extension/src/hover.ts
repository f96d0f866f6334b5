// Hover documentation comes from the core; this only converts it.

import * as vscode from 'vscode';
import * as config from './config';
import { toRange } from './convert';
import type { Engine } from './engine';

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly engine: Engine) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!config.isEnabled(document.uri)) return undefined;
    const hover = this.engine.hover(document.getText(), document.offsetAt(position));
    if (!hover) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.contents), toRange(hover.range));
  }
}
