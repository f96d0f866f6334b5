// Issue 8 item 7 in a real workbench: `service` offers the services of the Compose file beside
// devcontainer.json (read by the extension through workspace.fs), and accepting one writes it.
// Shared by run.mjs (desktop extension host) and web.mjs (web worker extension host).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './wait.mjs';
import { Workbench } from './workbench.mjs';

const CONFIG = '.devcontainer/devcontainer.json';

/** Opens a new window on a Compose folder in `tmp`, completes `service`, saves; `shot` names the screenshot. */
export async function completeComposeService({ context, serverUrl, tmp, shot }) {
  const folder = join(tmp, 'compose-complete');
  const config = join(folder, CONFIG);
  mkdirSync(join(folder, '.devcontainer'), { recursive: true });
  writeFileSync(
    config,
    '{\n  "name": "compose",\n  "dockerComposeFile": "compose.yaml",\n  "service": "",\n  "workspaceFolder": "/workspace"\n}\n',
  );
  writeFileSync(
    join(folder, '.devcontainer/compose.yaml'),
    'services:\n  app:\n    image: golang:1.24-bookworm\n  postgres-db:\n    image: postgres:16\n',
  );
  const page = await context.newPage();
  const wb = new Workbench(page);
  try {
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`);
    await wb.ready();
    await wb.openFile(CONFIG, 'devcontainer.json');
    // Inside the empty string of "service" (line 4).
    await wb.goTo(4, '  "service": "'.length + 1);
    await wb.suggest('postgres-db');
    const rows = await wb.texts('.suggest-widget .monaco-list-row');
    assert.ok(
      rows.some((r) => r.includes('app') && !r.includes('postgres')),
      `both services offered: ${JSON.stringify(rows)}`,
    );
    await page.screenshot({ path: shot });
    await page.keyboard.type('postg');
    const focused = page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'postgres-db' });
    await waitFor('postgres-db selected', 10_000, () => focused.first().isVisible());
    await page.keyboard.press('Enter');
    await wb.waitForEditorText('the service in the editor', /"service": "postgres-db"/);
    await page.keyboard.press('Control+S');
    await waitFor('the service in the saved file', 10_000, () =>
      /"service": "postgres-db",/.test(readFileSync(config, 'utf8')),
    );
  } finally {
    await page.close();
  }
}
