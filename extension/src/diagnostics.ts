// Publishes the core's diagnostics: on open and on change (debounced), dropping results for a
// document version that is no longer current.

import * as vscode from 'vscode';
import * as config from './config';
import { sameRange, toRange, toSeverity } from './convert';
import type { Engine } from './engine';
import type * as core from './engineTypes';
import { isDevcontainerDocument } from './documents';

export const SOURCE = 'Devcontainer Doctor';
const DEBOUNCE_MS = 200;

interface Analysed {
  version: number;
  diagnostics: core.Diagnostic[];
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('devcontainer-doctor');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly latest = new Map<string, Analysed>();
  private readonly docsUrls: Map<string, string>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly engine: Engine) {
    this.docsUrls = new Map(engine.rules().map((r) => [r.code, r.docsUrl]));
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.analyseNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affectsSettings(e)) this.analyseAll();
      }),
    );
    this.analyseAll();
  }

  /** The core's diagnostics behind a published one, for quick fixes. */
  coreDiagnostic(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): core.Diagnostic | undefined {
    const entry = this.latest.get(document.uri.toString());
    if (!entry || entry.version !== document.version) return undefined;
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return entry.diagnostics.find(
      (d) => d.code === code && d.message === diagnostic.message && sameRange(d.range, diagnostic.range),
    );
  }

  coreDiagnostics(document: vscode.TextDocument): core.Diagnostic[] {
    const entry = this.latest.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.diagnostics : [];
  }

  private analyseAll(): void {
    for (const document of vscode.workspace.textDocuments) this.analyseNow(document);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isDevcontainerDocument(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A newer edit has its own timer; a closed document needs nothing.
        if (document.isClosed || document.version !== version) return;
        this.analyseNow(document);
      }, DEBOUNCE_MS),
    );
  }

  private analyseNow(document: vscode.TextDocument): void {
    if (!isDevcontainerDocument(document)) return;
    if (!config.isEnabled(document.uri)) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const result = this.engine.analyze(document.getText(), {
      severityOverrides: config.severityOverrides(document.uri),
    });
    if (document.isClosed || document.version !== version) return;
    this.latest.set(document.uri.toString(), { version, diagnostics: result.diagnostics });
    this.collection.set(
      document.uri,
      result.diagnostics.map((d) => this.toVscode(d)),
    );
  }

  private toVscode(d: core.Diagnostic): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
    diagnostic.source = SOURCE;
    const url = this.docsUrls.get(d.code);
    diagnostic.code = url ? { value: d.code, target: vscode.Uri.parse(url) } : d.code;
    return diagnostic;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.latest.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
