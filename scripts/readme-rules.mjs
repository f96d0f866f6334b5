// Writes dist/README.md, the marketplace README: extension/README.md with the rule table filled
// in from the built core (dist/core), so the page always lists exactly the codes the extension
// reports.
import { readFileSync, writeFileSync } from 'node:fs';
import * as glue from '../dist/core/devcontainer_doctor.js';

const SOURCE = new URL('../extension/README.md', import.meta.url);
const TARGET = new URL('../dist/README.md', import.meta.url);
const MARKER = '<!-- rules -->';

glue.initSync({ module: readFileSync(new URL('../dist/core/devcontainer_doctor_bg.wasm', import.meta.url)) });

const rows = glue
  .rules()
  .map((r) => `| [\`${r.code}\`](${r.docsUrl}) | ${r.severity} | ${r.summary.replace(/\|/g, '\\|')} |`);
const table = ['| Code | Default severity | What it reports |', '| --- | --- | --- |', ...rows].join('\n');

const text = readFileSync(SOURCE, 'utf8');
if (!text.includes(MARKER)) throw new Error(`extension/README.md lacks the ${MARKER} marker`);
writeFileSync(TARGET, text.replace(MARKER, table));
