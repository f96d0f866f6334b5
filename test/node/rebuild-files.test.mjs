// Issue 8 item 9: inside a dev container, "Save and Rebuild" rebuilds when the Dockerfile or a
// Compose file of the open configuration changed since the container started, even though
// devcontainer.json itself did not; with nothing changed it asks first. The extension's own
// diagnostics controller, rebuild command and baselines on the fake vscode host, with the built
// WASM core. Run `npm run build` first.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { build } from 'esbuild';
import { engine, root } from './core.mjs';
import * as vscode from './fake-vscode-host.mjs';

const bundle = await build({
  stdin: {
    contents:
      "export { DiagnosticsController } from './diagnostics'; export { registerRebuild, REBUILD_COMMAND } from './rebuild'; export { Baselines } from './baseline';",
    resolveDir: `${root}/extension/src`,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  alias: { vscode: `${root}/test/node/fake-vscode-host.mjs` },
  logLevel: 'silent',
});
const ext = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const IN_CONTAINER = 'remote-containers.rebuildContainer';
const DIR = 'file:///ws/.devcontainer';
const bytes = (text) => new TextEncoder().encode(text);
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = { info() {}, error() {} };

/** Activates the pieces as extension.ts does, inside a dev container, for one configuration. */
async function activate(text, files) {
  const document = vscode.textDocument(vscode.Uri.parse(`${DIR}/devcontainer.json`), text);
  const host = vscode.createHost({
    files: new Map(Object.entries(files).map(([path, t]) => [`${DIR}/${path}`, bytes(t)])),
    documents: [document],
  });
  host.remoteName = 'dev-container';
  host.available = [IN_CONTAINER];
  const baselines = new ext.Baselines();
  const controller = new ext.DiagnosticsController(engine);
  ext.registerRebuild(log, {
    baselines,
    advise: (oldText, newText) => engine.rebuildAdvice(oldText, newText),
    referencedFiles: (uri) => controller.referencedFiles(uri),
    changedBuildFiles: (uri) => controller.changedBuildFiles(uri),
  });
  await wait(100);
  const rebuild = () => host.registered.get(ext.REBUILD_COMMAND)(document.uri);
  return { host, document, rebuild };
}

/** Changes a referenced file on disk as an editor elsewhere would, and waits for the re-check. */
async function change(host, path, text) {
  const uri = vscode.Uri.parse(`${DIR}/${path}`);
  host.files.set(uri.toString(), bytes(text));
  vscode.fireWatcher(uri);
  await wait(400);
}

let host;
let rebuild;

beforeEach(() => {
  host = undefined;
});

test('a changed Dockerfile rebuilds at once, though devcontainer.json is unchanged', async () => {
  ({ host, rebuild } = await activate('{ "build": { "dockerfile": "Dockerfile" } }', {
    Dockerfile: 'FROM golang:1.22\n',
  }));
  await change(host, 'Dockerfile', 'FROM golang:1.23\n');
  await rebuild();
  assert.deepEqual(host.executed, [{ id: IN_CONTAINER, args: [] }]);
  assert.deepEqual(host.messages, [], 'no question asked');
});

test('a changed Compose file rebuilds at once', async () => {
  ({ host, rebuild } = await activate('{ "dockerComposeFile": "compose.yaml", "service": "app" }', {
    'compose.yaml': 'services:\n  app:\n    image: golang:1.22\n',
  }));
  await change(host, 'compose.yaml', 'services:\n  app:\n    image: golang:1.23\n');
  await rebuild();
  assert.deepEqual(host.executed, [{ id: IN_CONTAINER, args: [] }]);
});

test('with nothing changed, the command asks before rebuilding', async () => {
  ({ host, rebuild } = await activate('{ "dockerComposeFile": "compose.yaml", "service": "app" }', {
    'compose.yaml': 'services:\n  app:\n    image: golang:1.22\n',
  }));
  // The same bytes written again (a save without edits) is no change.
  await change(host, 'compose.yaml', 'services:\n  app:\n    image: golang:1.22\n');
  await rebuild();
  assert.deepEqual(host.executed, []);
  assert.equal(host.messages.length, 1, JSON.stringify(host.messages));
});
