// Completion and hover across files through the extension's own code (diagnostics controller,
// completion and hover providers, the built WASM core) on the fake vscode host: Compose services,
// stages and file names are offered from the files the diagnostics read, and no file is read on
// the UI path more than once per change (reads and listings counted). Run `npm run build` first.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { build } from 'esbuild';
import { engine, positionAt, root } from './core.mjs';
import * as vscode from './fake-vscode-host.mjs';

const bundle = await build({
  stdin: {
    contents:
      "export { DiagnosticsController } from './diagnostics'; export { CompletionProvider } from './completion'; export { HoverProvider } from './hover';",
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

const DIR = 'file:///ws/.devcontainer';
const configUri = vscode.Uri.parse(`${DIR}/devcontainer.json`);
const rootCompose = 'file:///ws/compose.yaml';
const devCompose = `${DIR}/compose.dev.yaml`;
const TEXT = `{
  "dockerComposeFile": ["../compose.yaml", "compose.dev.yaml", ""],
  "service": "db",
  "runServices": ["db", ""],
  "workspaceFolder": "/workspace"
}
`;
const bytes = (text) => new TextEncoder().encode(text);
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let host;
let completion;
let hover;
let document;

/** The labels offered with the cursor just after the `nth` occurrence of `needle`. */
async function labelsAt(needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const { line, character } = positionAt(document.text, at + needle.length);
  const items = await completion.provideCompletionItems(document, new vscode.Position(line, character));
  return items.map((i) => i.label);
}

const readsOf = (uri) => host.reads.filter((r) => r === uri).length;

before(async () => {
  document = vscode.textDocument(configUri, TEXT);
  host = vscode.createHost({
    files: new Map([
      [rootCompose, bytes('services:\n  api:\n    image: golang:1.22\n  db:\n    image: postgres:15\n')],
      [devCompose, bytes('services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n')],
      [`${DIR}/Dockerfile`, bytes('FROM golang:1.22\n')],
      [`${DIR}/docker-compose.override.yml`, bytes('services: {}\n')],
    ]),
    documents: [document],
  });
  const controller = new ext.DiagnosticsController(engine);
  const project = (doc) => controller.projectInput(doc);
  completion = new ext.CompletionProvider(engine, project);
  hover = new ext.HoverProvider(engine, project);
  await wait(100);
});

test('runServices offers the services of both Compose files, without reading them again', async () => {
  const before = [...host.reads];
  const listed = host.listings.length;
  assert.equal(readsOf(rootCompose), 1);
  assert.equal(readsOf(devCompose), 1);
  for (let i = 0; i < 3; i++) {
    const labels = await labelsAt('"runServices": ["db", "');
    assert.ok(labels.includes('api') && labels.includes('cache'), labels.join(', '));
    assert.ok(!labels.includes('db'), 'a service already listed is not offered again');
  }
  assert.deepEqual(host.reads, before, 'completion read nothing the diagnostics had read');
  assert.equal(host.listings.length, listed, 'nor listed a folder again');
});

test('dockerComposeFile offers the YAML files of the devcontainer.json folder', async () => {
  const labels = await labelsAt('"compose.dev.yaml", "');
  assert.ok(labels.includes('docker-compose.override.yml'), labels.join(', '));
  assert.ok(!labels.includes('Dockerfile'), labels.join(', '));
  assert.ok(!labels.includes('compose.dev.yaml'), 'a file already in the array is not offered again');
  assert.deepEqual(host.listings, [DIR], 'the folder was listed once, by the diagnostics');
});

test('hover on service shows the merged image and where it is defined', async () => {
  const reads = host.reads.length;
  const at = positionAt(TEXT, TEXT.indexOf('"db"') + 2);
  const result = await hover.provideHover(document, new vscode.Position(at.line, at.character));
  const [markdown] = result.contents;
  assert.match(markdown.value, /image: `postgres:16`/);
  assert.match(markdown.value, /`\.\.\/compose\.yaml`, then `compose\.dev\.yaml`/);
  assert.equal(host.reads.length, reads);
});

test('a Compose file changed on disk is read once more, then offers its new service', async () => {
  host.files.set(devCompose, bytes('services:\n  worker:\n    image: golang:1.22\n'));
  vscode.fireWatcher(vscode.Uri.parse(devCompose));
  // Completion may come before the debounced re-check: it reads the file, the check does not.
  const labels = await labelsAt('"runServices": ["db", "');
  assert.ok(labels.includes('worker'), labels.join(', '));
  await wait(400);
  await labelsAt('"runServices": ["db", "');
  assert.equal(readsOf(devCompose), 2);
});

test('a file added to the folder is listed once more, then offered', async () => {
  const listed = () => host.listings.filter((l) => l === DIR).length;
  const before = listed();
  host.files.set(`${DIR}/compose.extra.yml`, bytes('services: {}\n'));
  vscode.fireWatcher(vscode.Uri.parse(`${DIR}/*`));
  const labels = await labelsAt('"compose.dev.yaml", "');
  assert.ok(labels.includes('compose.extra.yml'), labels.join(', '));
  await wait(400);
  await labelsAt('"compose.dev.yaml", "');
  assert.equal(listed(), before + 1);
});

test('completion racing the first check reads each file once', async () => {
  const raceUri = vscode.Uri.parse('file:///race/.devcontainer/devcontainer.json');
  const text = '{ "dockerComposeFile": "compose.yaml", "service": "" }';
  const race = vscode.textDocument(raceUri, text);
  host.files.set('file:///race/.devcontainer/compose.yaml', bytes('services:\n  one:\n    image: x\n'));
  host.documents.push(race);
  vscode.fire('open', race);
  const at = positionAt(text, text.indexOf('"service": "') + '"service": "'.length);
  const items = await completion.provideCompletionItems(race, new vscode.Position(at.line, at.character));
  assert.deepEqual(
    items.map((i) => i.label),
    ['one'],
  );
  await wait(100);
  assert.equal(readsOf('file:///race/.devcontainer/compose.yaml'), 1);
});
