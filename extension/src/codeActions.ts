// Quick fixes and "fix all", as the core computes them, plus "Save and Rebuild Container" in every
// devcontainer.json quick-fix list.

import * as vscode from 'vscode';
import * as config from './config';
import { toTextEdit } from './convert';
import type { DiagnosticsController } from './diagnostics';
import { SOURCE } from './diagnostics';
import type { Engine } from './engine';
import type * as core from './engineTypes';
import { REBUILD_COMMAND, REBUILD_TITLE } from './rebuild';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('devcontainerDoctor');

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly engine: Engine,
    private readonly diagnostics: DiagnosticsController,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!config.isEnabled(document.uri)) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const actions: vscode.CodeAction[] = [];
    // VS Code asks on every cursor move (Automatic): then only our diagnostics under the cursor
    // have fixes to show, and the light bulb never lists source actions such as "fix all".
    const asked = context.triggerKind !== vscode.CodeActionTriggerKind.Automatic;
    const quickFixes =
      wants(vscode.CodeActionKind.QuickFix) && (asked || context.diagnostics.some((d) => d.source === SOURCE));
    const fixAll = context.only ? context.only.contains(FIX_ALL_KIND) : asked;
    // Fixes are not sent with diagnostics: the core makes them here, from the check it kept
    // for this text (checked again with its fixes the first time), with the files that check
    // read (a fix may edit one of them).
    const fromEngine =
      quickFixes || fixAll
        ? this.engine.codeActionsProject(
            this.diagnostics.checkedInput(document),
            document.offsetAt(range.start),
            document.offsetAt(range.end),
            this.diagnostics.options(document),
          )
        : [];

    if (wants(vscode.CodeActionKind.QuickFix)) {
      const seen = new Set<string>();
      for (const action of fromEngine) {
        const key = JSON.stringify([action.title, action.edits]);
        if (action.kind !== 'quickfix' || seen.has(key)) continue;
        seen.add(key);
        const related = context.diagnostics.filter(
          (d) =>
            d.source === SOURCE &&
            action.diagnosticCodes.includes(typeof d.code === 'object' ? String(d.code.value) : String(d.code)),
        );
        actions.push(this.quickFix(document, action.title, action.isPreferred, action.edits, related));
      }
      const rebuild = new vscode.CodeAction(REBUILD_TITLE, vscode.CodeActionKind.QuickFix);
      rebuild.command = { command: REBUILD_COMMAND, title: REBUILD_TITLE, arguments: [document.uri] };
      actions.push(rebuild);
    }

    if (fixAll) {
      const action = this.fixAll(document, fromEngine);
      if (action) actions.push(action);
    }
    return actions;
  }

  private quickFix(
    document: vscode.TextDocument,
    title: string,
    isPreferred: boolean,
    edits: core.TextEdit[],
    diagnostics: vscode.Diagnostic[],
  ): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    // An edit may name another file of the configuration (a project path from its folder).
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const byFile = new Map<string | undefined, core.TextEdit[]>();
    for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    for (const [file, fileEdits] of byFile) {
      const uri = file === undefined ? document.uri : vscode.Uri.joinPath(folder, file);
      action.edit.set(uri, fileEdits.map(toTextEdit));
    }
    action.isPreferred = isPreferred;
    action.diagnostics = diagnostics;
    return action;
  }

  /** The core's fix-all (crate/src/fix.rs), when it offers one. */
  private fixAll(document: vscode.TextDocument, fromEngine: core.CodeAction[]): vscode.CodeAction | undefined {
    const own = fromEngine.find((a) => a.kind === 'source.fixAll');
    if (!own || own.edits.length === 0) return undefined;
    const action = new vscode.CodeAction(own.title, FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(document.uri, own.edits.map(toTextEdit));
    return action;
  }
}
