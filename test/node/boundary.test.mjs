// What crosses the WASM boundary per keystroke (issue 11): diagnostics without their fixes when
// the extension asks so, the fixes then as code actions of a range; feature completion items
// without their Markdown, resolved by id; and one kept parse for calls on the same text (the
// answers must not go stale when the text or the files change). Run `npm run build` first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, engine, panics } from './core.mjs';

const MAIN = '/ws/.devcontainer/devcontainer.json';
const TEXT = '{\n  "image": "mcr.microsoft.com/devcontainers/go:1",\n  "forwardPorts": ["8080"]\n}\n';
const input = (text) => ({ mainPath: MAIN, text, configFolder: '/ws/.devcontainer' });

test('with omitFixes the diagnostics carry no fixes, and code actions bring them', () => {
  const full = engine.analyzeProject(input(TEXT)).files[0].diagnostics;
  const port = full.find((d) => d.fixes.length > 0);
  assert.ok(port, JSON.stringify(full));
  const light = engine.analyzeProject(input(TEXT), { omitFixes: true }).files[0].diagnostics;
  assert.deepEqual(
    light.map((d) => [d.code, d.message, d.fixes.length]),
    full.map((d) => [d.code, d.message, 0]),
  );
  const start = TEXT.indexOf('"8080"');
  const actions = engine.codeActionsProject(input(TEXT), start, start + 6, { omitFixes: true });
  const quick = actions.find((a) => a.kind === 'quickfix' && a.title === port.fixes[0].title);
  assert.ok(quick, JSON.stringify(actions));
  assert.deepEqual(quick.edits, port.fixes[0].edits);
  assert.match(applyEdits(TEXT, quick.edits), /"forwardPorts": \[8080\]/);
  assert.deepEqual(panics, []);
});

test('a rule turned off offers no quick fix', () => {
  const start = TEXT.indexOf('"8080"');
  const [code] = engine
    .codeActionsProject(input(TEXT), start, start + 6)
    .find((a) => a.kind === 'quickfix').diagnosticCodes;
  const off = { severityOverrides: { [code]: 'off' } };
  const actions = engine.codeActionsProject(input(TEXT), start, start + 6, off);
  assert.ok(!actions.some((a) => a.kind === 'quickfix' && a.diagnosticCodes.includes(code)));
});

test('the kept parse follows a new text and new files', () => {
  const broken = TEXT.replace('"8080"', '"80a"');
  const codes = (text) => engine.analyzeProject(input(text)).files[0].diagnostics.map((d) => d.code);
  const first = codes(TEXT);
  assert.notDeepEqual(codes(broken), first);
  assert.deepEqual(codes(TEXT), first);
  const compose = '{ "dockerComposeFile": "../c.yml", "service": "a", "workspaceFolder": "/w" }';
  const withFile = (yaml) => ({ ...input(compose), files: [{ path: '../c.yml', kind: 'text', text: yaml }] });
  const a = engine.analyzeProject(withFile('services:\n  a:\n    image: x\n'));
  const b = engine.analyzeProject(withFile('services:\n  b:\n    image: x\n'));
  assert.notDeepEqual(a, b, 'the service is found in one Compose file only');
  assert.deepEqual(engine.analyzeProject(withFile('services:\n  a:\n    image: x\n')), a);
});

test('feature items come without Markdown and resolve by docId', () => {
  const text = '{\n  "features": {\n    ""\n  }\n}';
  const items = engine.complete(text, text.indexOf('""') + 1);
  assert.ok(items.length > 50, `${items.length} items`);
  assert.ok(items.every((i) => i.documentation === undefined && typeof i.docId === 'string'));
  const go = items.find((i) => i.label.endsWith('/go:1'));
  assert.match(engine.completionDoc(go.docId), /Newest version/);
  assert.equal(engine.completionDoc('feature:no/such/thing'), undefined);
});
