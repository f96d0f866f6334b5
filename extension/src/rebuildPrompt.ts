// Inside a dev container, "Save and Rebuild" first asks the core what the edits since the
// container started take to apply. A rebuild that is not needed, or that would fail on broken
// JSON, runs only when the user insists.

import * as vscode from 'vscode';
import type { ChangedProperty, RebuildAdvice } from './engineTypes';

export const REBUILD_ANYWAY = 'Rebuild Anyway';
export const RELOAD_WINDOW = 'Reload Window';
const RELOAD_COMMAND = 'workbench.action.reloadWindow';
const MAX_KEYS = 4;

/**
 * True when the rebuild should go ahead. `baselineKnown` is false when the text the container
 * started with is unknown: then only broken JSON stops the rebuild.
 */
export async function shouldRebuild(advice: RebuildAdvice, baselineKnown: boolean): Promise<boolean> {
  const keys = describeKeys(advice.changed);
  if (advice.hasSyntaxErrors) {
    const changed = baselineKnown && keys ? ` Changed: ${keys}.` : '';
    const choice = await vscode.window.showWarningMessage(
      `Devcontainer Doctor: devcontainer.json has syntax errors, so the rebuild would fail. Fix them first (see Problems).${changed}`,
      REBUILD_ANYWAY,
    );
    return choice === REBUILD_ANYWAY;
  }
  if (!baselineKnown || advice.applyBy === 'rebuild') return true;
  if (advice.applyBy === 'restart') {
    return insist(
      `Devcontainer Doctor: ${keys} changed; restarting the container applies this, no rebuild needed. Dev Containers has no restart command: close the window, stop the container, then reopen it.`,
    );
  }
  if (advice.changed.length === 0) {
    return insist(
      'Devcontainer Doctor: devcontainer.json has not changed since this container started; no rebuild needed.',
    );
  }
  const choice = await vscode.window.showInformationMessage(
    `Devcontainer Doctor: only ${keys} changed since this container started; reloading the window is enough, no rebuild needed.`,
    RELOAD_WINDOW,
    REBUILD_ANYWAY,
  );
  if (choice === RELOAD_WINDOW) await vscode.commands.executeCommand(RELOAD_COMMAND);
  return choice === REBUILD_ANYWAY;
}

async function insist(message: string): Promise<boolean> {
  return (await vscode.window.showInformationMessage(message, REBUILD_ANYWAY)) === REBUILD_ANYWAY;
}

/** `"a", "b" and 3 more`: short enough for a notification. */
export function describeKeys(changed: ChangedProperty[]): string {
  const names = changed.slice(0, MAX_KEYS).map((c) => `"${c.key}"`);
  const rest = changed.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}
