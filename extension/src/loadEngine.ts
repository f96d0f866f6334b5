// Loads the WASM core from the extension's own files. `workspace.fs` works in the Node extension
// host and in VS Code for the Web alike, so one code path serves both bundles.

import * as vscode from 'vscode';
import * as glue from '../../dist/core/devcontainer_doctor.js';
import { Engine, type CoreGlue } from './engine';

export async function loadEngine(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<Engine> {
  const wasmUri = vscode.Uri.joinPath(extensionUri, 'dist', 'core', 'devcontainer_doctor_bg.wasm');
  const bytes = await vscode.workspace.fs.readFile(wasmUri);
  let told = false;
  const engine = new Engine(glue as unknown as CoreGlue, bytes, (message) => {
    log.error(message);
    // One notification per session is enough; the log keeps every occurrence.
    if (!told) {
      told = true;
      void vscode.window.showErrorMessage(
        `Devcontainer Doctor hit an internal error and restarted its checker. Please report it with the log ("Devcontainer Doctor" output). ${message}`,
      );
    }
  });
  log.info(`core ${engine.version()} loaded`);
  return engine;
}
