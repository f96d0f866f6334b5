// rebuildAdvice through the built WASM core: plain objects in the documented shape, and one edit
// per answer (nothing, reload, restart, rebuild), in texts with CJK comments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engine, glue } from './core.mjs';

const isPlain = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

const BASE = `// 開発コンテナの設定
{
  "name": "Go 開発",
  "image": "mcr.microsoft.com/devcontainers/go:1",
  /* ポート転送 */
  "forwardPorts": [2345],
  "postStartCommand": "go version", // 起動のたびに
  "customizations": { "vscode": { "extensions": ["golang.go"] } }
}
`;

const advise = (edit) => engine.rebuildAdvice(BASE, edit(BASE));

test('rebuildAdvice returns plain objects in the documented shape', () => {
  const advice = glue.rebuildAdvice(BASE, BASE.replace('[2345]', '[2345, 8080]'));
  assert.ok(isPlain(advice), 'a plain object, not a Map');
  assert.deepEqual(Object.keys(advice).sort(), ['applyBy', 'changed', 'hasSyntaxErrors']);
  assert.equal(advice.hasSyntaxErrors, false);
  assert.ok(Array.isArray(advice.changed));
  for (const c of advice.changed) {
    assert.ok(isPlain(c));
    assert.deepEqual(Object.keys(c).sort(), ['applyBy', 'key']);
  }
  assert.deepEqual(advice.changed, [{ key: 'forwardPorts', applyBy: 'reload' }]);
});

test('comments and the name need nothing', () => {
  const advice = advise((t) => t.replace('ポート転送', '転送するポート').replace('Go 開発', 'Go 开发环境'));
  assert.equal(advice.applyBy, 'nothing');
  assert.deepEqual(advice.changed, [{ key: 'name', applyBy: 'nothing' }]);
  assert.deepEqual(engine.rebuildAdvice(BASE, BASE).changed, []);
});

test('VS Code extensions need a reload', () => {
  const advice = advise((t) => t.replace('"golang.go"', '"golang.go", "eamodio.gitlens"'));
  assert.equal(advice.applyBy, 'reload');
  assert.deepEqual(advice.changed, [{ key: 'customizations', applyBy: 'reload' }]);
});

test('the start hook needs a restart', () => {
  const advice = advise((t) => t.replace('"go version"', '"go env GOPATH"'));
  assert.equal(advice.applyBy, 'restart');
  assert.deepEqual(advice.changed, [{ key: 'postStartCommand', applyBy: 'restart' }]);
});

test('a feature needs a rebuild, and the dearest property decides', () => {
  const advice = advise((t) =>
    t
      .replace('"image"', '"features": { "ghcr.io/devcontainers/features/node:1": {} }, // 機能\n  "image"')
      .replace('[2345]', '[2345, 8080]'),
  );
  assert.equal(advice.applyBy, 'rebuild');
  assert.deepEqual(advice.changed.map((c) => [c.key, c.applyBy]).sort(), [
    ['features', 'rebuild'],
    ['forwardPorts', 'reload'],
  ]);
});

test('broken new text is flagged', () => {
  const advice = engine.rebuildAdvice(BASE, '// 壊れた\n{ "image": ');
  assert.equal(advice.hasSyntaxErrors, true);
});
