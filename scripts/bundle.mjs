// Bundles the extension with esbuild: dist/main.js for the Node extension host, dist/browser.js
// for VS Code for the Web (a web worker), and dist/engine.mjs, the vscode-free engine wrapper the
// Node tests load. The WASM glue from dist/core/ is bundled in; the .wasm ships beside it.
import { build } from 'esbuild';

const common = {
  bundle: true,
  sourcemap: false,
  minify: true,
  target: 'es2022',
  external: ['vscode'],
  // The glue's default (async) init reads import.meta.url; the extension uses initSync only.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'info',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['extension/src/extension.ts'],
    outfile: 'dist/main.js',
    platform: 'node',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['extension/src/extension.ts'],
    outfile: 'dist/browser.js',
    platform: 'browser',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
  }),
  build({
    ...common,
    minify: false,
    entryPoints: ['extension/src/engine.ts'],
    outfile: 'dist/engine.mjs',
    platform: 'neutral',
    format: 'esm',
  }),
  build({
    ...common,
    minify: false,
    entryPoints: ['extension/src/projectFiles.ts'],
    outfile: 'dist/projectFiles.mjs',
    platform: 'neutral',
    format: 'esm',
  }),
]);
