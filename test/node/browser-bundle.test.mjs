// dist/browser.js as VS Code for the Web runs it: in a web worker, as CommonJS whose `require`
// knows only `vscode`. Here a node:vm context with a worker's globals and nothing of Node, a fake
// `vscode` (fake-vscode-host.mjs), and the WASM read through `workspace.fs`. A Node-only import in
// the browser bundle fails here. Then activation, registrations and one round of every feature.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import vm from 'node:vm';
import { positionAt, root } from './core.mjs';
import * as vscode from './fake-vscode-host.mjs';

const REBUILD_COMMAND = 'devcontainerDoctor.rebuildContainer';
const SOURCE = 'Devcontainer Doctor';

/** A fresh context with the globals a web worker has that the extension may use, no Node ones. */
function workerContext() {
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
  });
  vm.runInContext('globalThis.self = globalThis;', context);
  return context;
}

/** Runs CommonJS `code` in `context` as the web extension host does; returns its exports. */
function loadInWorker(code, context, filename) {
  const run = vm.runInContext(`(function (module, exports, require) {\n${code}\n})`, context, { filename });
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'vscode') return vscode;
    throw new Error(`${filename} requires "${name}", which a web worker does not have`);
  };
  run(module, module.exports, require);
  return module.exports;
}

test('the worker context has no Node globals, and a Node-only import fails', () => {
  const context = workerContext();
  const nodeOnly = ['process', 'Buffer', 'require', 'module', '__dirname', 'global'];
  const missing = vm.runInContext(
    `${JSON.stringify(nodeOnly)}.filter((name) => typeof globalThis[name] !== 'undefined')`,
    context,
  );
  assert.deepEqual([...missing], []);
  assert.equal(vm.runInContext('typeof WebAssembly.Module', context), 'function');
  assert.throws(() => loadInWorker('require("fs");', context, 'node-only.js'), /requires "fs"/);
});

const extensionUri = vscode.Uri.parse('https://extensions.example/devcontainer-doctor/0.1.0');
const wasmUri = vscode.Uri.joinPath(extensionUri, 'dist', 'core', 'devcontainer_doctor_bg.wasm');
// A virtual workspace (GitHub repository opened on vscode.dev): no file scheme anywhere.
const configUri = vscode.Uri.parse('vscode-vfs://github/acme/app/.devcontainer/devcontainer.json');
const TEXT = `{
  // 開発コンテナの設定 🐹
  "name": 'Go',
  "image": "mcr.microsoft.com/devcontainers/go:1",

  "remoteUser": "vscode"
}
`;
// A second configuration, in the `.devcontainer/<name>/` layout, whose Compose file builds a
// Dockerfile that is not there.
const composeConfigUri = vscode.Uri.parse('vscode-vfs://github/acme/app/.devcontainer/go/devcontainer.json');
const composeUri = vscode.Uri.parse('vscode-vfs://github/acme/app/compose.yaml');
const COMPOSE_TEXT = '{ "dockerComposeFile": "../../compose.yaml", "service": "app", "workspaceFolder": "/w" }';
const COMPOSE = 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfle\n';
let composeConfig;
let host;
let extension;
let context;
let config;
let other;

before(async () => {
  config = vscode.textDocument(configUri, TEXT);
  other = vscode.textDocument(vscode.Uri.parse('vscode-vfs://github/acme/app/package.json'), TEXT);
  const worker = workerContext();
  // The bytes as the worker's own Uint8Array, as the web host hands them over.
  const WorkerUint8Array = vm.runInContext('Uint8Array', worker);
  const wasm = new WorkerUint8Array(readFileSync(`${root}/dist/core/devcontainer_doctor_bg.wasm`));
  composeConfig = vscode.textDocument(composeConfigUri, COMPOSE_TEXT);
  const bytes = (text) => new TextEncoder().encode(text);
  host = vscode.createHost({
    files: new Map([
      [wasmUri.toString(), wasm],
      [composeUri.toString(), bytes(COMPOSE)],
      ['vscode-vfs://github/acme/app/docker/Dockerfile', bytes('FROM golang:1.22\n')],
    ]),
    documents: [config, other, composeConfig],
  });
  const code = readFileSync(`${root}/dist/browser.js`, 'utf8');
  extension = loadInWorker(code, worker, 'dist/browser.js');
  context = { subscriptions: [], extensionUri };
  await extension.activate(context);
});

test('activate resolves, loads the core and registers everything', () => {
  assert.equal(typeof extension.deactivate, 'function');
  assert.ok(
    host.log.some((line) => /^\[info\] core .+ loaded$/.test(line)),
    host.log.join('\n'),
  );
  assert.ok(!host.log.some((line) => line.startsWith('[error]')), host.log.join('\n'));
  assert.ok(host.registered.has(REBUILD_COMMAND));
  for (const kind of ['completion', 'hover', 'codeActions']) {
    assert.equal(host.providers[kind].length, 1, `one ${kind} provider`);
  }
  assert.ok(context.subscriptions.length >= 6, `${context.subscriptions.length} subscriptions`);
  assert.deepEqual(host.messages, []);
});

/** A Range as plain line/character objects, to compare with positionAt. */
const plain = ({ start, end }) => ({
  start: { line: start.line, character: start.character },
  end: { line: end.line, character: end.character },
});

/** Whether a document selector's glob pattern matches a path (`**`, `*` and `{a,b}` only). */
function selects(selector, path) {
  return selector.some(({ pattern }) => {
    const source = pattern
      .replace(/[.+^$()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '(?:.*/)?')
      .replace(/\{([^}]*)\}/g, (_, alternatives) => `(?:${alternatives.split(',').join('|')})`);
    return new RegExp(`^${source}$`).test(path);
  });
}

test('the providers are registered for devcontainer files only, with their trigger characters', () => {
  for (const kind of ['completion', 'hover', 'codeActions']) {
    const { selector } = host.providers[kind][0];
    assert.ok(selects(selector, '/acme/app/.devcontainer/devcontainer.json'), kind);
    assert.ok(selects(selector, '/acme/app/.devcontainer.json'), kind);
    assert.ok(selects(selector, '/acme/app/.devcontainer/go/devcontainer.json'), kind);
    assert.ok(!selects(selector, '/acme/app/package.json'), kind);
  }
  assert.ok(host.providers.completion[0].rest.includes('"'));
  const [metadata] = host.providers.codeActions[0].rest;
  assert.deepEqual(
    [...metadata.providedCodeActionKinds.map((k) => k.value)],
    ['quickfix', 'source.fixAll.devcontainerDoctor'],
  );
});

test('the open devcontainer.json gets diagnostics with code, source and UTF-16 range', () => {
  const published = host.collections.get('devcontainer-doctor');
  assert.ok(published, 'a diagnostic collection named devcontainer-doctor');
  assert.equal(published.get(other.uri), undefined, 'package.json is not checked');
  const diagnostics = published.get(configUri) ?? [];
  const quotes = diagnostics.find((d) => d.code.value === 'syntax-error');
  assert.ok(quotes, JSON.stringify(diagnostics));
  assert.equal(quotes.source, SOURCE);
  assert.equal(quotes.severity, vscode.DiagnosticSeverity.Error);
  assert.match(quotes.message, /double quotes/);
  assert.match(quotes.code.target.toString(), /^https:\/\/github\.com\/.*\/docs\/rules\.md#syntax-error$/);
  // The comment's CJK and emoji (a surrogate pair) come before it, on an earlier line.
  const start = TEXT.indexOf("'Go'");
  assert.deepEqual(plain(quotes.range), {
    start: positionAt(TEXT, start),
    end: positionAt(TEXT, start + "'Go'".length),
  });
});

test('completion at a key position offers forwardPorts', async () => {
  const { provider } = host.providers.completion[0];
  const blank = positionAt(TEXT, TEXT.indexOf('\n\n') + 1);
  const items = await provider.provideCompletionItems(config, new vscode.Position(blank.line, 2));
  const item = items.find((i) => i.label === 'forwardPorts');
  assert.ok(item, items.map((i) => i.label).join(', '));
  assert.ok(item instanceof vscode.CompletionItem);
  assert.ok(!items.some((i) => i.label === 'remoteUser'), 'keys already present are not offered');
});

test('a feature item comes without Markdown, and resolveCompletionItem brings it', async () => {
  const { provider } = host.providers.completion[0];
  const text = '{\n  "features": {\n    ""\n  }\n}';
  const doc = vscode.textDocument(vscode.Uri.parse('vscode-vfs://github/acme/app/.devcontainer.json'), text);
  const at = positionAt(text, text.indexOf('""') + 1);
  const items = await provider.provideCompletionItems(doc, new vscode.Position(at.line, at.character));
  const go = items.find((i) => i.label.endsWith('/go:1'));
  assert.ok(go, items.map((i) => i.label).join(', '));
  assert.equal(go.documentation, undefined);
  const resolved = provider.resolveCompletionItem(go);
  assert.ok(resolved.documentation instanceof vscode.MarkdownString);
  assert.match(resolved.documentation.value, /Newest version/);
});

test('hover on "remoteUser" returns markdown', async () => {
  const { provider } = host.providers.hover[0];
  const at = positionAt(TEXT, TEXT.indexOf('remoteUser') + 3);
  const hover = await provider.provideHover(config, new vscode.Position(at.line, at.character));
  assert.ok(hover instanceof vscode.Hover);
  const [markdown] = hover.contents;
  assert.ok(markdown instanceof vscode.MarkdownString);
  assert.match(markdown.value, /\*\*remoteUser\*\*/);
  assert.deepEqual(plain(hover.range).start, positionAt(TEXT, TEXT.indexOf('"remoteUser"')));
});

test('the code action provider offers the preferred quick fix, and Save and Rebuild', () => {
  const { provider } = host.providers.codeActions[0];
  const published = host.collections.get('devcontainer-doctor').get(configUri);
  const diagnostic = published.find((d) => d.code.value === 'syntax-error');
  const actions = provider.provideCodeActions(config, diagnostic.range, {
    diagnostics: [diagnostic],
    only: undefined,
  });
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1, actions.map((a) => a.title).join(', '));
  const [fix] = preferred;
  assert.equal(fix.kind.value, 'quickfix');
  assert.ok(fix.diagnostics.length === 1 && fix.diagnostics[0] === diagnostic, 'names its diagnostic');
  const edits = fix.edit.get(configUri);
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0].range, diagnostic.range);
  assert.equal(edits[0].newText, '"Go"');
  const rebuild = actions.find((a) => a.command?.command === REBUILD_COMMAND);
  assert.ok(rebuild, 'Save and Rebuild Container is offered');
});

test('an automatic request away from our diagnostics offers only Save and Rebuild; fix all comes when asked', () => {
  const { provider } = host.providers.codeActions[0];
  const published = host.collections.get('devcontainer-doctor').get(configUri);
  const diagnostic = published.find((d) => d.code.value === 'syntax-error');
  const automatic = vscode.CodeActionTriggerKind.Automatic;
  const titles = (actions) => actions.map((a) => a.title);
  // The cursor moved to a place without a finding of ours: only Save and Rebuild.
  const away = provider.provideCodeActions(config, new vscode.Range(0, 0, 0, 0), {
    diagnostics: [],
    only: undefined,
    triggerKind: automatic,
  });
  assert.deepEqual(
    [...away].map((a) => a.command?.command),
    [REBUILD_COMMAND],
    titles(away).join(', '),
  );
  // On the finding, its fix; still no "fix all" (the light bulb lists no source actions).
  const on = provider.provideCodeActions(config, diagnostic.range, {
    diagnostics: [diagnostic],
    only: undefined,
    triggerKind: automatic,
  });
  assert.ok(
    on.some((a) => a.isPreferred && a.diagnostics?.[0] === diagnostic),
    titles(on).join(', '),
  );
  assert.ok(!on.some((a) => a.kind.value.startsWith('source')), titles(on).join(', '));
  // On save (editor.codeActionsOnSave) the host asks for source.fixAll: the core's fix all.
  const onSave = provider.provideCodeActions(config, new vscode.Range(0, 0, 0, 0), {
    diagnostics: [],
    only: vscode.CodeActionKind.SourceFixAll,
    triggerKind: automatic,
  });
  assert.deepEqual(
    [...onSave].map((a) => a.kind.value),
    ['source.fixAll.devcontainerDoctor'],
    titles(onSave).join(', '),
  );
});

test('Save and Rebuild explains that Dev Containers is missing, as on vscode.dev', async () => {
  await host.registered.get(REBUILD_COMMAND)(configUri);
  assert.deepEqual(host.executed, []);
  const [warning] = host.messages;
  assert.equal(warning?.level, 'warning');
  assert.match(warning.message, /Dev Containers extension .* is not available/);
  host.messages.length = 0;
});

test('a referenced Compose file gets its own diagnostics, read once, and is re-read on change', async () => {
  const published = host.collections.get('devcontainer-doctor');
  const inCompose = published.get(composeUri) ?? [];
  assert.deepEqual([...inCompose.map((d) => d.code.value)], ['file-dockerfile-missing'], JSON.stringify(inCompose));
  assert.match(inCompose[0].message, /did you mean `docker\/Dockerfile`\?/);
  assert.deepEqual([inCompose[0].range.start.line, inCompose[0].range.start.character], [4, 18]);
  const composeReads = () => host.reads.filter((r) => r === composeUri.toString()).length;
  assert.equal(composeReads(), 1);
  assert.ok(host.watchers.has(composeUri.toString()), [...host.watchers.keys()].join(', '));

  // Typing in devcontainer.json does not read the Compose file again.
  composeConfig.text = `${COMPOSE_TEXT} `;
  composeConfig.version = 2;
  vscode.fire('change', { document: composeConfig, contentChanges: [] });
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(composeReads(), 1);

  // Fixed on disk: the watcher re-checks the configuration, reading the file once.
  host.files.set(composeUri.toString(), new TextEncoder().encode(COMPOSE.replace('Dockerfle', 'Dockerfile')));
  vscode.fireWatcher(composeUri);
  vscode.fireWatcher(composeUri);
  await new Promise((resolve) => setTimeout(resolve, 400));
  assert.equal(composeReads(), 2);
  assert.deepEqual([...published.get(composeUri)], []);
});

test('an edit is checked again after the debounce', async () => {
  config.text = TEXT.replace("'Go'", '"Go"');
  config.version = 2;
  vscode.fire('change', { document: config, contentChanges: [] });
  await new Promise((resolve) => setTimeout(resolve, 400));
  const diagnostics = host.collections.get('devcontainer-doctor').get(configUri);
  assert.deepEqual([...diagnostics.map((d) => d.code.value)], []);
  for (const disposable of context.subscriptions) disposable.dispose();
});
