// Starts code-server (a real VS Code) on 127.0.0.1 with throwaway profile folders, and stops it
// by its PID whatever happens.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './wait.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The folders one run uses, all inside `tmp`. */
export function profile(tmp) {
  const dirs = {
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    xdg: join(tmp, 'xdg'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'json.schemaDownload.enable': false,
        'workbench.tips.enabled': false,
        'extensions.ignoreRecommendations': true,
        'editor.hover.delay': 100,
        'editor.acceptSuggestionOnEnter': 'on',
        'git.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        // VS Code for the Web auto-saves by default; the tests save with Ctrl+S themselves.
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  return dirs;
}

function env(dirs, extra) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    ...extra,
  };
}

export function installExtension(codeServer, dirs, vsix) {
  try {
    execFileSync(
      process.execPath,
      [codeServer, '--install-extension', vsix, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData],
      { env: env(dirs), stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, encoding: 'utf8' },
    );
  } catch (error) {
    throw new Error(`installing ${vsix} into code-server failed:\n${error.stderr || error.message}`);
  }
}

export async function startServer(codeServer, dirs, workspace, logFile, extraEnv) {
  const port = await freePort();
  const { openSync } = await import('node:fs');
  const log = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      codeServer,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      workspace,
    ],
    { env: env(dirs, extraEnv), stdio: ['ignore', log, log], detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child.pid);
  try {
    await waitFor('code-server to answer on ' + url, 60_000, async () => {
      if (child.exitCode !== null) {
        const error = new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
        error.fatal = true;
        throw error;
      }
      try {
        const res = await fetch(`${url}/healthz`);
        return res.ok;
      } catch {
        return false;
      }
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { url, pid: child.pid, stop };
}

/** Ends code-server and its helpers: the whole process group, by the PID we started. */
export function stopGroup(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    execFileSync('sleep', ['0.1']);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
