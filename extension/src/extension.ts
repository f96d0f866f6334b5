// Entry point for both bundles: dist/main.js (Node extension host) and dist/browser.js (web).

import * as vscode from 'vscode';
import { Baselines } from './baseline';
import { CodeActionProvider } from './codeActions';
import { CompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { DiagnosticsController } from './diagnostics';
import { DEVCONTAINER_SELECTOR } from './documents';
import type { Engine } from './engine';
import { HoverProvider } from './hover';
import { loadEngine } from './loadEngine';
import { registerRebuild } from './rebuild';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Devcontainer Doctor', { log: true });
  // Before any await: the baselines must see the documents as the container session found them.
  const baselines = new Baselines();
  let loaded: Engine | undefined;
  let checked: DiagnosticsController | undefined;
  const advise = (oldText: string, newText: string) => loaded?.rebuildAdvice(oldText, newText);
  const referencedFiles = (uri: vscode.Uri) => checked?.referencedFiles(uri) ?? [];
  const changedBuildFiles = (uri: vscode.Uri) => checked?.changedBuildFiles(uri) ?? [];
  context.subscriptions.push(
    log,
    baselines,
    registerRebuild(log, { baselines, advise, referencedFiles, changedBuildFiles }),
  );
  const engine = await loadEngine(context.extensionUri, log);
  loaded = engine;
  const diagnostics = new DiagnosticsController(engine);
  checked = diagnostics;
  // Completion and hover see the files the diagnostics read, without reading them again.
  const project = (document: vscode.TextDocument) => diagnostics.projectInput(document);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCompletionItemProvider(
      DEVCONTAINER_SELECTOR,
      new CompletionProvider(engine, project),
      ...TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(DEVCONTAINER_SELECTOR, new HoverProvider(engine, project)),
    vscode.languages.registerCodeActionsProvider(
      DEVCONTAINER_SELECTOR,
      new CodeActionProvider(engine, diagnostics),
      CodeActionProvider.metadata,
    ),
  );
}

export function deactivate(): void {}
