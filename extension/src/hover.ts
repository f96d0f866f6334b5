// Hover documentation comes from the core; this only converts it. A Compose service or a
// Dockerfile stage is described from the files the diagnostics already read.

import * as vscode from 'vscode';
import type { ProjectSource } from './completion';
import * as config from './config';
import { toRange } from './convert';
import type { Engine } from './engine';

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly engine: Engine,
    private readonly project: ProjectSource = async () => undefined,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!config.isEnabled(document.uri)) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const input = await this.project(document);
    const hover = input ? this.engine.hoverProject({ ...input, text }, offset) : this.engine.hover(text, offset);
    if (!hover) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.contents), toRange(hover.range));
  }
}
