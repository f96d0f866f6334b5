// "Save and Rebuild Container" inside GitHub Codespaces, against a stand-in for the `vscode`
// module (test/node/fake-vscode.mjs): no codespace and no GitHub Codespaces extension run here.
// The stand-in records which commands were looked up and run, and the choices shown.
//
// The command ids are GitHub's: `github.codespaces.rebuildEnvironment` appears in the
// "command 'github.codespaces.rebuildEnvironment' not found" report of microsoft/vscode#236169,
// and `github.codespaces.fullRebuildEnvironment` is run by cs50's codespace update script
// (`command50 github.codespaces.fullRebuildEnvironment`).
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Not core.mjs: this test needs no built WASM.
const root = fileURLToPath(new URL('../../', import.meta.url));

const bundle = await build({
  stdin: { contents: "export * from './rebuild';", resolveDir: `${root}/extension/src`, loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  alias: { vscode: `${root}/test/node/fake-vscode.mjs` },
  logLevel: 'silent',
});
const rebuild = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const REBUILD = 'github.codespaces.rebuildEnvironment';
const FULL = 'github.codespaces.fullRebuildEnvironment';
let fake;

beforeEach(() => {
  const path = '/workspaces/app/.devcontainer/devcontainer.json';
  const doc = {
    uri: { path, fsPath: path, toString: () => `vscode-remote://codespaces+x${path}` },
    isDirty: true,
    saves: 0,
    getText: () => '{ "image": "mcr.microsoft.com/devcontainers/go:1" }',
    save: async () => {
      doc.saves += 1;
      doc.isDirty = false;
      return true;
    },
  };
  fake = globalThis.fakeVscode = {
    registered: new Map(),
    available: [REBUILD, FULL, 'remote-containers.rebuildContainer'],
    executed: [],
    messages: [],
    remoteName: 'codespaces',
    document: doc,
    folder: { uri: { fsPath: '/workspaces/app' } },
  };
  rebuild.registerRebuild({ info() {}, error() {} });
});

const run = () => fake.registered.get(rebuild.REBUILD_COMMAND)(fake.document.uri);

test('the ids are the Codespaces ones', () => {
  assert.equal(rebuild.CODESPACES_REBUILD, REBUILD);
  assert.equal(rebuild.CODESPACES_FULL_REBUILD, FULL);
});

test('in a codespace it saves, offers both rebuilds, and runs the one chosen', async () => {
  fake.choice = 'Rebuild';
  await run();
  assert.equal(fake.document.saves, 1);
  const [question] = fake.messages;
  assert.deepEqual(question.choices, ['Rebuild', 'Full Rebuild']);
  assert.deepEqual(fake.executed, [{ id: REBUILD, args: [] }]);
});

test('the full rebuild is the second choice', async () => {
  fake.choice = 'Full Rebuild';
  await run();
  assert.deepEqual(fake.executed, [{ id: FULL, args: [] }]);
});

test('dismissing the choice rebuilds nothing', async () => {
  fake.choice = undefined;
  await run();
  assert.deepEqual(fake.executed, []);
});

test('with only the rebuild command it runs that without asking', async () => {
  fake.available = [REBUILD];
  await run();
  assert.deepEqual(fake.executed, [{ id: REBUILD, args: [] }]);
  assert.deepEqual(fake.messages, []);
});

test('never the Dev Containers command in a codespace, and nothing run when the Codespaces one is missing', async () => {
  fake.available = ['remote-containers.rebuildContainer'];
  await run();
  assert.deepEqual(fake.executed, []);
  assert.equal(fake.messages.length, 1);
  assert.equal(fake.messages[0].level, 'warning');
  // The Codespaces way to do it, not the Dev Containers extension's.
  assert.match(fake.messages[0].message, /github\.codespaces\.rebuildEnvironment is not available/);
  assert.match(fake.messages[0].message, /gh codespace rebuild/);
  assert.doesNotMatch(fake.messages[0].message, /remote-containers/);
});
