// Typed access to the extension's settings.

import * as vscode from 'vscode';
import type { SeverityOverride } from './engineTypes';

const SECTION = 'devcontainerDoctor';
const LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export function isEnabled(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, scope).get<boolean>('enable', true);
}

/** Only well-formed entries reach the core; a typo in settings must not break checking. */
export function severityOverrides(scope?: vscode.Uri): Record<string, SeverityOverride> {
  const raw = vscode.workspace.getConfiguration(SECTION, scope).get<Record<string, unknown>>('severityOverrides', {});
  const result: Record<string, SeverityOverride> = {};
  for (const [code, level] of Object.entries(raw ?? {})) {
    if (typeof level === 'string' && LEVELS.includes(level)) {
      result[code] = level as SeverityOverride;
    }
  }
  return result;
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

/** Codes VS Code's JSON service reports too; shown by us only when the user asks. */
export const JSON_SERVICE_CODES: readonly string[] = ['duplicate-key', 'trailing-comma'];

export function showJsonSyntaxProblems(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, scope).get<boolean>('showJsonSyntaxProblems', false);
}
