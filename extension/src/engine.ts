// Wraps the WASM core: typed calls, and recovery from a panic. wasm32-unknown-unknown aborts on
// panic, which JS sees as a WebAssembly.RuntimeError; the instance is then unusable, so the
// wrapper reports the panic and builds a fresh instance before the next call. No vscode import
// here, so Node tests run this same code.
//
// Per keystroke the extension asks for the files needed, the diagnostics and the completion of
// one text in one project. The wrapper hands the project (everything but the text) to the core
// only when it changed, writes the text into the core's memory, and reads the results there in
// the flat encoding (./flat.ts): converting the whole input three times and building each result
// object field by field across the boundary cost more than the checks (issue 11).

import type {
  AnalyzeOptions,
  AnalyzeResult,
  CodeAction,
  CompletionItem,
  Hover,
  ProjectFile,
  ProjectInput,
  ProjectResult,
  RebuildAdvice,
  RuleEntry,
  Wanted,
} from './engineTypes';
import { decodeAnalyzeResult, decodeCompletionItems, decodeProjectResult, decodeWanted, type FlatValue } from './flat';

/** The wasm-bindgen `--target web` glue (dist/core/devcontainer_doctor.js). */
export interface CoreGlue {
  initSync(options: { module: Uint8Array | WebAssembly.Module }): unknown;
  __wbg_reset_state(): void;
  analyze(text: string, options: unknown): unknown;
  // The per-keystroke calls read their text from the input buffer (`textLen` is the number of
  // UTF-8 bytes written there) and return the address of a flat result (`Engine.input`,
  // `Engine.flat`).
  inputBuffer(capacity: number): number;
  inputMemory(): WebAssembly.Memory;
  analyzeFlat(textLen: number, omitFixes: boolean, overrides: string): number;
  completeFlat(textLen: number, offset: number): number;
  setProject(input: unknown): void;
  wantedInProject(textLen: number): number;
  neededInProject(textLen: number): number;
  analyzeInProject(textLen: number, omitFixes: boolean, overrides: string): number;
  completeInProject(textLen: number, offset: number): number;
  hoverInProject(textLen: number, offset: number): unknown;
  codeActionsInProject(textLen: number, start: number, end: number, options: unknown): unknown;
  projectWanted(input: unknown): unknown;
  analyzeProject(input: unknown, options: unknown): unknown;
  complete(text: string, offset: number): unknown;
  hover(text: string, offset: number): unknown;
  completeProject(input: unknown, offset: number): unknown;
  hoverProject(input: unknown, offset: number): unknown;
  codeActions(text: string, start: number, end: number): unknown;
  codeActionsProject(input: unknown, start: number, end: number, options: unknown): unknown;
  completionDoc(docId: string): string | undefined;
  rebuildAdvice(oldText: string, newText: string): unknown;
  version(): string;
  rules(): unknown;
  __testPanic(): void;
}

export type PanicReporter = (message: string) => void;

const PANIC_HOOK = 'devcontainerDoctorOnPanic';

export class Engine {
  /** The message the Rust panic hook handed over during the current call. */
  private panicMessage: string | undefined;
  panicCount = 0;
  /** The project last handed to the core (`setProject`), to know when to hand it again. */
  private sent: SentProject | undefined;
  /** The core's memory, where `input` writes texts and `flat` reads results; a reset makes a new one. */
  private memory: WebAssembly.Memory | undefined;
  private memoryViews: MemoryViews | undefined;
  private readonly encoder = new TextEncoder();
  // As wasm-bindgen decodes: a U+FEFF at the start of the strings is text, not a byte order mark.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    private readonly glue: CoreGlue,
    bytes: Uint8Array,
    private readonly onPanic: PanicReporter,
  ) {
    (globalThis as Record<string, unknown>)[PANIC_HOOK] = (message: string) => {
      this.panicMessage = message;
    };
    glue.initSync({ module: bytes });
  }

  analyze(text: string, options: AnalyzeOptions = {}): AnalyzeResult {
    return this.call(
      () => decodeAnalyzeResult(this.flat(this.glue.analyzeFlat(this.input(text), ...compact(options)))),
      {
        diagnostics: [],
      },
    );
  }

  /** The paths the host should read or list next for this configuration (none when done). */
  projectWanted(input: ProjectInput): Wanted[] {
    return this.call(() => decodeWanted(this.flat(this.glue.wantedInProject(this.inProject(input)))), []);
  }

  /** Every path this configuration needs read, whether `input.files` has it or not. */
  projectNeeded(input: ProjectInput): Wanted[] {
    return this.call(() => decodeWanted(this.flat(this.glue.neededInProject(this.inProject(input)))), []);
  }

  /** Checks a configuration with the files read for it: diagnostics per file. */
  analyzeProject(input: ProjectInput, options: AnalyzeOptions = {}): ProjectResult {
    return this.call(
      () => decodeProjectResult(this.flat(this.glue.analyzeInProject(this.inProject(input), ...compact(options)))),
      {
        files: [],
      },
    );
  }

  complete(text: string, offset: number): CompletionItem[] {
    return this.call(() => decodeCompletionItems(this.flat(this.glue.completeFlat(this.input(text), offset))), []);
  }

  hover(text: string, offset: number): Hover | null {
    return this.call(() => (this.glue.hover(textOf(text), offset) as Hover | null) ?? null, null);
  }

  /** Completion in `input.text` with the files read for it (Compose services, stages, names). */
  completeProject(input: ProjectInput, offset: number): CompletionItem[] {
    return this.call(
      () => decodeCompletionItems(this.flat(this.glue.completeInProject(this.inProject(input), offset))),
      [],
    );
  }

  /** Hover in `input.text` with the files read for it (a Compose service, a stage). */
  hoverProject(input: ProjectInput, offset: number): Hover | null {
    return this.call(() => (this.glue.hoverInProject(this.inProject(input), offset) as Hover | null) ?? null, null);
  }

  codeActions(text: string, start: number, end: number): CodeAction[] {
    return this.call(() => this.glue.codeActions(textOf(text), start, end) as CodeAction[], []);
  }

  /**
   * Quick fixes of the findings touching a UTF-16 range, with the files read for the
   * configuration, and "fix all": what diagnostics analyzed with `omitFixes` leave out.
   */
  codeActionsProject(input: ProjectInput, start: number, end: number, options: AnalyzeOptions = {}): CodeAction[] {
    return this.call(
      () => this.glue.codeActionsInProject(this.inProject(input), start, end, options) as CodeAction[],
      [],
    );
  }

  /** The Markdown of a completion item that came with a `docId` instead. */
  completionDoc(docId: string): string | undefined {
    return this.call(() => this.glue.completionDoc(docId) ?? undefined, undefined);
  }

  /**
   * What the change from `oldText` to `newText` takes to apply. If the core fails, the safe
   * answer: a rebuild, with nothing listed.
   */
  rebuildAdvice(oldText: string, newText: string): RebuildAdvice {
    return this.call(() => this.glue.rebuildAdvice(textOf(oldText), textOf(newText)) as RebuildAdvice, {
      applyBy: 'rebuild',
      changed: [],
      hasSyntaxErrors: false,
    });
  }

  version(): string {
    return this.call(() => this.glue.version(), 'unknown');
  }

  rules(): RuleEntry[] {
    return this.call(() => this.glue.rules() as RuleEntry[], []);
  }

  /** Test hook: makes the core panic on purpose. */
  testPanic(): void {
    this.call(() => this.glue.__testPanic(), undefined);
  }

  /**
   * Hands the core the project of `input` when it is not the one it has, and writes its text
   * into the input buffer (returning its length there). The files are compared by identity: a
   * host hands in a new `ProjectFile` object for a new text (loadProject's cache does), never
   * changes one in place.
   */
  private inProject(input: ProjectInput): number {
    if (!this.sent || !sameProject(this.sent, input)) {
      this.sent = undefined;
      this.glue.setProject({ ...input, text: '' });
      this.sent = sentProject(input);
    }
    return this.input(input.text ?? '');
  }

  /**
   * Writes `text` as UTF-8 into the core's input buffer and returns the bytes written. wasm-bindgen
   * copies a string argument one character at a time in JavaScript; `encodeInto` straight into
   * the core's memory took 8 to 10% off a check (crate/src/wasm/input.rs).
   */
  private input(text: unknown): number {
    const value = textOf(text);
    // A UTF-16 unit never takes more than 3 bytes of UTF-8 (a lone surrogate becomes U+FFFD).
    const capacity = value.length * 3;
    const at = this.glue.inputBuffer(capacity);
    return this.encoder.encodeInto(value, this.views().bytes.subarray(at, at + capacity)).written;
  }

  /**
   * Reads the flat result whose header is at `header` (crate/src/wasm/output.rs), before any
   * other call can replace it: the numbers are copied, the strings decoded.
   */
  private flat(header: number): FlatValue {
    const { bytes, words } = this.views();
    const [numbersAt, numberCount, stringsAt, stringBytes] = words.subarray(header >>> 2, (header >>> 2) + 4);
    const numbers = words.slice(numbersAt >>> 2, (numbersAt >>> 2) + numberCount);
    return [this.decoder.decode(bytes.subarray(stringsAt, stringsAt + stringBytes)), numbers];
  }

  /** Views of the core's memory, made again when it grows (its buffer is then a new one). */
  private views(): MemoryViews {
    this.memory ??= this.glue.inputMemory();
    const { buffer } = this.memory;
    if (this.memoryViews?.bytes.buffer !== buffer) {
      this.memoryViews = { bytes: new Uint8Array(buffer), words: new Uint32Array(buffer) };
    }
    return this.memoryViews;
  }

  private call<T>(run: () => T, fallback: T): T {
    this.panicMessage = undefined;
    try {
      return run();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.panicCount += 1;
        this.onPanic(this.panicMessage ?? `devcontainer-doctor core crashed: ${error.message}`);
        this.glue.__wbg_reset_state();
        // A fresh instance has no project, and memory of its own.
        this.sent = undefined;
        this.memory = undefined;
        this.memoryViews = undefined;
      } else {
        this.onPanic(`devcontainer-doctor core failed: ${String(error)}`);
      }
      return fallback;
    }
  }
}

/** The core's memory as bytes and as 32-bit words (the flat results' numbers are aligned). */
interface MemoryViews {
  bytes: Uint8Array;
  words: Uint32Array;
}

/** What `setProject` was last given, to compare the next input with. */
interface SentProject {
  mainPath?: string;
  isolated?: boolean;
  workspaceFolder?: string;
  configFolder?: string;
  localEnv: [string, string][];
  files: ProjectFile[];
}

function sentProject(input: ProjectInput): SentProject {
  return {
    mainPath: input.mainPath,
    isolated: input.isolated,
    workspaceFolder: input.workspaceFolder,
    configFolder: input.configFolder,
    localEnv: Object.entries(input.localEnv ?? {}),
    files: [...(input.files ?? [])],
  };
}

function sameProject(sent: SentProject, input: ProjectInput): boolean {
  const files = input.files ?? [];
  const env = input.localEnv ?? {};
  return (
    sent.mainPath === input.mainPath &&
    sent.isolated === input.isolated &&
    sent.workspaceFolder === input.workspaceFolder &&
    sent.configFolder === input.configFolder &&
    sent.files.length === files.length &&
    sent.files.every((file, i) => file === files[i]) &&
    sent.localEnv.length === Object.keys(env).length &&
    sent.localEnv.every(([name, value]) => env[name] === value)
  );
}

/**
 * The options in the form the core reads on every keystroke: `omitFixes`, and the severity
 * overrides as `code=level` lines (reading the object field by field across the boundary cost
 * about 2 µs a call). A key with a line break is no rule code and is left out.
 */
function compact(options: AnalyzeOptions | null | undefined): [boolean, string] {
  let lines = '';
  for (const [code, level] of Object.entries(options?.severityOverrides ?? {})) {
    if (code.includes('\n')) continue;
    lines += `${code}=${String(level)}\n`;
  }
  return [options?.omitFixes === true, lines];
}

/**
 * A text for the core. wasm-bindgen copies a string argument without checking its type, and
 * anything else (a number from untyped JavaScript) read out of bounds and killed the instance.
 */
function textOf(text: unknown): string {
  if (typeof text !== 'string') throw new TypeError(`invalid input: the text is a ${typeof text}, not a string`);
  return text;
}
