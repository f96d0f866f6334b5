// The flat encoding (crate/src/api/flat.rs, extension/src/flat.ts) against the serde objects the
// core also returns: the wrapper's results must equal them field for field, on real files at
// every offset. And the wrapper's project session: it hands the project over only when it
// changed, and again after the core was re-instantiated. Run `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { engine, glue, panics, root } from './core.mjs';

const SHARED = `${root}../shared/corpus/real`;

/** The corpus files, or none (a skip, and a failure under CI) when ../shared is absent. */
function corpus(t) {
  if (!existsSync(SHARED)) {
    assert.notEqual(process.env.CI, 'true', '../shared/corpus/real is required under CI');
    t.skip('../shared/corpus/real is absent');
    return [];
  }
  return readdirSync(SHARED)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(`${SHARED}/${name}`, 'utf8') }));
}

const spread = (all, count) =>
  Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor((i * all.length) / count)]);

const MIXED =
  '{\r\n  // 注释 🚀\r\n  "image": "mcr.microsoft.com/devcontainers/go:1",\r\n  "features": {\r\n    ""\r\n  },\r\n  "名前": 1,,\r\n}';

test('completion items read from the flat encoding equal the serde ones at every offset', (t) => {
  const files = [{ name: 'mixed', text: MIXED }, ...spread(corpus(t), 8)];
  let items = 0;
  for (const { name, text } of files) {
    for (let offset = 0; offset <= text.length; offset++) {
      const flat = engine.complete(text, offset);
      assert.deepStrictEqual(flat, glue.complete(text, offset), `${name} at ${offset}`);
      items += flat.length;
    }
  }
  assert.ok(items > 1000, `only ${items} items compared`);
  assert.deepEqual(panics, []);
});

test('diagnostics read from the flat encoding equal the serde ones, with and without fixes', (t) => {
  const files = [{ name: 'mixed', text: MIXED }, ...corpus(t)];
  let fixes = 0;
  for (const { name, text } of files) {
    for (const options of [{}, { omitFixes: true }, { severityOverrides: { 'duplicate-key': 'hint' } }]) {
      const flat = engine.analyze(text, options);
      assert.deepStrictEqual(flat, glue.analyze(text, options), name);
      fixes += flat.diagnostics.reduce((n, d) => n + d.fixes.length, 0);
    }
  }
  assert.ok(fixes > 0, 'no fix was compared');
  assert.deepEqual(panics, []);
});

const MAIN_PATH = '/ws/.devcontainer/devcontainer.json';
const COMPOSE = { path: '../compose.yaml', kind: 'text', text: 'services:\n  app:\n    build: .\n    user: 开发者\n' };
const DOCKERFILE = {
  path: '../Dockerfile',
  kind: 'text',
  text: 'FROM golang:1.22 AS 构建\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n',
};
const CONFIG = '{ "dockerComposeFile": ["../compose.yaml"], "service": "app", "workspaceFolder": "/w" }';

function project(text, files) {
  return { mainPath: MAIN_PATH, text, workspaceFolder: '/ws', configFolder: '/ws/.devcontainer', files };
}

/** The wrapper's answers (flat, project set once) and the serde ones (whole input each call). */
function assertSameAsWholeInput(input, what) {
  assert.deepStrictEqual(engine.analyzeProject(input), glue.analyzeProject(input, undefined), `analyze: ${what}`);
  assert.deepStrictEqual(engine.projectWanted(input), glue.projectWanted(input), `wanted: ${what}`);
  for (const offset of [0, 3, 25, input.text.length]) {
    assert.deepStrictEqual(
      engine.completeProject(input, offset),
      glue.completeProject(input, offset),
      `complete at ${offset}: ${what}`,
    );
    assert.deepStrictEqual(
      engine.hoverProject(input, offset) ?? null,
      glue.hoverProject(input, offset) ?? null,
      `hover at ${offset}: ${what}`,
    );
  }
}

test('the project session follows every change the host makes, and survives a restart', () => {
  const files = [COMPOSE, DOCKERFILE];
  const first = project(CONFIG, files);
  assertSameAsWholeInput(first, 'first');
  const result = engine.analyzeProject(first);
  assert.ok(
    result.files.some((f) => !f.main && f.diagnostics.length > 0),
    'a finding in another file',
  );

  // Typing: the same file objects, another text.
  assertSameAsWholeInput(project(CONFIG.replace('/w"', '/w2"'), files), 'typed');
  // A file read again (a new object) with another text; a file dropped; another env.
  const edited = { ...COMPOSE, text: 'services:\n  other:\n    image: golang:1.22\n' };
  assertSameAsWholeInput(project(CONFIG, [edited, DOCKERFILE]), 'compose edited');
  assertSameAsWholeInput(project(CONFIG, [edited]), 'dockerfile dropped');
  assertSameAsWholeInput({ ...project(CONFIG, files), localEnv: { HOME: '/home/dev' } }, 'env');
  assertSameAsWholeInput({ ...project(CONFIG, files), isolated: true }, 'isolated');

  // After a panic the core is a fresh instance without the project: the wrapper hands it again.
  engine.analyzeProject(first);
  engine.testPanic();
  assert.equal(panics.length, 1);
  panics.length = 0;
  assert.deepStrictEqual(engine.analyzeProject(first), result);
  assert.deepEqual(panics, []);
});

test('the options reach the core in their compact form, an invalid level as before', () => {
  const text = '{"image": "a", "image": "b", "forwardPorts": ["2345"]}';
  for (const options of [
    undefined,
    null,
    { omitFixes: true },
    { severityOverrides: { 'duplicate-key': 'off', 'odd=code': 'error' } },
    { severityOverrides: { 'duplicate-key': 'error' }, omitFixes: true },
  ]) {
    assert.deepStrictEqual(engine.analyze(text, options), glue.analyze(text, options), JSON.stringify(options));
  }
  assert.deepEqual(engine.analyze(text, { severityOverrides: { 'duplicate-key': 'loud' } }), { diagnostics: [] });
  assert.equal(panics.length, 1);
  assert.match(panics[0], /invalid analyze options: severityOverrides\.duplicate-key/);
  panics.length = 0;
});
