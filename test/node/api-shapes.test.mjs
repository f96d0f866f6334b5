import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { engine, glue, root } from './core.mjs';

const isPlain = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

test('analyze returns plain objects in the CLI shape', () => {
  const result = glue.analyze('{"image": "x",, }', undefined);
  assert.ok(isPlain(result), 'result is a plain object, not a Map');
  assert.deepEqual(Object.keys(result), ['diagnostics']);
  assert.ok(result.diagnostics.length > 0);
  for (const d of result.diagnostics) {
    assert.ok(isPlain(d));
    assert.equal(typeof d.code, 'string');
    assert.match(d.severity, /^(error|warning|info|hint)$/);
    assert.equal(typeof d.message, 'string');
    assert.ok(isPlain(d.range) && isPlain(d.range.start) && isPlain(d.range.end));
    assert.equal(typeof d.range.start.line, 'number');
    assert.equal(typeof d.range.start.character, 'number');
    assert.ok(Array.isArray(d.fixes));
    for (const f of d.fixes) {
      assert.equal(typeof f.title, 'string');
      assert.equal(typeof f.isPreferred, 'boolean');
      for (const e of f.edits) assert.equal(typeof e.newText, 'string');
    }
  }
});

test('analyze accepts no options, null, and severity overrides', () => {
  const text = '{"image": "a", "image": "b"}';
  const plain = engine.analyze(text);
  assert.ok(plain.diagnostics.some((d) => d.code === 'duplicate-key'));
  assert.deepEqual(glue.analyze(text, null), plain);
  const raised = engine.analyze(text, { severityOverrides: { 'duplicate-key': 'error' } });
  assert.equal(raised.diagnostics.find((d) => d.code === 'duplicate-key')?.severity, 'error');
  const off = engine.analyze(text, { severityOverrides: { 'duplicate-key': 'off' } });
  assert.ok(!off.diagnostics.some((d) => d.code === 'duplicate-key'));
});

test('invalid options are a JS error, not a crash', () => {
  assert.throws(
    () => glue.analyze('{}', { severityOverrides: { x: 'loud' } }),
    (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError),
  );
  // The instance still works.
  assert.deepEqual(
    glue.analyze('{"image": "x"}', {}).diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
});

test('version matches the extension manifest', () => {
  const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  assert.equal(glue.version(), manifest.version);
});

test('rules lists every code with a docs link', () => {
  const rules = glue.rules();
  assert.ok(Array.isArray(rules) && rules.length >= 3);
  for (const r of rules) {
    assert.ok(isPlain(r));
    assert.match(r.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.match(r.severity, /^(error|warning|info|hint)$/);
    assert.ok(r.summary.length > 0);
    assert.ok(r.docsUrl.startsWith('https://') && r.docsUrl.endsWith(`#${r.code}`));
  }
  assert.ok(rules.some((r) => r.code === 'syntax-error'));
});

test('complete, hover and codeActions return their shapes', () => {
  const items = glue.complete('{\n  "\n}', 4);
  assert.ok(Array.isArray(items));
  const hover = glue.hover('{"remoteUser": "vscode"}', 3);
  assert.ok(hover === null || (isPlain(hover) && typeof hover.contents === 'string'));
  const actions = glue.codeActions('{"a": 1,, }', 0, 11);
  assert.ok(Array.isArray(actions));
  for (const a of actions) {
    assert.equal(typeof a.title, 'string');
    assert.ok(Array.isArray(a.edits) && Array.isArray(a.diagnosticCodes));
  }
});

test('offsets out of range do not crash', () => {
  assert.ok(Array.isArray(glue.complete('{}', 999)));
  glue.hover('{}', 4_000_000_000);
  assert.ok(Array.isArray(glue.codeActions('{}', 5, 2)));
});
