// Which documents are dev container configurations.

import * as vscode from 'vscode';

/** `.devcontainer/devcontainer.json`, `.devcontainer.json`, `.devcontainer/<name>/devcontainer.json`. */
const PATTERN = '**/{.devcontainer/devcontainer.json,.devcontainer.json,.devcontainer/*/devcontainer.json}';

export const DEVCONTAINER_SELECTOR: vscode.DocumentSelector = [{ pattern: PATTERN }];

const PATH_RE =
  /(^|\/)(\.devcontainer\/devcontainer\.json|\.devcontainer\.json|\.devcontainer\/[^/]+\/devcontainer\.json)$/;

export function isDevcontainerDocument(document: vscode.TextDocument): boolean {
  return PATH_RE.test(document.uri.path);
}
