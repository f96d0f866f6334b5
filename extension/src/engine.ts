// Wraps the WASM core: typed calls, and recovery from a panic. wasm32-unknown-unknown aborts on
// panic, which JS sees as a WebAssembly.RuntimeError; the instance is then unusable, so the
// wrapper reports the panic and builds a fresh instance before the next call. No vscode import
// here, so Node tests run this same code.
//
// Per keystroke the extension asks for the files needed, the diagnostics and the completion of
// one text in one project. The wrapper hands the project (everything but the text) to the core
// only when it changed, and reads the results in the flat encoding (./flat.ts): converting the
// whole input three times and building each result object field by field across the boundary
// cost more than the checks (issue 11).

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
  analyzeFlat(text: string, omitFixes: boolean, overrides: string): FlatValue;
  completeFlat(text: string, offset: number): FlatValue;
  setProject(input: unknown): void;
  wantedInProject(text: string): FlatValue;
  neededInProject(text: string): FlatValue;
  analyzeInProject(text: string, omitFixes: boolean, overrides: string): FlatValue;
  completeInProject(text: string, offset: number): FlatValue;
  hoverInProject(text: string, offset: number): unknown;
  codeActionsInProject(text: string, start: number, end: number, options: unknown): unknown;
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
    return this.call(() => decodeAnalyzeResult(this.glue.analyzeFlat(textOf(text), ...compact(options))), {
      diagnostics: [],
    });
  }

  /** The paths the host should read or list next for this configuration (none when done). */
  projectWanted(input: ProjectInput): Wanted[] {
    return this.call(() => decodeWanted(this.glue.wantedInProject(this.inProject(input))), []);
  }

  /** Every path this configuration needs read, whether `input.files` has it or not. */
  projectNeeded(input: ProjectInput): Wanted[] {
    return this.call(() => decodeWanted(this.glue.neededInProject(this.inProject(input))), []);
  }

  /** Checks a configuration with the files read for it: diagnostics per file. */
  analyzeProject(input: ProjectInput, options: AnalyzeOptions = {}): ProjectResult {
    return this.call(
      () => decodeProjectResult(this.glue.analyzeInProject(this.inProject(input), ...compact(options))),
      {
        files: [],
      },
    );
  }

  complete(text: string, offset: number): CompletionItem[] {
    return this.call(() => decodeCompletionItems(this.glue.completeFlat(textOf(text), offset)), []);
  }

  hover(text: string, offset: number): Hover | null {
    return this.call(() => (this.glue.hover(textOf(text), offset) as Hover | null) ?? null, null);
  }

  /** Completion in `input.text` with the files read for it (Compose services, stages, names). */
  completeProject(input: ProjectInput, offset: number): CompletionItem[] {
    return this.call(() => decodeCompletionItems(this.glue.completeInProject(this.inProject(input), offset)), []);
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
   * Hands the core the project of `input` when it is not the one it has, and returns the text
   * to send. The files are compared by identity: a host hands in a new `ProjectFile` object for
   * a new text (loadProject's cache does), never changes one in place.
   */
  private inProject(input: ProjectInput): string {
    if (!this.sent || !sameProject(this.sent, input)) {
      this.sent = undefined;
      this.glue.setProject({ ...input, text: '' });
      this.sent = sentProject(input);
    }
    return textOf(input.text ?? '');
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
        // A fresh instance has no project.
        this.sent = undefined;
      } else {
        this.onPanic(`devcontainer-doctor core failed: ${String(error)}`);
      }
      return fallback;
    }
  }
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
