// Speed of the WASM core next to the peer it replaces, in one Node process on the same texts:
// vscode-json-languageservice, which VS Code runs on devcontainer.json today, with the official
// dev container schema (from ../shared/spec; without it the peer checks syntax only).
// Run after `npm run build`: `node bench/peer.mjs`. It prints figures; it asserts nothing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as core from '../dist/core/devcontainer_doctor.js';
import jsonService from 'vscode-json-languageservice';
import { printSizeAndStartup } from './size.mjs';

const { getLanguageService, TextDocument } = jsonService;

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = `${root}../shared`;
core.initSync({ module: readFileSync(`${root}dist/core/devcontainer_doctor_bg.wasm`) });

function corpusTexts() {
  const dir = `${shared}/corpus/real`;
  if (!existsSync(dir)) {
    console.log('../shared is absent: measuring the bundled Go example only');
    return [readFileSync(`${root}examples/go/.devcontainer/devcontainer.json`, 'utf8')];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
}

/** The peer set up as VS Code sets it up: the composed schema, its three parts served locally. */
function peerService() {
  const specDir = `${shared}/spec`;
  const haveSchema = existsSync(`${specDir}/devContainer.schema.json`);
  const byUrl = (uri) => {
    const name = uri.split('/').pop().split('#')[0];
    const path = `${specDir}/${name}`;
    if (existsSync(path)) return Promise.resolve(readFileSync(path, 'utf8'));
    return Promise.resolve('{"type": "object"}'); // vscode://schemas/settings/machine and the like
  };
  const service = getLanguageService({ schemaRequestService: byUrl });
  if (haveSchema) {
    service.configure({
      validate: true,
      allowComments: true,
      schemas: [{ uri: 'file:///devContainer.schema.json', fileMatch: ['*/devcontainer.json'] }],
    });
  } else {
    console.log('../shared/spec is absent: the peer checks syntax only');
  }
  return { service, haveSchema };
}

async function measure(texts, budgetMs, fn) {
  let rounds = 0;
  const start = performance.now();
  do {
    for (const t of texts) await fn(t);
    rounds += 1;
  } while (performance.now() - start < budgetMs);
  return ((performance.now() - start) * 1000) / (rounds * texts.length);
}

const texts = corpusTexts();
const { service } = peerService();
const doc = (text) => TextDocument.create('file:///w/.devcontainer/devcontainer.json', 'jsonc', 1, text);
const peerValidate = (text) => {
  const d = doc(text);
  return service.doValidation(d, service.parseJSONDocument(d), { comments: 'ignore', trailingCommas: 'ignore' });
};
const middle = (text) => Math.floor(text.length / 2);

// Warm both up, and count what each finds over the texts.
let oursFound = 0;
let peerFound = 0;
let oursFiles = 0;
let peerFiles = 0;
for (const t of texts) {
  const ours = core.analyze(t, {}).diagnostics.length;
  const peer = (await peerValidate(t)).length;
  oursFound += ours;
  peerFound += peer;
  oursFiles += ours > 0 ? 1 : 0;
  peerFiles += peer > 0 ? 1 : 0;
}

const budget = 1500;
const rows = [
  [
    'check on every keystroke',
    await measure(texts, budget, (t) => peerValidate(t)),
    await measure(texts, budget, (t) => core.analyze(t, {})),
  ],
  [
    'completion in the middle of the file',
    await measure(texts, budget, (t) => {
      const d = doc(t);
      return service.doComplete(d, d.positionAt(middle(t)), service.parseJSONDocument(d));
    }),
    await measure(texts, budget, (t) => core.complete(t, middle(t))),
  ],
  [
    'hover in the middle of the file',
    await measure(texts, budget, (t) => {
      const d = doc(t);
      return service.doHover(d, d.positionAt(middle(t)), service.parseJSONDocument(d));
    }),
    await measure(texts, budget, (t) => core.hover(t, middle(t))),
  ],
];

const bytes = texts.reduce((n, t) => n + t.length, 0);
console.log(
  `${texts.length} files, ${Math.round(bytes / texts.length)} UTF-16 units on average; Node ${process.version}`,
);
console.log(
  `${'call'.padEnd(40)} ${'peer us/file'.padStart(13)} ${'ours us/file'.padStart(13)} ${'ours/peer'.padStart(10)}`,
);
for (const [name, peer, ours] of rows) {
  console.log(
    `${name.padEnd(40)} ${peer.toFixed(1).padStart(13)} ${ours.toFixed(1).padStart(13)} ${(ours / peer).toFixed(2).padStart(10)}`,
  );
}
console.log(`findings: peer ${peerFound} in ${peerFiles} files, ours ${oursFound} in ${oursFiles} files`);

// Size and start-up (bench/size.mjs).
printSizeAndStartup();
