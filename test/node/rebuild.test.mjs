// "Save and Rebuild Container" against a fake vscode module: which command runs where, saving
// first, the message when the Dev Containers extension is missing, and errors shown, not lost.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { build } from 'esbuild';
import { root } from './core.mjs';

const bundle = await build({
  entryPoints: [`${root}/extension/src/rebuild.ts`],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  alias: { vscode: `${root}/test/node/fake-vscode.mjs` },
  logLevel: 'silent',
});
const rebuild = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const REOPEN = 'remote-containers.rebuildAndReopenInContainer';
const INSIDE = 'remote-containers.rebuildContainer';
let fake;

function document(path, dirty) {
  const doc = {
    uri: { path, fsPath: path, toString: () => `file://${path}` },
    isDirty: dirty,
    saves: 0,
    save: async () => {
      doc.saves += 1;
      doc.isDirty = false;
      return true;
    },
  };
  return doc;
}

beforeEach(() => {
  fake = globalThis.fakeVscode = {
    registered: new Map(),
    available: [REOPEN, INSIDE],
    executed: [],
    messages: [],
    remoteName: undefined,
    document: document('/work/app/.devcontainer/devcontainer.json', true),
    folder: { uri: { fsPath: '/work/app' } },
  };
  rebuild.registerRebuild({ info() {}, error() {} });
});

const run = (...args) => fake.registered.get(rebuild.REBUILD_COMMAND)(...args);

test('a local window saves, then rebuilds and reopens', async () => {
  await run(fake.document.uri);
  assert.equal(fake.document.saves, 1);
  assert.deepEqual(fake.executed, [{ id: REOPEN, args: [] }]);
});

test('inside a dev container it rebuilds in place', async () => {
  fake.remoteName = 'dev-container';
  await run();
  assert.deepEqual(fake.executed, [{ id: INSIDE, args: [] }]);
});

test('without the Dev Containers extension it explains, offers the extension, and gives the CLI command', async () => {
  fake.available = [];
  fake.choice = 'Show Dev Containers Extension';
  await run(fake.document.uri);
  const [warning] = fake.messages;
  assert.match(warning.message, /Dev Containers extension \(ms-vscode-remote\.remote-containers\) is not available/);
  assert.match(warning.message, /devcontainer up --workspace-folder \/work\/app --remove-existing-container/);
  assert.deepEqual(fake.executed, [{ id: 'workbench.extensions.search', args: ['ms-vscode-remote.remote-containers'] }]);
});

test('the CLI command names a config in a subfolder and quotes paths with spaces', async () => {
  fake.available = [];
  fake.choice = 'Copy CLI Command';
  fake.document = document('/work/my app/.devcontainer/go/devcontainer.json', false);
  fake.folder = { uri: { fsPath: '/work/my app' } };
  await run(fake.document.uri);
  assert.equal(
    fake.clipboard,
    "devcontainer up --workspace-folder '/work/my app' --config '/work/my app/.devcontainer/go/devcontainer.json' --remove-existing-container",
  );
});

test('an error from the rebuild command is shown', async () => {
  fake.failWith = 'Docker is not running';
  await run();
  assert.deepEqual(
    fake.messages.map((m) => m.level),
    ['error'],
  );
  assert.match(fake.messages[0].message, /Docker is not running/);
});
