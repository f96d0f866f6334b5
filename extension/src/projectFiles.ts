// The files a devcontainer.json references, read for the core: it says which paths it wants
// (relative to the devcontainer.json folder), the host reads them and asks again until nothing
// new is wanted (a Compose file can name a Dockerfile). No vscode import here, so Node tests
// run this same loop with a fake reader.

import type { ProjectFile, ProjectInput, Wanted } from './engineTypes';

/** Reads files and lists folders by their project path; `undefined` when there is none. */
export interface ProjectReader {
  readFile(path: string): Promise<string | undefined>;
  /** The names in a folder, sub-folders ending with `/`. */
  listFolder(path: string): Promise<string[] | undefined>;
}

/** What `loadProject` needs of the engine. */
export interface WantedSource {
  projectWanted(input: ProjectInput): Wanted[];
}

const MAX_ROUNDS = 8;

/**
 * Reads under way, per cache: diagnostics, completion and hover of one configuration share a
 * cache and may ask for the same path at once; the second waits for the first read.
 */
const pending = new WeakMap<Map<string, ProjectFile>, Map<string, Promise<ProjectFile>>>();

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
  for (const file of input.files ?? []) files.set(file.path, file);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const wanted = engine.projectWanted({ ...input, files: [...files.values()] });
    const fresh = wanted.filter((w) => !files.has(w.path));
    if (fresh.length === 0) break;
    for (const want of fresh) {
      files.set(want.path, cache.get(cacheKey(want)) ?? (await readOnce(reader, want, cache)));
    }
  }
  return { ...input, files: [...files.values()] };
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
