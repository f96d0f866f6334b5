// Reads the flat encoding of crate/src/api/flat.rs back into the objects serde would have sent:
// one string with every string of the result, and a Uint32Array with every number (each
// string's UTF-16 length among them), which the engine reads out of the core's memory instead
// of building one JS value per field. The order of reads here is the order of writes there.

import type {
  AnalyzeResult,
  CompletionItem,
  CompletionKind,
  Diagnostic,
  Fix,
  ProjectResult,
  Range,
  Severity,
  TextEdit,
  Wanted,
} from './engineTypes';

/** A flat result as `Engine.flat` reads it from the core's memory. */
export type FlatValue = [string, Uint32Array];

/** The length of an absent optional string; in place of a completion range, "the previous one". */
const ABSENT = 0xffffffff;
const SAME_RANGE = 0xffffffff;

/** In the order of `severity_number` and `kind_number` (crate/src/api/flat.rs). */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const KINDS: readonly CompletionKind[] = [
  'property',
  'value',
  'enum',
  'keyword',
  'snippet',
  'variable',
  'module',
  'constant',
];

class FlatReader {
  private at = 0;
  private unit = 0;

  constructor(
    private readonly strings: string,
    private readonly numbers: Uint32Array,
  ) {}

  number(): number {
    if (this.at >= this.numbers.length) throw new Error('flat result: a number past the end');
    return this.numbers[this.at++];
  }

  flag(): boolean {
    return this.number() === 1;
  }

  string(): string {
    return this.text(this.number());
  }

  optional(): string | undefined {
    const units = this.number();
    return units === ABSENT ? undefined : this.text(units);
  }

  range(): Range {
    return this.rangeFrom(this.number());
  }

  rangeFrom(line: number): Range {
    return {
      start: { line, character: this.number() },
      end: { line: this.number(), character: this.number() },
    };
  }

  edits(): TextEdit[] {
    const edits: TextEdit[] = [];
    for (let n = this.number(); n > 0; n--) {
      const edit: TextEdit = { range: this.range(), newText: this.string() };
      const file = this.optional();
      if (file !== undefined) edit.file = file;
      edits.push(edit);
    }
    return edits;
  }

  diagnostics(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (let n = this.number(); n > 0; n--) {
      const code = this.string();
      const severity = SEVERITIES[this.number()];
      const message = this.string();
      const range = this.range();
      const fixes: Fix[] = [];
      for (let f = this.number(); f > 0; f--) {
        fixes.push({ title: this.string(), isPreferred: this.flag(), edits: this.edits() });
      }
      diagnostics.push({ code, severity, message, range, fixes });
    }
    return diagnostics;
  }

  /** Checks that the whole result was read: a layout mismatch shows here, not as odd objects. */
  done(): void {
    if (this.at !== this.numbers.length || this.unit !== this.strings.length) {
      throw new Error('flat result: values left over');
    }
  }

  private text(units: number): string {
    const end = this.unit + units;
    if (end > this.strings.length) throw new Error('flat result: a string past the end');
    const text = this.strings.slice(this.unit, end);
    this.unit = end;
    return text;
  }
}

export function decodeCompletionItems([strings, numbers]: FlatValue): CompletionItem[] {
  const read = new FlatReader(strings, numbers);
  const items: CompletionItem[] = [];
  // Items that share a range share one object: the hosts only read it.
  let previous: Range | undefined;
  for (let n = read.number(); n > 0; n--) {
    const label = read.string();
    const kind = KINDS[read.number()];
    const detail = read.optional();
    const documentation = read.optional();
    const docId = read.optional();
    const insertText = read.string();
    const isSnippet = read.flag();
    const first = read.number();
    if (first === SAME_RANGE && !previous) throw new Error('flat result: no range to repeat');
    const range = first === SAME_RANGE && previous ? previous : read.rangeFrom(first);
    previous = range;
    const item: CompletionItem = { label, kind, insertText, isSnippet, range, sortText: read.string() };
    if (detail !== undefined) item.detail = detail;
    if (documentation !== undefined) item.documentation = documentation;
    if (docId !== undefined) item.docId = docId;
    const filterText = read.optional();
    if (filterText !== undefined) item.filterText = filterText;
    const additionalEdits = read.edits();
    if (additionalEdits.length > 0) item.additionalEdits = additionalEdits;
    items.push(item);
  }
  read.done();
  return items;
}

export function decodeAnalyzeResult([strings, numbers]: FlatValue): AnalyzeResult {
  const read = new FlatReader(strings, numbers);
  const diagnostics = read.diagnostics();
  read.done();
  return { diagnostics };
}

export function decodeProjectResult([strings, numbers]: FlatValue): ProjectResult {
  const read = new FlatReader(strings, numbers);
  const files: ProjectResult['files'] = [];
  for (let n = read.number(); n > 0; n--) {
    files.push({ path: read.string(), main: read.flag(), diagnostics: read.diagnostics() });
  }
  read.done();
  return { files };
}

export function decodeWanted([strings, numbers]: FlatValue): Wanted[] {
  const read = new FlatReader(strings, numbers);
  const paths: Wanted[] = [];
  for (let n = read.number(); n > 0; n--) {
    const kind = read.number() === 1 ? 'folder' : 'file';
    paths.push({ path: read.string(), kind });
  }
  read.done();
  return paths;
}
