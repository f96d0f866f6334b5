// The .vsix ships only what the extension needs (.vscodeignore), and the manifest is complete.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { root } from './core.mjs';

const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

test('vsce ships the bundles, the wasm, the icon, the manifest and the license only', () => {
  const files = execFileSync(`${root}/node_modules/.bin/vsce`, ['ls'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && f !== 'README.md') // replaced by dist/README.md (--readme-path)
    .sort();
  assert.deepEqual(files, [
    'LICENSE',
    'dist/browser.js',
    'dist/core/devcontainer_doctor_bg.wasm',
    'dist/main.js',
    'media/icon.png',
    'package.json',
  ]);
});

test('the .vsix was built for this version', () => {
  assert.ok(existsSync(`${root}/dist/devcontainer-doctor-${manifest.version}.vsix`));
});

test('the manifest declares what the marketplace and VS Code need', () => {
  assert.equal(manifest.main, './dist/main.js');
  assert.equal(manifest.browser, './dist/browser.js');
  assert.match(manifest.engines.vscode, /^\^1\.100\./); // code-server 4.100 runs VS Code 1.100
  assert.equal(manifest.repository.url, 'https://github.com/devcontainer-doctor/devcontainer-doctor');
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  // Existing configs activate the extension when the folder opens; a config opened or created
  // later activates it through its language (the extension then checks the path).
  const events = manifest.activationEvents;
  assert.ok(
    events.every(
      (e) => (e.startsWith('workspaceContains:') && e.includes('devcontainer')) || e.startsWith('onLanguage:json'),
    ),
  );
  assert.ok(events.includes('onLanguage:jsonc') && events.some((e) => e.startsWith('workspaceContains:')));
  const settings = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(settings).sort(), [
    'devcontainerDoctor.enable',
    'devcontainerDoctor.severityOverrides',
    'devcontainerDoctor.showJsonSyntaxProblems',
  ]);
  assert.deepEqual(settings['devcontainerDoctor.severityOverrides'].additionalProperties.enum, [
    'error',
    'warning',
    'info',
    'hint',
    'off',
  ]);
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'devcontainerDoctor.rebuildContainer'));
});

test('the manifest has what Open VSX requires, offline', () => {
  // `ovsx publish` refuses a package without `publisher` and `name`, and without a LICENSE file
  // or `license` field (eclipse/openvsx cli/src/check-license.ts); `ovsx verify` needs the
  // registry, so it cannot run here.
  assert.ok(manifest.publisher && manifest.name);
  assert.equal(manifest.license, 'MIT');
  assert.ok(existsSync(`${root}/LICENSE`));
  assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
  assert.ok(manifest.engines.vscode);
});
