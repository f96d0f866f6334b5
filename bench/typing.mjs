// Typing each file from empty, one character at a time, through the extension's calls per
// keystroke: read what the configuration wants (loadProject: projectWanted), analyzeProject, and
// completion at the cursor with the same files (completeProject). The peer parses each version
// once, validates and completes there.
import { loadProject } from '../dist/projectFiles.mjs';
import { EXTENSION_OPTIONS, MAIN_PATH, engine, peer, peerDocument, stats, table, time } from './lib.mjs';

/** A reader that finds nothing: the corpus files come without their folders. */
const nothing = { readFile: async () => undefined, listFolder: async () => undefined };

/** One keystroke as the extension makes it: analysis of the version, then completion. */
export async function keystroke(input, reader, cache, offset) {
  const full = await loadProject(engine, input, reader, cache);
  engine.analyzeProject(full, EXTENSION_OPTIONS);
  engine.completeProject(full, offset);
}

/** The peer's keystroke: the version parsed once, validated, completed at the cursor. */
export async function peerKeystroke(text, version, offset) {
  const doc = peerDocument(text, version);
  await peer.validate(doc);
  await peer.complete(doc, offset);
}

export async function typingBench(files) {
  const ours = [];
  const theirs = [];
  // Ours and the peer's in separate passes, so that neither pays for the other's garbage.
  for (const { text: whole } of files) {
    const cache = new Map();
    for (let k = 1; k <= whole.length; k++) {
      const text = whole.slice(0, k);
      const input = { mainPath: MAIN_PATH, text, workspaceFolder: '/w', configFolder: '/w/.devcontainer' };
      ours.push(await time(() => keystroke(input, nothing, cache, k)));
    }
  }
  for (const { text: whole } of files) {
    for (let k = 1; k <= whole.length; k++) {
      const text = whole.slice(0, k);
      theirs.push(await time(() => peerKeystroke(text, k, k)));
    }
  }
  const o = stats(ours);
  const p = stats(theirs);
  table(`typing ${files.length} corpus files from empty, per keystroke (analyze + completion)`, [
    ['ours', o],
    ['peer', p],
  ]);
  return { ours: o, peer: p };
}
