// Positions are UTF-16 line/character, as VS Code counts; the expected values are computed in JS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, engine, positionAt } from './core.mjs';

function errorAt(text, marker) {
  const d = engine.analyze(text).diagnostics.find((x) => x.code === 'syntax-error');
  assert.ok(d, `a syntax error in ${JSON.stringify(text)}`);
  assert.deepEqual(d.range.start, positionAt(text, text.indexOf(marker)));
  return d;
}

test('CJK comment and value before the error', () => {
  errorAt('{\n  // 日本語のコメント\n  "name": "名前", "x": @\n}', '@');
});

test('emoji (surrogate pairs) before the error on the same line', () => {
  errorAt('{"name": "🐹😀👩‍💻", "x": @}', '@');
});

test('CRLF line ends', () => {
  errorAt('{\r\n  "name": "é",\r\n  "x": @\r\n}\r\n', '@');
});

test('a byte order mark at the start', () => {
  const text = '\uFEFF{\n  "name": "x",\n  "y": @\n}';
  const d = engine.analyze(text).diagnostics.find((x) => x.code === 'syntax-error' && x.range.start.line === 2);
  assert.ok(d, 'the error on line 3 is found');
  assert.deepEqual(d.range.start, positionAt(text, text.indexOf('@')));
});

test('a fix computed after CJK and emoji applies at the right place', () => {
  const text = '{\n  // 🐹 コメント\n  "remoteUser": \'vscode\'\n}';
  const d = engine.analyze(text).diagnostics.find((x) => x.fixes.length > 0);
  assert.ok(d, 'the single-quoted string has a fix');
  const fixed = applyEdits(text, d.fixes[0].edits);
  assert.equal(fixed, '{\n  // 🐹 コメント\n  "remoteUser": "vscode"\n}');
});
