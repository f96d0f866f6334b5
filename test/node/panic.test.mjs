// wasm32-unknown-unknown aborts on panic; the wrapper must report it and come back working.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engine, glue, panics } from './core.mjs';

test('the raw core turns a panic into a RuntimeError', () => {
  assert.throws(() => glue.__testPanic(), WebAssembly.RuntimeError);
  glue.__wbg_reset_state();
  assert.ok(Array.isArray(glue.analyze('{}', undefined).diagnostics));
});

test('the engine reports a panic with its message and re-instantiates the core', () => {
  const before = panics.length;
  engine.testPanic();
  assert.equal(panics.length, before + 1);
  assert.match(panics.at(-1), /deliberate panic for the recovery test/);
  assert.equal(engine.panicCount, 1);
  // The next calls work, again and again.
  for (let i = 0; i < 3; i++) {
    const result = engine.analyze('{"image": "x",, }');
    assert.ok(result.diagnostics.some((d) => d.code === 'syntax-error'));
    // The text reaches the new instance (written into its memory, not the dead one's).
    const valid = engine.analyze('{"image": "mcr.microsoft.com/devcontainers/go:1"}');
    assert.deepEqual(
      valid.diagnostics.filter((d) => d.code === 'syntax-error'),
      [],
    );
  }
  engine.testPanic();
  assert.equal(engine.panicCount, 2);
  assert.equal(engine.version(), glue.version());
});
