// The web build where it runs: a copy of the .vsix without `main` (ExtensionKind `web`) makes
// code-server run the extension in the browser's web worker extension host, so dist/browser.js
// and the WASM core load as in VS Code for the Web. Checks diagnostics, completion (a Compose
// service too), hover and a quick fix there, and that the host is the web worker. Screenshots go
// to test-output/e2e/web-*.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { completeComposeService } from './compose-completion.mjs';
import { installExtension, profile, startServer } from './server.mjs';
import { waitFor } from './wait.mjs';
import { Workbench } from './workbench.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'test-output', 'e2e');
const CODE_SERVER = join(ROOT, '.cache/code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CONFIG = '.devcontainer/devcontainer.json';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const VSIX = join(ROOT, 'dist', `devcontainer-doctor-${manifest.version}.vsix`);

/** Rewrites a .vsix (a zip) without `main` and with ExtensionKind `web`, using Python's zipfile. */
function webCopy(vsix, out) {
  const script = `
import json, re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == 'extension/package.json':
            pkg = json.loads(data)
            pkg.pop('main', None)
            data = json.dumps(pkg, indent=2).encode()
        elif item.filename == 'extension.vsixmanifest':
            data = re.sub(rb'(Id="Microsoft.VisualStudio.Code.ExtensionKind" Value=")[^"]*', rb'\\1web', data)
        zout.writestr(item, data)
`;
  execFileSync('python3', ['-c', script, vsix, out]);
}

mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'dcd-e2e-web-'));
const workspace = join(tmp, 'workspace');
cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
const dirs = profile(tmp);
const results = [];
let server;
let context;
try {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing (npm run build)`);
  const web = join(tmp, 'devcontainer-doctor-web.vsix');
  webCopy(VSIX, web);
  installExtension(CODE_SERVER, dirs, web);
  server = await startServer(CODE_SERVER, dirs, workspace, join(OUT, 'code-server-web.log'));
  context = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const wb = new Workbench(page);
  async function step(name, run) {
    try {
      await run();
      await page.screenshot({ path: join(OUT, `web-${name}.png`) });
      console.log(`ok   web-${name}`);
      results.push(true);
    } catch (error) {
      await page.screenshot({ path: join(OUT, `web-${name}-FAILED.png`) }).catch(() => {});
      console.log(`FAIL web-${name}: ${error.stack ?? error}`);
      results.push(false);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await wb.ready();

  await step('problems', async () => {
    await wb.openFile(CONFIG, 'devcontainer.json');
    await page.keyboard.press('Control+Shift+M');
    await waitFor('our rows in the Problems panel', 60_000, async () =>
      (await wb.texts('.markers-panel .monaco-list-row')).some((r) => r.includes('Devcontainer Doctor')),
    );
  });

  await step('host-is-web-worker', async () => {
    await wb.command('Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Devcontainer Doctor' });
    await waitFor('Devcontainer Doctor in Running Extensions', 20_000, () => row.first().isVisible());
    const text = (await row.first().textContent()) ?? '';
    const title = (
      await row
        .first()
        .locator('[title]')
        .evaluateAll((els) => els.map((e) => e.title))
    ).join(' ');
    assert.match(`${text} ${title}`, /web worker/i, `the running extension row: ${text} ${title}`);
    await page.screenshot({ path: join(OUT, 'web-running-extensions.png') });
    await page.keyboard.press('Control+W');
  });

  await step('hover', async () => {
    await wb.focusEditor();
    const key = page.locator('.view-lines span', { hasText: /^"?remoteUser"?$/ }).first();
    await waitFor('"remoteUser" in the editor', 10_000, () => key.isVisible());
    await key.hover();
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
    await waitFor(
      'the hover',
      15_000,
      async () => (await hover.isVisible()) && /user/i.test(await hover.textContent()),
    );
  });

  await step('completion', async () => {
    const text = readFileSync(join(workspace, CONFIG), 'utf8');
    const line = text.slice(0, text.indexOf('"name": "Go')).split('\n').length;
    await wb.focusEditor();
    await wb.goTo(line, 200);
    const untouched = await wb.editorText();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"forw');
    await wb.suggest('forwardPorts');
    await page.keyboard.press('Escape');
    // The next step finds its position in the file on disk, so the editor must be back to it;
    // the new line and the typed text can be separate undo stops.
    await wb.undoUntil('the typed text undone', async () => (await wb.editorText()) === untouched);
  });

  await step('quick-fix', async () => {
    const text = readFileSync(join(workspace, CONFIG), 'utf8');
    const at = text.indexOf("'vscode'");
    const before = text.slice(0, at);
    await wb.focusEditor();
    await wb.goTo(before.split('\n').length, at - before.lastIndexOf('\n') + 1);
    await wb.pickAction('Replace with');
    await wb.waitForEditorText('the fix in the editor', /"remoteUser": "vscode"/);
  });

  await step('completion-compose-service', () =>
    completeComposeService({
      context,
      serverUrl: server.url,
      tmp,
      shot: join(OUT, 'web-completion-compose-service-open.png'),
    }),
  );
} catch (error) {
  console.log(`FAIL web setup: ${error.stack ?? error}`);
  results.push(false);
} finally {
  await context?.close().catch(() => {});
  server?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
const failed = results.filter((r) => !r).length;
console.log(`e2e web: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
