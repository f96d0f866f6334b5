// Keystrokes in the corpus folders (../shared/corpus/folders), with the Dockerfiles and Compose
// files each configuration references read into its Project as the extension reads them. At 20
// places spread over each devcontainer.json a character is deleted and typed back: per
// keystroke loadProject (from the cache, as the extension keeps it), analyzeProject, completion.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { joinPath } from '../dist/projectFiles.mjs';
import { shared, spread, stats, table, time } from './lib.mjs';
import { keystroke, peerKeystroke } from './typing.mjs';

/** Every devcontainer.json below `dir` (the places the dev containers CLI looks). */
function configs(dir) {
  const found = [];
  const dot = join(dir, '.devcontainer');
  if (existsSync(join(dot, 'devcontainer.json'))) found.push(join(dot, 'devcontainer.json'));
  if (existsSync(dot)) {
    for (const sub of readdirSync(dot)) {
      const path = join(dot, sub, 'devcontainer.json');
      if (existsSync(path)) found.push(path);
    }
  }
  if (existsSync(join(dir, '.devcontainer.json'))) found.push(join(dir, '.devcontainer.json'));
  return found;
}

/** Reads project paths relative to a config folder from disk. */
function diskReader(folder) {
  const at = (path) => joinPath(folder, path);
  return {
    readFile: async (path) => {
      try {
        return statSync(at(path)).isFile() ? readFileSync(at(path), 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    listFolder: async (path) => {
      try {
        return readdirSync(at(path), { withFileTypes: true })
          .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
          .sort();
      } catch {
        return undefined;
      }
    },
  };
}

export async function foldersBench(places = 20) {
  const base = `${shared}/corpus/folders`;
  if (!existsSync(base)) {
    console.log('\n../shared/corpus/folders is absent: no folder benchmark');
    return undefined;
  }
  const ours = [];
  const theirs = [];
  const peerTurns = [];
  let configCount = 0;
  let filesRead = 0;
  for (const name of readdirSync(base).sort()) {
    for (const path of configs(join(base, name))) {
      configCount += 1;
      const folder = join(path, '..');
      const whole = readFileSync(path, 'utf8');
      const cache = new Map();
      const reader = diskReader(folder);
      const offsets = spread([...Array(whole.length).keys()], places);
      let version = 0;
      for (const offset of offsets) {
        // Delete the character there, then type it back: every keystroke is a new version.
        const deleted = whole.slice(0, offset) + whole.slice(offset + 1);
        for (const [text, cursor] of [
          [deleted, offset],
          [whole, offset + 1],
        ]) {
          version += 1;
          const input = { mainPath: path, text, workspaceFolder: join(base, name), configFolder: folder };
          ours.push(await time(() => keystroke(input, reader, cache, cursor)));
          peerTurns.push([text, version, cursor]);
        }
      }
      filesRead += [...cache.values()].filter((f) => f.kind === 'text').length;
    }
  }
  // The peer's keystrokes after ours, so that neither pays for the other's garbage.
  for (const [text, version, cursor] of peerTurns) theirs.push(await time(() => peerKeystroke(text, version, cursor)));
  const o = stats(ours);
  const p = stats(theirs);
  table(`keystrokes in ${configCount} corpus folder configurations (${filesRead} referenced files read)`, [
    ['ours, with the project', o],
    ['peer, devcontainer.json', p],
  ]);
  return { ours: o, peer: p };
}
