// The marketplace README (dist/README.md, made by the build) lists every rule the core has.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { glue, root } from './core.mjs';

test('dist/README.md lists every rule code with its docs link', () => {
  const readme = readFileSync(`${root}/dist/README.md`, 'utf8');
  for (const r of glue.rules()) assert.ok(readme.includes(`[\`${r.code}\`](${r.docsUrl})`), r.code);
  assert.ok(!readme.includes('<!-- rules -->'));
});
