// The files a devcontainer.json references, read for the core: it says which paths it needs
// (relative to the devcontainer.json folder), the host reads those it lacks and asks again
// until nothing is lacking (a Compose file can name a Dockerfile). Each load starts from the
// files the last one ended with and keeps only what is still needed, so that typing hands the
// core the same files every time and it keeps its project (engine.ts). No vscode import here,
// so Node tests run this same loop with a fake reader.

import type { ProjectFile, ProjectInput, Wanted } from './engineTypes';

/** Reads files and lists folders by their project path; `undefined` when there is none. */
export interface ProjectReader {
  readFile(path: string): Promise<string | undefined>;
  /** The names in a folder, sub-folders ending with `/`. */
  listFolder(path: string): Promise<string[] | undefined>;
}

/** What `loadProject` needs of the engine. */
export interface WantedSource {
  /** Every path the configuration needs read, supplied or not. */
  projectNeeded(input: ProjectInput): Wanted[];
}

const MAX_ROUNDS = 8;

/**
 * Reads under way, per cache: diagnostics, completion and hover of one configuration share a
 * cache and may ask for the same path at once; the second waits for the first read.
 */
const pending = new WeakMap<Map<string, ProjectFile>, Map<string, Promise<ProjectFile>>>();

/** What the last load of each cache needed: the next one starts from it. */
const lastNeeded = new WeakMap<Map<string, ProjectFile>, Wanted[]>();

/**
 * Completes `input.files` with what the configuration references. `cache` holds what was read
 * before (by `kind:path`): a path in it is not read again, so each file is read at most once
 * until the caller drops it from the cache (when it changes on disk).
 */
export async function loadProject(
  engine: WantedSource,
  input: ProjectInput,
  reader: ProjectReader,
  cache: Map<string, ProjectFile>,
): Promise<ProjectInput> {
  const files = new Map<string, ProjectFile>();
  // What was read for the last load and is still in the cache (a file changed on disk is not).
  for (const want of lastNeeded.get(cache) ?? []) {
    const read = cache.get(cacheKey(want));
    if (read) files.set(want.path, read);
  }
  const given = new Set<string>();
  for (const file of input.files ?? []) {
    files.set(file.path, file);
    given.add(file.path);
  }
  let needed: Wanted[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    needed = engine.projectNeeded({ ...input, files: [...files.values()] });
    const fresh = needed.filter((w) => !files.has(w.path));
    if (fresh.length === 0) break;
    for (const want of fresh) {
      files.set(want.path, cache.get(cacheKey(want)) ?? (await readOnce(reader, want, cache)));
    }
  }
  lastNeeded.set(cache, needed);
  // What the configuration no longer references goes (a renamed Compose file, say). Sorted by
  // path, so that the next load, which starts from `needed`, hands in the same order.
  const paths = new Set(needed.map((w) => w.path));
  const kept = [...files.values()].filter((f) => paths.has(f.path) || given.has(f.path));
  kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...input, files: kept };
}

export function cacheKey(want: Wanted): string {
  return `${want.kind}:${want.path}`;
}

/** Drops what was read at `key` (it changed on disk), and any read of it under way. */
export function forgetRead(cache: Map<string, ProjectFile>, key: string): void {
  cache.delete(key);
  pending.get(cache)?.delete(key);
}

function readOnce(reader: ProjectReader, want: Wanted, cache: Map<string, ProjectFile>): Promise<ProjectFile> {
  const key = cacheKey(want);
  const reads = pending.get(cache) ?? new Map<string, Promise<ProjectFile>>();
  pending.set(cache, reads);
  const under = reads.get(key);
  if (under) return under;
  const reading = read(reader, want).then((file) => {
    // Forgotten meanwhile (changed on disk): this text may be old, so it is not kept.
    if (reads.get(key) === reading) {
      cache.set(key, file);
      reads.delete(key);
    }
    return file;
  });
  reads.set(key, reading);
  return reading;
}

async function read(reader: ProjectReader, want: Wanted): Promise<ProjectFile> {
  if (want.kind === 'file') {
    const text = await reader.readFile(want.path).catch(() => undefined);
    return text === undefined ? { path: want.path, kind: 'missing' } : { path: want.path, kind: 'text', text };
  }
  const entries = await reader.listFolder(want.path).catch(() => undefined);
  return entries === undefined ? { path: want.path, kind: 'missing' } : { path: want.path, kind: 'folder', entries };
}

/** Project paths are POSIX and may start with `../`; joined onto a folder path, normalized. */
export function joinPath(folder: string, path: string): string {
  const parts: string[] = [];
  for (const segment of `${folder}/${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!folder.startsWith('/')) parts.push('..');
      continue;
    }
    parts.push(segment);
  }
  return (folder.startsWith('/') ? '/' : '') + parts.join('/');
}
