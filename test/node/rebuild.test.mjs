// "Save and Rebuild Container" against a fake vscode module: which command runs where, saving
// first, the message when the Dev Containers extension is missing, and errors shown, not lost.
// Inside a dev container: the advice of the built WASM core against the baseline text, so a
// change that needs no rebuild is not rebuilt unless the user insists.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { build } from 'esbuild';
import { engine, root } from './core.mjs';

const bundle = await build({
  stdin: {
    contents: "export * from './rebuild'; export { Baselines } from './baseline';",
    resolveDir: `${root}/extension/src`,
    loader: 'ts',
  },
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

const REOPEN = 'remote-containers.rebuildAndReopenInContainer';
const INSIDE = 'remote-containers.rebuildContainer';
let fake;

function document(path, dirty, text = '{}') {
  const doc = {
    uri: { path, fsPath: path, toString: () => `file://${path}` },
    isDirty: dirty,
    text,
    getText: () => doc.text,
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
  assert.deepEqual(fake.executed, [
    { id: 'workbench.extensions.search', args: ['ms-vscode-remote.remote-containers'] },
  ]);
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

describe('inside a dev container, with the baseline the container started with', () => {
  const RELOAD = 'workbench.action.reloadWindow';
  const STARTED = `// コンテナ起動時の設定
{
  "name": "Go",
  "image": "mcr.microsoft.com/devcontainers/go:1",
  "forwardPorts": [2345], // デバッガ
  "postStartCommand": "go version"
}
`;
  let baselines;

  beforeEach(() => {
    fake.remoteName = 'dev-container';
    fake.document = document('/work/app/.devcontainer/devcontainer.json', false, STARTED);
    baselines = new rebuild.Baselines();
    rebuild.registerRebuild({ info() {}, error() {} }, { baselines, advise: (a, b) => engine.rebuildAdvice(a, b) });
  });

  const edit = (from, to) => {
    fake.document.text = fake.document.text.replace(from, to);
    fake.document.isDirty = true;
  };

  test('a reload-only change offers Reload Window and does not rebuild when dismissed', async () => {
    edit('[2345]', '[2345, 8080]');
    await run();
    assert.equal(fake.document.saves, 1);
    assert.deepEqual(fake.executed, []);
    const [info] = fake.messages;
    assert.equal(info.level, 'info');
    assert.match(info.message, /^Devcontainer Doctor: .*"forwardPorts".*reloading the window is enough/);
    assert.deepEqual(info.choices, ['Reload Window', 'Rebuild Anyway']);
  });

  test('Reload Window reloads instead of rebuilding', async () => {
    edit('"name": "Go"', '"name": "Go 開発"');
    fake.choice = 'Reload Window';
    await run();
    assert.match(fake.messages[0].message, /"name"/);
    assert.deepEqual(fake.executed, [{ id: RELOAD, args: [] }]);
  });

  test('Rebuild Anyway rebuilds, and the rebuilt text becomes the baseline', async () => {
    edit('[2345]', '[2345, 8080]');
    fake.choice = 'Rebuild Anyway';
    await run();
    assert.deepEqual(fake.executed, [{ id: INSIDE, args: [] }]);
    fake.choice = undefined;
    await run();
    assert.match(fake.messages[1].message, /has not changed since this container started/);
    assert.deepEqual(fake.messages[1].choices, ['Rebuild Anyway']);
    assert.equal(fake.executed.length, 1);
  });

  test('a start hook change says a restart is enough and that there is no restart command', async () => {
    edit('go version', 'go env GOPATH');
    await run();
    assert.deepEqual(fake.executed, []);
    assert.match(
      fake.messages[0].message,
      /^Devcontainer Doctor: "postStartCommand" changed; restarting the container/,
    );
    assert.match(fake.messages[0].message, /no restart command/);
    assert.deepEqual(fake.messages[0].choices, ['Rebuild Anyway']);
  });

  test('a feature change rebuilds directly', async () => {
    edit('"image"', '"features": { "ghcr.io/devcontainers/features/node:1": {} },\n  "image"');
    edit('[2345]', '[2345, 8080]');
    await run();
    assert.deepEqual(fake.messages, []);
    assert.deepEqual(fake.executed, [{ id: INSIDE, args: [] }]);
  });

  test('a syntax error warns first, and rebuilds only on Rebuild Anyway', async () => {
    edit('"go version"', '"go version",,');
    await run();
    assert.deepEqual(fake.executed, []);
    const [warning] = fake.messages;
    assert.equal(warning.level, 'warning');
    assert.match(
      warning.message,
      /^Devcontainer Doctor: devcontainer\.json has syntax errors, so the rebuild would fail/,
    );
    assert.deepEqual(warning.choices, ['Rebuild Anyway']);
    fake.choice = 'Rebuild Anyway';
    await run();
    assert.deepEqual(fake.executed, [{ id: INSIDE, args: [] }]);
  });

  test('without a baseline it rebuilds as before', async () => {
    fake.document = document('/work/app/.devcontainer/other/devcontainer.json', true, '{"name": "x"}');
    await run(fake.document.uri);
    assert.deepEqual(fake.messages, []);
    assert.deepEqual(fake.executed, [{ id: INSIDE, args: [] }]);
  });

  test('a local window is unchanged: no advice, rebuild and reopen', async () => {
    fake.remoteName = undefined;
    edit('"go version"', '"go version",,');
    await run();
    assert.deepEqual(fake.messages, []);
    assert.deepEqual(fake.executed, [{ id: REOPEN, args: [] }]);
  });
});

describe('baselines', () => {
  test('the first sight counts: a reopened document keeps its baseline', () => {
    fake.document = document('/work/app/.devcontainer.json', false, '{"image": "a"}');
    const baselines = new rebuild.Baselines();
    const uri = fake.document.uri;
    fake.document.text = '{"image": "b"}';
    for (const listener of fake.openListeners) listener(fake.document);
    assert.equal(baselines.get(uri), '{"image": "a"}');
  });

  test('a document with unsaved edits at first sight takes the file on disk', async () => {
    fake.document = document('/work/app/.devcontainer/devcontainer.json', true, '{"image": "edited"}');
    fake.disk = { [fake.document.uri.path]: '{"image": "on disk"}' };
    const baselines = new rebuild.Baselines();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(baselines.get(fake.document.uri), '{"image": "on disk"}');
  });

  test('other files are not tracked', () => {
    fake.document = document('/work/app/package.json', false, '{}');
    const baselines = new rebuild.Baselines();
    assert.equal(baselines.get(fake.document.uri), undefined);
  });
});
