// A fake `vscode` module big enough to activate the whole extension: what `activate`, the
// diagnostics controller and the three providers touch, recording every registration. Commands,
// env and the message boxes come from fake-vscode.mjs; like there, the state lives on
// globalThis.fakeVscode (createHost sets it), so the test can read and change it.
import * as base from './fake-vscode.mjs';

const state = () => globalThis.fakeVscode;

/** An object with the members (getters included) of `parts`, later parts winning. */
const merge = (...parts) =>
  Object.defineProperties({}, Object.assign({}, ...parts.map((p) => Object.getOwnPropertyDescriptors(p))));

const disposable = (dispose = () => {}) => ({ dispose });

/** Events recorded under `state().listeners[name]`; `fire` calls them. */
const event = (name) => (listener) => {
  const listeners = (state().listeners[name] ??= []);
  listeners.push(listener);
  return disposable(() => listeners.splice(listeners.indexOf(listener) >>> 0, 1));
};

export function fire(name, arg) {
  for (const listener of state().listeners[name] ?? []) listener(arg);
}

export class Uri {
  constructor(scheme, authority, path, query = '', fragment = '') {
    Object.assign(this, { scheme, authority, path, query, fragment });
  }
  get fsPath() {
    return this.path;
  }
  static parse(text) {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(text);
    if (!m) throw new Error(`fake vscode: not a URI: ${text}`);
    return new Uri(m[1], m[2] ?? '', m[3] || '/', m[4] ?? '', m[5] ?? '');
  }
  static file(path) {
    return new Uri('file', '', path);
  }
  static joinPath(uri, ...segments) {
    // As VS Code's: joined, then `.` and `..` resolved.
    const parts = [];
    for (const segment of [uri.path, ...segments].join('/').split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') parts.pop();
      else parts.push(segment);
    }
    return new Uri(uri.scheme, uri.authority, `/${parts.join('/')}`);
  }
  toString() {
    const query = this.query ? `?${this.query}` : '';
    const fragment = this.fragment ? `#${this.fragment}` : '';
    return `${this.scheme}://${this.authority}${this.path}${query}${fragment}`;
  }
}

export class Position {
  constructor(line, character) {
    Object.assign(this, { line, character });
  }
  compareTo(other) {
    return this.line - other.line || this.character - other.character;
  }
}

export class Range {
  constructor(...args) {
    const [start, end] = args.length === 4 ? [new Position(args[0], args[1]), new Position(args[2], args[3])] : args;
    Object.assign(this, { start, end });
  }
  intersection(other) {
    const start = this.start.compareTo(other.start) > 0 ? this.start : other.start;
    const end = this.end.compareTo(other.end) < 0 ? this.end : other.end;
    return start.compareTo(end) > 0 ? undefined : new Range(start, end);
  }
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

export class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) {
    Object.assign(this, { range, message, severity });
  }
}

export const CompletionItemKind = {
  Value: 11,
  Keyword: 13,
  Snippet: 14,
  Property: 9,
  Variable: 5,
  Module: 8,
  Constant: 20,
  EnumMember: 19,
};

export class CompletionItem {
  constructor(label, kind) {
    Object.assign(this, { label, kind });
  }
}

export class SnippetString {
  constructor(value) {
    this.value = value;
  }
}

export class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
}

export class Hover {
  constructor(contents, range) {
    Object.assign(this, { contents: [contents], range });
  }
}

export class TextEdit {
  constructor(range, newText) {
    Object.assign(this, { range, newText });
  }
}

export class WorkspaceEdit {
  #edits = new Map();
  set(uri, edits) {
    this.#edits.set(uri.toString(), [uri, edits]);
  }
  get(uri) {
    return this.#edits.get(uri.toString())?.[1] ?? [];
  }
  entries() {
    return [...this.#edits.values()];
  }
}

export class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
  static Empty = new CodeActionKind('');
  static QuickFix = new CodeActionKind('quickfix');
  static Source = new CodeActionKind('source');
  static SourceFixAll = new CodeActionKind('source.fixAll');
}

export const CodeActionTriggerKind = { Invoke: 1, Automatic: 2 };

export class CodeAction {
  constructor(title, kind) {
    Object.assign(this, { title, kind });
  }
}

/** A log channel that keeps its lines in `state().log`. */
function outputChannel(name) {
  const write = (level) => (message) => void state().log.push(`[${level}] ${message}`);
  return {
    name,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    trace: write('trace'),
    appendLine: write('info'),
    append: write('info'),
    show() {},
    dispose() {},
  };
}

function diagnosticCollection(name) {
  const entries = new Map();
  const collection = {
    name,
    set: (uri, diagnostics) => void entries.set(uri.toString(), diagnostics),
    get: (uri) => entries.get(uri.toString()),
    delete: (uri) => void entries.delete(uri.toString()),
    clear: () => entries.clear(),
    dispose: () => entries.clear(),
  };
  state().collections.set(name, collection);
  return collection;
}

/** Records `[selector, provider, ...rest]` under `state().providers[kind]`. */
const registerProvider =
  (kind) =>
  (selector, provider, ...rest) => {
    state().providers[kind].push({ selector, provider, rest });
    return disposable();
  };

export const languages = {
  createDiagnosticCollection: diagnosticCollection,
  registerCompletionItemProvider: registerProvider('completion'),
  registerHoverProvider: registerProvider('hover'),
  registerCodeActionsProvider: registerProvider('codeActions'),
};

export const window = merge(base.window, {
  createOutputChannel: outputChannel,
});

export const workspace = merge(base.workspace, {
  get textDocuments() {
    return state().documents;
  },
  onDidOpenTextDocument: event('open'),
  onDidChangeTextDocument: event('change'),
  onDidCloseTextDocument: event('close'),
  onDidChangeConfiguration: event('configuration'),
  getConfiguration: (section) => ({
    get: (key, fallback) => state().settings[`${section}.${key}`] ?? fallback,
  }),
  fs: {
    readFile: async (uri) => {
      const bytes = state().files.get(uri.toString());
      if (bytes === undefined) throw new Error(`fake vscode: no such file: ${uri}`);
      state().reads.push(uri.toString());
      return bytes;
    },
    stat: async (uri) => {
      const key = uri.toString();
      if (state().files.has(key)) return { type: FileType.File };
      if ([...state().files.keys()].some((k) => k.startsWith(`${key}/`))) return { type: FileType.Directory };
      throw new Error(`fake vscode: no such file: ${uri}`);
    },
    readDirectory: async (uri) => {
      state().listings?.push(uri.toString());
      const prefix = `${uri.toString()}/`;
      const names = new Map();
      for (const key of state().files.keys()) {
        if (!key.startsWith(prefix)) continue;
        const [name, ...rest] = key.slice(prefix.length).split('/');
        names.set(name, rest.length > 0 ? FileType.Directory : FileType.File);
      }
      if (names.size === 0) throw new Error(`fake vscode: no such folder: ${uri}`);
      return [...names];
    },
  },
  /** Watchers by their pattern (`base/pattern`); `fireWatcher` calls their listeners. */
  createFileSystemWatcher: (pattern) => {
    const key = `${pattern.baseUri.toString()}/${pattern.pattern}`;
    const watcher = { listeners: [], disposed: false };
    const on = (listener) => {
      watcher.listeners.push(listener);
      return disposable();
    };
    Object.assign(watcher, {
      onDidChange: on,
      onDidCreate: on,
      onDidDelete: on,
      dispose: () => void (watcher.disposed = true),
    });
    state().watchers.set(key, watcher);
    return watcher;
  },
});

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };

export class RelativePattern {
  constructor(baseUri, pattern) {
    Object.assign(this, { baseUri, pattern });
  }
}

/** A file changed on disk: its watchers' listeners run. */
export function fireWatcher(uri) {
  const watcher = state().watchers.get(uri.toString());
  for (const listener of watcher?.listeners ?? []) listener(uri);
}

export const { commands, env } = base;

/** Fresh state for one activation; `files` maps URI strings to the bytes `workspace.fs` reads. */
export function createHost({ files = new Map(), documents = [], settings = {} } = {}) {
  globalThis.fakeVscode = {
    // what fake-vscode.mjs reads
    registered: new Map(),
    available: [],
    executed: [],
    messages: [],
    remoteName: undefined,
    // what this module adds
    files,
    documents,
    settings,
    reads: [],
    listings: [],
    watchers: new Map(),
    log: [],
    collections: new Map(),
    providers: { completion: [], hover: [], codeActions: [] },
    listeners: {},
  };
  return globalThis.fakeVscode;
}

/** An open text document: UTF-16 offsets and positions, as VS Code counts them. */
export function textDocument(uri, text, { version = 1, isDirty = false } = {}) {
  const lineStarts = () => {
    const starts = [0];
    for (let i = 0; i < doc.text.length; i++) if (doc.text[i] === '\n') starts.push(i + 1);
    return starts;
  };
  const doc = {
    uri,
    text,
    version,
    isDirty,
    isClosed: false,
    languageId: 'jsonc',
    getText: () => doc.text,
    offsetAt: (position) => {
      const starts = lineStarts();
      const line = Math.min(Math.max(position.line, 0), starts.length - 1);
      const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : doc.text.length;
      return Math.min(starts[line] + position.character, lineEnd);
    },
    positionAt: (offset) => {
      const before = doc.text.slice(0, offset);
      const line = before.split('\n').length - 1;
      return new Position(line, before.length - (before.lastIndexOf('\n') + 1));
    },
    save: async () => {
      doc.isDirty = false;
      return true;
    },
  };
  return doc;
}
