// Shared by the benchmarks: the built core behind the extension's own wrapper (dist/engine.mjs),
// the corpus, the peer (vscode-json-languageservice with the official schema, as VS Code runs it
// on devcontainer.json), per-call timing and the statistics printed.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as glue from '../dist/core/devcontainer_doctor.js';
import { Engine } from '../dist/engine.mjs';
import jsonService from 'vscode-json-languageservice';

const { getLanguageService, TextDocument } = jsonService;

export const root = fileURLToPath(new URL('../', import.meta.url));
export const shared = `${root}../shared`;
export const wasmBytes = readFileSync(`${root}dist/core/devcontainer_doctor_bg.wasm`);
export const engine = new Engine(glue, wasmBytes, (message) => console.log(`core panic: ${message}`));
export const MAIN_PATH = '/w/.devcontainer/devcontainer.json';

/** Options as extension/src/diagnostics.ts passes them: fixes come later, as code actions. */
export const EXTENSION_OPTIONS = { severityOverrides: {}, omitFixes: true };

/** The corpus files as `{ name, text }`, sorted by name; the bundled Go example without ../shared. */
export function corpus() {
  const dir = `${shared}/corpus/real`;
  if (!existsSync(dir)) {
    console.log('../shared is absent: measuring the bundled Go example only');
    const name = 'examples/go/.devcontainer/devcontainer.json';
    return [{ name, text: readFileSync(`${root}${name}`, 'utf8') }];
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(`${dir}/${name}`, 'utf8') }));
}

/** `count` items spread evenly over `all` (all of them when there are fewer). */
export function spread(all, count) {
  if (all.length <= count) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
}

/** The peer set up as VS Code sets it up: the composed schema, its parts served locally. */
function peerService() {
  const specDir = `${shared}/spec`;
  const byUrl = (uri) => {
    const path = `${specDir}/${uri.split('/').pop().split('#')[0]}`;
    // vscode://schemas/settings/machine and the like resolve to an open object.
    return Promise.resolve(existsSync(path) ? readFileSync(path, 'utf8') : '{"type": "object"}');
  };
  const service = getLanguageService({ schemaRequestService: byUrl });
  if (existsSync(`${specDir}/devContainer.schema.json`)) {
    service.configure({
      validate: true,
      allowComments: true,
      schemas: [{ uri: 'file:///devContainer.schema.json', fileMatch: ['*/devcontainer.json'] }],
    });
  } else {
    console.log('../shared/spec is absent: the peer checks syntax only');
  }
  return service;
}

const service = peerService();
const SETTINGS = { comments: 'ignore', trailingCommas: 'ignore' };

/** The peer's view of one document version: parsed once, as VS Code caches it per version. */
export function peerDocument(text, version = 1) {
  const document = TextDocument.create(`file://${MAIN_PATH}`, 'jsonc', version, text);
  return { document, json: service.parseJSONDocument(document) };
}
export const peer = {
  validate: ({ document, json }) => service.doValidation(document, json, SETTINGS),
  complete: ({ document, json }, offset) => service.doComplete(document, document.positionAt(offset), json),
  hover: ({ document, json }, offset) => service.doHover(document, document.positionAt(offset), json),
};

/** Microseconds one (possibly async) call takes. */
export async function time(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) * 1000;
}

/** Median, p99 and mean of microsecond samples. */
export function stats(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { median: at(0.5), p99: at(0.99), mean, count: sorted.length };
}

const us = (n) => n.toFixed(1).padStart(9);

/** Prints one row per measure: ours and the peer's median, p99 and mean, and the target. */
export function table(title, rows) {
  console.log(`\n${title}`);
  console.log(
    `${''.padEnd(26)} ${'median'.padStart(9)} ${'p99'.padStart(9)} ${'mean'.padStart(9)} ${'n'.padStart(7)}  (µs)`,
  );
  for (const [name, s, target = ''] of rows) {
    console.log(
      `${name.padEnd(26)} ${us(s.median)} ${us(s.p99)} ${us(s.mean)} ${String(s.count).padStart(7)}  ${target}`,
    );
  }
}

/** "met"/"NOT met" beside a target. */
export const verdict = (ok, what) => `target ${what}: ${ok ? 'met' : 'NOT met'}`;
