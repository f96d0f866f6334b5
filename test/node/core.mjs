// Loads the built WASM core (dist/core/) and the engine wrapper (dist/engine.mjs) the extension
// uses, once per test file. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as glue from '../../dist/core/devcontainer_doctor.js';
import { Engine } from '../../dist/engine.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const wasmBytes = readFileSync(new URL('../../dist/core/devcontainer_doctor_bg.wasm', import.meta.url));
export const panics = [];
export const engine = new Engine(glue, wasmBytes, (message) => panics.push(message));
export { glue };

/** Splits a fixture at its `|` cursor: the text without it, and the UTF-16 offset. */
export function cursor(fixture) {
  const offset = fixture.indexOf('|');
  if (offset < 0) throw new Error(`fixture has no | cursor: ${fixture}`);
  return { text: fixture.slice(0, offset) + fixture.slice(offset + 1), offset };
}

/** The 0-based line and UTF-16 column of a UTF-16 offset, computed in JS, independently of Rust. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Applies `{range, newText}` edits (UTF-16 positions) to a text. */
export function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
}

/** True when the core offers IDE features (complete/hover are stubs before branch `ide` lands). */
export function ideFeaturesBuilt() {
  const { text, offset } = cursor('{\n  "image": "x",\n  "|"\n}');
  return engine.complete(text, offset).length > 0;
}
