// Speed of the WASM core next to the peer it replaces, in one Node process on the same texts:
// vscode-json-languageservice, which VS Code runs on devcontainer.json today, with the official
// dev container schema (from ../shared/spec; without it the peer checks syntax only). Each
// figure is printed beside its target from issue 11; nothing is asserted (a benchmark, not a test).
// Run after `npm run build`: `npm run bench` (`-- --quick` for a smaller sample).
import { analyzeBench } from './analyze.mjs';
import { completeBench } from './complete.mjs';
import { foldersBench } from './folders.mjs';
import { corpus, spread } from './lib.mjs';
import { typingBench } from './typing.mjs';
import { printSizeAndStartup } from './size.mjs';

const quick = process.argv.includes('--quick');
const files = corpus();
const bytes = files.reduce((n, f) => n + f.text.length, 0);
console.log(
  `${files.length} corpus files, ${Math.round(bytes / files.length)} UTF-16 units on average; Node ${process.version}`,
);

await analyzeBench(files, quick ? 3 : 15);
await completeBench(spread(files, quick ? 3 : 12));
await typingBench(spread(files, quick ? 5 : 50));
await foldersBench(quick ? 5 : 20);

// Size and start-up (bench/size.mjs).
printSizeAndStartup();
