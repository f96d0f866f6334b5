// The project API through the built WASM core: what a configuration wants read, the loop the
// extension runs to read it (each file once), and diagnostics per file. Run `npm run build` first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProject, joinPath } from '../../dist/projectFiles.mjs';
import { engine, glue, panics } from './core.mjs';

const MAIN = '{ "dockerComposeFile": ["../compose.yaml"], "service": "app", "workspaceFolder": "/w" }';

/** A folder tree as `path -> text` (folders implied), read relative to `.devcontainer`. */
function reader(tree) {
  const reads = [];
  const at = (path) => joinPath('/ws/.devcontainer', path);
  return {
    reads,
    readFile: async (path) => {
      reads.push(path);
      return tree[at(path)];
    },
    listFolder: async (path) => {
      const prefix = `${at(path)}/`;
      const names = new Set();
      for (const key of Object.keys(tree)) {
        if (!key.startsWith(prefix)) continue;
        const [name, ...rest] = key.slice(prefix.length).split('/');
        names.add(rest.length ? `${name}/` : name);
      }
      return names.size ? [...names].sort() : undefined;
    },
  };
}

test('projectWanted names the Compose file, then what its service builds', () => {
  const input = { mainPath: '/ws/.devcontainer/devcontainer.json', text: MAIN };
  // The folder of devcontainer.json is listed too, for file-name completion.
  assert.deepEqual(engine.projectWanted(input), [
    { path: '.', kind: 'folder' },
    { path: '../compose.yaml', kind: 'file' },
  ]);
  const withCompose = {
    ...input,
    files: [
      {
        path: '../compose.yaml',
        kind: 'text',
        text: 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfle\n',
      },
    ],
  };
  assert.deepEqual(engine.projectWanted(withCompose), [
    { path: '.', kind: 'folder' },
    { path: '..', kind: 'folder' },
    { path: '../docker/Dockerfle', kind: 'file' },
  ]);
  assert.deepEqual(engine.projectWanted({ ...input, isolated: true }), []);
  assert.deepEqual(panics, []);
});

test('loadProject reads until nothing is wanted, each file once, and diagnostics land per file', async () => {
  const tree = {
    '/ws/compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfle\n',
    '/ws/docker/Dockerfile': 'FROM golang:1.22\n',
  };
  const files = reader(tree);
  const cache = new Map();
  const input = await loadProject(
    engine,
    { mainPath: '/ws/.devcontainer/devcontainer.json', text: MAIN },
    files,
    cache,
  );
  assert.deepEqual(files.reads.sort(), ['../compose.yaml', '../docker/Dockerfle']);
  assert.deepEqual(engine.projectWanted(input), []);

  const result = engine.analyzeProject(input);
  assert.deepEqual(
    result.files.map((f) => [f.path, f.main]),
    [
      ['/ws/.devcontainer/devcontainer.json', true],
      ['../compose.yaml', false],
    ],
  );
  const [missing] = result.files[1].diagnostics;
  assert.equal(missing.code, 'file-dockerfile-missing');
  assert.match(missing.message, /did you mean `docker\/Dockerfile`\?/);
  assert.deepEqual(missing.range.start, { line: 4, character: 18 });

  // Typing in devcontainer.json reads nothing again; a changed file is read once more.
  await loadProject(engine, { mainPath: 'x', text: MAIN + ' ' }, files, cache);
  assert.equal(files.reads.length, 2);
  cache.delete('file:../compose.yaml');
  await loadProject(engine, { mainPath: 'x', text: MAIN }, files, cache);
  assert.equal(files.reads.filter((p) => p === '../compose.yaml').length, 2);
});

test('loadProject starts from the last load: the same file objects while typing, none no longer referenced', async () => {
  const tree = {
    '/ws/compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile\n',
    '/ws/Dockerfile': 'FROM golang:1.22\n',
  };
  const files = reader(tree);
  const cache = new Map();
  const mainPath = '/ws/.devcontainer/devcontainer.json';
  let asked = 0;
  const counting = { projectNeeded: (input) => (asked++, engine.projectNeeded(input)) };
  const first = await loadProject(counting, { mainPath, text: MAIN }, files, cache);
  assert.ok(asked >= 3, `the first load asks round by round (${asked})`);
  asked = 0;
  const typed = await loadProject(counting, { mainPath, text: `${MAIN} ` }, files, cache);
  assert.equal(asked, 1, 'a keystroke asks once: it starts with every file it needs');
  assert.equal(typed.files.length, first.files.length);
  assert.ok(
    typed.files.every((f, i) => f === first.files[i]),
    'the same objects in the same order (the core keeps its project)',
  );
  const paths = first.files.map((f) => f.path);
  assert.ok(paths.includes('../compose.yaml') && paths.includes('../Dockerfile'), paths.join());

  // No longer a Compose configuration: its files go, and nothing is read.
  const reads = files.reads.length;
  const image = await loadProject(engine, { mainPath, text: '{ "image": "golang:1.22" }' }, files, cache);
  assert.deepEqual(image.files, []);
  // Back again: from the cache, the same set as a load from nothing.
  const back = await loadProject(engine, { mainPath, text: MAIN }, files, cache);
  assert.equal(files.reads.length, reads);
  const fresh = await loadProject(engine, { mainPath, text: MAIN }, reader(tree), new Map());
  assert.deepEqual(back.files.map((f) => f.path).sort(), fresh.files.map((f) => f.path).sort());
  assert.deepEqual(engine.analyzeProject(back).files.length, engine.analyzeProject(fresh).files.length);
  assert.deepEqual(panics, []);
});

test('severity overrides and the isolated note go through analyzeProject', () => {
  const text = '{ "build": { "dockerfile": "Dockerfile" } }';
  const isolated = engine.analyzeProject({ mainPath: '-', text, isolated: true });
  assert.deepEqual(
    isolated.files[0].diagnostics.map((d) => [d.code, d.severity]),
    [['file-references-unchecked', 'info']],
  );
  const off = engine.analyzeProject(
    { mainPath: '-', text, isolated: true },
    { severityOverrides: { 'file-references-unchecked': 'off' } },
  );
  assert.deepEqual(off.files[0].diagnostics, []);
  const missing = engine.analyzeProject({ mainPath: 'd', text, files: [{ path: 'Dockerfile', kind: 'missing' }] });
  assert.equal(missing.files[0].diagnostics[0].code, 'file-dockerfile-missing');
});

test('completeProject and hoverProject see the files loadProject read', async () => {
  const tree = {
    '/ws/compose.yaml': 'services:\n  api:\n    image: golang:1.22\n  db:\n    image: postgres:16\n',
    '/ws/.devcontainer/Dockerfile': 'FROM golang:1.22 AS base\nFROM base AS dev\n',
    '/ws/.devcontainer/compose.dev.yml': 'services:\n  cache:\n    image: redis:7\n',
  };
  const mainPath = '/ws/.devcontainer/devcontainer.json';
  const load = (text) => loadProject(engine, { mainPath, text }, reader(tree), new Map());
  const labels = (input, offset) => engine.completeProject(input, offset).map((i) => i.label);

  const compose = '{ "dockerComposeFile": ["../compose.yaml", ""], "service": "" }';
  const input = await load(compose);
  assert.deepEqual(labels(input, compose.indexOf('""') + 1), ['compose.dev.yml']);
  const service = compose.lastIndexOf('""') + 1;
  assert.deepEqual(labels(input, service).sort(), ['api', 'db']);
  // Without the files, the same offset offers no service.
  assert.deepEqual(
    engine.complete(compose, service).filter((i) => i.label === 'api'),
    [],
  );

  const built = '{ "build": { "dockerfile": "Dockerfile", "target": "dev" } }';
  const withDockerfile = await load(built);
  assert.deepEqual(labels(withDockerfile, built.indexOf('"dev"') + 1), ['base', 'dev']);
  const stage = engine.hoverProject(withDockerfile, built.indexOf('"dev"') + 2);
  assert.match(stage.contents, /FROM base AS dev/);

  const hovered = engine.hoverProject(
    { ...input, text: compose.replace('"service": ""', '"service": "db"') },
    compose.indexOf('"service": ""') + 13,
  );
  assert.match(hovered.contents, /image: `postgres:16`/);
  assert.deepEqual(panics, []);
});

test('joinPath resolves project paths like the core', () => {
  assert.equal(joinPath('/ws/.devcontainer', '../a/./b'), '/ws/a/b');
  assert.equal(joinPath('/ws/.devcontainer', '.'), '/ws/.devcontainer');
});

test('a malformed project input is an error that names the field, never a crash', () => {
  const text = '{ "build": { "dockerfile": "Dockerfile" } }';
  const cases = [
    [
      { text, files: [{ path: 'Dockerfile', kind: 'bogus' }] },
      /files\[0\]: Dockerfile: kind is not text, missing or folder/,
    ],
    [{ text: 42 }, /text is not a string/],
    [{ text, localEnv: { HOME: 1 } }, /localEnv\.HOME is not a string/],
    [{ text, files: [{ path: '.', kind: 'folder', entries: ['a', 2] }] }, /entries holds a value that is not a string/],
    [{ text, files: 'Dockerfile' }, /files is not an array/],
    [{ text, isolated: 'yes' }, /isolated is not a boolean/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => glue.analyzeProject(input, undefined), message);
    panics.length = 0;
    assert.deepEqual(engine.analyzeProject(input), { files: [] });
    assert.equal(panics.length, 1, JSON.stringify(input));
    assert.match(panics[0], /invalid (project )?input/);
    panics.length = 0;
  }
  assert.throws(() => glue.analyzeProject('{}', undefined), /invalid project input: expected an object/);
  // A text that is no string is refused before it reaches the core (which read it out of bounds).
  assert.deepEqual(engine.analyze(42), { diagnostics: [] });
  assert.match(panics[0], /the text is a number, not a string/);
  panics.length = 0;
  assert.equal(engine.panicCount, 0, 'no crash, no new instance');
  // `null` reads as absent, as the serde reader took it for the optional fields.
  const nulls = { mainPath: null, text, workspaceFolder: null, configFolder: null, localEnv: null, files: null };
  assert.deepEqual(engine.projectWanted(nulls), [
    { path: '.', kind: 'folder' },
    { path: 'Dockerfile', kind: 'file' },
  ]);
  assert.deepEqual(panics, []);
});
