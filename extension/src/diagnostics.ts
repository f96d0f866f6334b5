// Publishes the core's diagnostics: on open and on change (debounced), dropping results for a
// document version that is no longer current. Each devcontainer.json is checked with the files
// it references (Dockerfiles, Compose files, local features), read through vscode.workspace.fs
// (so the web works too) once per change: a watcher on each referenced file drops its cached
// text and re-checks the configurations that use it. Findings in those files are published on
// their own URIs.

import * as vscode from 'vscode';
import * as config from './config';
import { sameRange, toRange, toSeverity } from './convert';
import type { Engine } from './engine';
import type * as core from './engineTypes';
import { isDevcontainerDocument } from './documents';
import { forgetRead, loadProject, type ProjectReader } from './projectFiles';

export const SOURCE = 'Devcontainer Doctor';
const DEBOUNCE_MS = 200;

interface Analysed {
  version: number;
  diagnostics: core.Diagnostic[];
}

/** What one devcontainer.json has read: by `kind:path`, and the URIs of its referenced files. */
interface ConfigState {
  folder: vscode.Uri;
  cache: Map<string, core.ProjectFile>;
  files: Set<string>;
}

interface Watched {
  watcher: vscode.FileSystemWatcher;
  owners: Set<string>;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('devcontainer-doctor');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly latest = new Map<string, Analysed>();
  private readonly docsUrls: Map<string, string>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly configs = new Map<string, ConfigState>();
  /** Referenced file URI -> owner devcontainer.json URI -> its diagnostics there. */
  private readonly published = new Map<string, Map<string, vscode.Diagnostic[]>>();
  private readonly watched = new Map<string, Watched>();
  /** The text of each referenced file when first read, and when last read (for rebuild advice). */
  private readonly firstRead = new Map<string, string | undefined>();
  private readonly lastRead = new Map<string, string | undefined>();
  /** How many files were read from disk (tests check "once per change"). */
  reads = 0;

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
    void this.analyse(document);
  }

  private async analyse(document: vscode.TextDocument): Promise<void> {
    if (!isDevcontainerDocument(document)) return;
    if (!config.isEnabled(document.uri)) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const key = document.uri.toString();
    const state = this.state(document.uri);
    const input = await this.load(document, state);
    if (document.isClosed || document.version !== version) return;
    const result = this.engine.analyzeProject(input, {
      severityOverrides: config.severityOverrides(document.uri),
    });
    const main = result.files.find((f) => f.main)?.diagnostics ?? [];
    this.latest.set(key, { version, diagnostics: main });
    // Each problem once: VS Code's JSON service already reports duplicate keys and trailing
    // commas in the same Problems panel. Quick fixes and Fix All still see them (`latest`).
    const shown = config.showJsonSyntaxProblems(document.uri)
      ? main
      : main.filter((d) => !config.JSON_SERVICE_CODES.includes(d.code));
    this.collection.set(
      document.uri,
      shown.map((d) => this.toVscode(d)),
    );

    const files = new Set<string>();
    for (const file of input.files ?? []) {
      const uri = vscode.Uri.joinPath(state.folder, file.path);
      if (file.kind === 'folder') {
        this.watch(uri, key, true);
        continue;
      }
      files.add(uri.toString());
      this.watch(uri, key);
    }
    for (const file of result.files) {
      if (file.main) continue;
      const uri = vscode.Uri.joinPath(state.folder, file.path);
      this.publish(
        uri,
        key,
        file.diagnostics.map((d) => this.toVscode(d)),
      );
    }
    for (const old of state.files) {
      if (!files.has(old)) this.unpublish(old, key);
    }
    state.files = files;
  }

  /**
   * A devcontainer.json with the files it references, for completion and hover: the files the
   * diagnostics read, so only what the current text newly names is read (once per change).
   */
  projectInput(document: vscode.TextDocument): Promise<core.ProjectInput> {
    return this.load(document, this.state(document.uri));
  }

  private load(document: vscode.TextDocument, state: ConfigState): Promise<core.ProjectInput> {
    return loadProject(
      this.engine,
      {
        mainPath: document.uri.path,
        text: document.getText(),
        workspaceFolder: vscode.workspace.getWorkspaceFolder(document.uri)?.uri.path,
        configFolder: state.folder.path,
      },
      this.reader(state.folder),
      state.cache,
    );
  }

  /** Reads files and lists folders relative to a devcontainer.json folder. */
  private reader(folder: vscode.Uri): ProjectReader {
    return {
      readFile: async (path) => {
        const uri = vscode.Uri.joinPath(folder, path);
        const key = uri.toString();
        let text: string | undefined;
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (!(stat.type & vscode.FileType.Directory)) {
            this.reads += 1;
            text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          }
        } catch {
          text = undefined;
        }
        if (!this.firstRead.has(key)) this.firstRead.set(key, text);
        this.lastRead.set(key, text);
        return text;
      },
      listFolder: async (path) => {
        try {
          const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, path));
          return entries.map(([name, type]) => (type & vscode.FileType.Directory ? `${name}/` : name)).sort();
        } catch {
          return undefined;
        }
      },
    };
  }

  private state(uri: vscode.Uri): ConfigState {
    const key = uri.toString();
    let state = this.configs.get(key);
    if (!state) {
      state = { folder: vscode.Uri.joinPath(uri, '..'), cache: new Map(), files: new Set() };
      this.configs.set(key, state);
    }
    return state;
  }

  /**
   * Watches a referenced file for the configurations that use it; a listed folder (`folder`)
   * for names added or removed in it, which file-name completion offers.
   */
  private watch(uri: vscode.Uri, owner: string, folder = false): void {
    const key = folder ? `${uri.toString()}/*` : uri.toString();
    let entry = this.watched.get(key);
    if (!entry) {
      const pattern = folder
        ? new vscode.RelativePattern(uri, '*')
        : new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? '');
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const changed = () => (folder ? this.folderChanged(key, uri) : this.fileChanged(uri));
      if (!folder) watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      watcher.onDidDelete(changed);
      entry = { watcher, owners: new Set() };
      this.watched.set(key, entry);
    }
    entry.owners.add(owner);
  }

  /** A referenced file changed on disk: drop what was read of it and re-check its owners. */
  private fileChanged(uri: vscode.Uri): void {
    const key = uri.toString();
    const parent = vscode.Uri.joinPath(uri, '..').toString();
    for (const owner of this.watched.get(key)?.owners ?? []) {
      const state = this.configs.get(owner);
      if (!state) continue;
      for (const cacheKey of [...state.cache.keys()]) {
        const [kind, ...rest] = cacheKey.split(':');
        const target = vscode.Uri.joinPath(state.folder, rest.join(':')).toString();
        if ((kind === 'file' && target === key) || (kind === 'folder' && target === parent)) {
          forgetRead(state.cache, cacheKey);
        }
      }
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === owner);
      if (document) this.schedule(document);
    }
  }

  /** A name was added to or removed from a listed folder: drop its listing, re-check. */
  private folderChanged(key: string, uri: vscode.Uri): void {
    for (const owner of this.watched.get(key)?.owners ?? []) {
      const state = this.configs.get(owner);
      if (!state) continue;
      for (const cacheKey of [...state.cache.keys()]) {
        const [kind, ...rest] = cacheKey.split(':');
        const target = vscode.Uri.joinPath(state.folder, rest.join(':')).toString();
        if (kind === 'folder' && target === uri.toString()) forgetRead(state.cache, cacheKey);
      }
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === owner);
      if (document) this.schedule(document);
    }
  }

  private publish(uri: vscode.Uri, owner: string, diagnostics: vscode.Diagnostic[]): void {
    const key = uri.toString();
    let byOwner = this.published.get(key);
    if (!byOwner) {
      byOwner = new Map();
      this.published.set(key, byOwner);
    }
    byOwner.set(owner, diagnostics);
    this.collection.set(uri, [...byOwner.values()].flat());
  }

  private unpublish(file: string, owner: string): void {
    const byOwner = this.published.get(file);
    if (!byOwner?.delete(owner)) return;
    this.collection.set(vscode.Uri.parse(file), [...byOwner.values()].flat());
  }

  /** The files a configuration references (text or missing), as last checked. */
  referencedFiles(uri: vscode.Uri): vscode.Uri[] {
    return [...(this.configs.get(uri.toString())?.files ?? [])].map((f) => vscode.Uri.parse(f));
  }

  /**
   * The referenced files (Dockerfiles, Compose files, local features) whose text now differs
   * from the one first read in this window: each needs a rebuild. Open documents count as saved.
   */
  changedBuildFiles(uri: vscode.Uri): string[] {
    const changed: string[] = [];
    for (const file of this.configs.get(uri.toString())?.files ?? []) {
      if (!this.firstRead.has(file)) continue;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file);
      const now = open ? open.getText() : this.lastRead.get(file);
      if (now !== this.firstRead.get(file)) changed.push(vscode.Uri.parse(file).path);
    }
    return changed;
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
    const state = this.configs.get(key);
    for (const file of state?.files ?? []) this.unpublish(file, key);
    if (state) state.files = new Set();
    for (const [file, entry] of this.watched) {
      entry.owners.delete(key);
      if (entry.owners.size === 0) {
        entry.watcher.dispose();
        this.watched.delete(file);
      }
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.collection.dispose();
    for (const entry of this.watched.values()) entry.watcher.dispose();
    this.watched.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
