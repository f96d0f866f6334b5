// The shapes the Rust core returns (crate/src/api.rs), as plain JSON objects.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOverride = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  isPreferred: boolean;
  edits: TextEdit[];
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export interface AnalyzeOptions {
  severityOverrides?: Record<string, SeverityOverride>;
}

export interface AnalyzeResult {
  diagnostics: Diagnostic[];
}

export type CompletionKind = 'property' | 'value' | 'enum' | 'keyword' | 'snippet' | 'variable' | 'module' | 'constant';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  insertText: string;
  isSnippet: boolean;
  range: Range;
  sortText: string;
  filterText?: string;
  additionalEdits?: TextEdit[];
}

export interface Hover {
  contents: string;
  range: Range;
}

export interface CodeAction {
  title: string;
  kind: string;
  isPreferred: boolean;
  diagnosticCodes: string[];
  edits: TextEdit[];
}

export interface RuleEntry {
  code: string;
  severity: Severity;
  summary: string;
  docsUrl: string;
}

/** What applying a change to devcontainer.json takes, from cheapest to dearest. */
export type ApplyBy = 'nothing' | 'reload' | 'restart' | 'rebuild';

export interface ChangedProperty {
  key: string;
  applyBy: ApplyBy;
}

export interface RebuildAdvice {
  /** The dearest of the changed properties; `nothing` when none changed. */
  applyBy: ApplyBy;
  /** Top-level properties added, removed or changed. */
  changed: ChangedProperty[];
  /** The new text has syntax errors (a rebuild would fail). */
  hasSyntaxErrors: boolean;
}
