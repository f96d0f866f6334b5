// Converts the core's plain objects into VS Code types. Positions are already UTF-16.

import * as vscode from 'vscode';
import type * as core from './engineTypes';

export function toRange(range: core.Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toTextEdit(edit: core.TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(edit.range), edit.newText);
}

export function toSeverity(severity: core.Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

export function toCompletionKind(kind: core.CompletionKind): vscode.CompletionItemKind {
  switch (kind) {
    case 'property':
      return vscode.CompletionItemKind.Property;
    case 'value':
      return vscode.CompletionItemKind.Value;
    case 'enum':
      return vscode.CompletionItemKind.EnumMember;
    case 'keyword':
      return vscode.CompletionItemKind.Keyword;
    case 'snippet':
      return vscode.CompletionItemKind.Snippet;
    case 'variable':
      return vscode.CompletionItemKind.Variable;
    case 'module':
      return vscode.CompletionItemKind.Module;
    case 'constant':
      return vscode.CompletionItemKind.Constant;
  }
}

export function sameRange(a: core.Range, b: vscode.Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
