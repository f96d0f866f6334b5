// "Save and Rebuild Container": saves the configuration, then asks the Dev Containers extension to
// rebuild. Outside a container that is "rebuild and reopen"; inside one, "rebuild", but only after
// checking that the edits since the container started need one (see rebuildPrompt.ts).

import * as vscode from 'vscode';
import type { Baselines } from './baseline';
import { isDevcontainerDocument } from './documents';
import type { RebuildAdvice } from './engineTypes';
import { shouldRebuild } from './rebuildPrompt';

export const REBUILD_COMMAND = 'devcontainerDoctor.rebuildContainer';
export const REBUILD_TITLE = 'Save and Rebuild Container';
const DEV_CONTAINERS_ID = 'ms-vscode-remote.remote-containers';
const REBUILD_AND_REOPEN = 'remote-containers.rebuildAndReopenInContainer';
const REBUILD_IN_CONTAINER = 'remote-containers.rebuildContainer';
// GitHub Codespaces' own commands (the GitHub Codespaces extension, github.codespaces): a rebuild
// that keeps the image cache, and a full one that clears it. Neither is in public docs; the ids are
// seen in use: "command 'github.codespaces.rebuildEnvironment' not found" (microsoft/vscode#236169),
// and cs50's codespace update script runs `github.codespaces.fullRebuildEnvironment`.
export const CODESPACES_REBUILD = 'github.codespaces.rebuildEnvironment';
export const CODESPACES_FULL_REBUILD = 'github.codespaces.fullRebuildEnvironment';
const REBUILD_CHOICE = 'Rebuild';
const FULL_REBUILD_CHOICE = 'Full Rebuild';

/** What the in-container check needs; without it the command rebuilds as it always did. */
export interface RebuildCheck {
  baselines: Pick<Baselines, 'get' | 'set'>;
  /** Undefined while the core is not loaded yet. */
  advise(oldText: string, newText: string): RebuildAdvice | undefined;
  /** The Dockerfiles, Compose files and local features the configuration references. */
  referencedFiles?(uri: vscode.Uri): vscode.Uri[];
  /** Those of them changed since the container started (each needs a rebuild). */
  changedBuildFiles?(uri: vscode.Uri): string[];
}

export function registerRebuild(log: vscode.LogOutputChannel, check?: RebuildCheck): vscode.Disposable {
  return vscode.commands.registerCommand(REBUILD_COMMAND, (uri?: vscode.Uri) => rebuild(log, check, uri));
}

async function rebuild(log: vscode.LogOutputChannel, check: RebuildCheck | undefined, uri?: vscode.Uri): Promise<void> {
  try {
    const document = findDocument(uri);
    if (document?.isDirty && !(await document.save())) {
      void vscode.window.showWarningMessage(
        `Devcontainer Doctor: ${document.uri.path} could not be saved, so the container was not rebuilt. Save it and try again.`,
      );
      return;
    }
    // Save and Rebuild covers the configuration's Dockerfiles and Compose files too.
    for (const file of (document && check?.referencedFiles?.(document.uri)) || []) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
      if (open?.isDirty && !(await open.save())) {
        void vscode.window.showWarningMessage(
          `Devcontainer Doctor: ${open.uri.path} could not be saved, so the container was not rebuilt. Save it and try again.`,
        );
        return;
      }
    }
    const inCodespace = vscode.env.remoteName === 'codespaces';
    const inContainer = inCodespace || vscode.env.remoteName === 'dev-container';
    // Inside a container the text it started with is known: skip rebuilds that are not needed.
    const target = inContainer && check && document ? { check, document, text: document.getText() } : undefined;
    if (target && !(await adviseRebuild(log, target))) return;
    // Other editors may register the same IDs, and the extension may be absent: ask first.
    const available = await vscode.commands.getCommands(true);
    let command = inContainer ? REBUILD_IN_CONTAINER : REBUILD_AND_REOPEN;
    if (inCodespace) {
      const picked = await codespacesCommand(available);
      if (picked === null) return;
      command = picked;
    }
    if (!available.includes(command)) {
      await (inCodespace ? explainMissingInCodespace() : explainMissing(document));
      return;
    }
    log.info(`running ${command}`);
    await vscode.commands.executeCommand(command);
    target?.check.baselines.set(target.document.uri, target.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`rebuild failed: ${message}`);
    void vscode.window.showErrorMessage(`Devcontainer Doctor: rebuilding the container failed: ${message}`);
  }
}

/**
 * In a codespace: the rebuild, or the full rebuild as a second choice when both commands exist.
 * Null when the user dismissed the choice.
 */
async function codespacesCommand(available: string[]): Promise<string | null> {
  if (!available.includes(CODESPACES_REBUILD) || !available.includes(CODESPACES_FULL_REBUILD)) {
    return CODESPACES_REBUILD;
  }
  const choice = await vscode.window.showInformationMessage(
    'Devcontainer Doctor: rebuild this codespace? A full rebuild also clears the cached images (slower).',
    REBUILD_CHOICE,
    FULL_REBUILD_CHOICE,
  );
  if (choice === REBUILD_CHOICE) return CODESPACES_REBUILD;
  if (choice === FULL_REBUILD_CHOICE) return CODESPACES_FULL_REBUILD;
  return null;
}

interface RebuildTarget {
  check: RebuildCheck;
  document: vscode.TextDocument;
  /** The saved text. */
  text: string;
}

/** True when the rebuild should go ahead, after telling the user when it is not needed. */
async function adviseRebuild(log: vscode.LogOutputChannel, { check, document, text }: RebuildTarget): Promise<boolean> {
  // A changed Dockerfile or Compose file always needs a rebuild.
  const changedFiles = check.changedBuildFiles?.(document.uri) ?? [];
  if (changedFiles.length > 0) {
    log.info(`rebuild advice: rebuild (changed since the container started: ${changedFiles.join(', ')})`);
    return true;
  }
  const baseline = check.baselines.get(document.uri);
  // Without a baseline both texts are the same: only the syntax check counts then.
  const advice = check.advise(baseline ?? text, text);
  if (!advice) return true;
  const changed = advice.changed.map((c) => `${c.key}:${c.applyBy}`).join(' ') || 'no change';
  const known = baseline === undefined ? ', baseline unknown' : '';
  log.info(`rebuild advice: ${advice.applyBy} (${changed}${known})`);
  return shouldRebuild(advice, baseline !== undefined);
}

function findDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const active = vscode.window.activeTextEditor?.document;
  return active && isDevcontainerDocument(active) ? active : undefined;
}

/** The devcontainer CLI command that does the same, for users without the extension. */
export function cliEquivalent(document: vscode.TextDocument | undefined): string {
  const folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0];
  const folderPath = folder?.uri.fsPath ?? '.';
  let command = `devcontainer up --workspace-folder ${quote(folderPath)}`;
  if (document && folder && /\/\.devcontainer\/[^/]+\/devcontainer\.json$/.test(document.uri.path)) {
    command += ` --config ${quote(document.uri.fsPath)}`;
  }
  return `${command} --remove-existing-container`;
}

function quote(path: string): string {
  return /^[\w./:@-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** In a codespace the rebuild belongs to the GitHub Codespaces extension; the gh CLI does it too. */
async function explainMissingInCodespace(): Promise<void> {
  void vscode.window.showWarningMessage(
    `Devcontainer Doctor: the GitHub Codespaces command ${CODESPACES_REBUILD} is not available in this editor, so the codespace cannot be rebuilt from here. Run "Codespaces: Rebuild Container" from the Command Palette, or in a terminal: gh codespace rebuild`,
  );
}

async function explainMissing(document: vscode.TextDocument | undefined): Promise<void> {
  const cli = cliEquivalent(document);
  const show = 'Show Dev Containers Extension';
  const copy = 'Copy CLI Command';
  const choice = await vscode.window.showWarningMessage(
    `Devcontainer Doctor: the Dev Containers extension (${DEV_CONTAINERS_ID}) is not available in this editor, so the container cannot be rebuilt from here. Install it, or run: ${cli}`,
    show,
    copy,
  );
  if (choice === show) {
    await vscode.commands.executeCommand('workbench.extensions.search', DEV_CONTAINERS_ID);
  } else if (choice === copy) {
    await vscode.env.clipboard.writeText(cli);
  }
}
