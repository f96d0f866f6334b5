// Wraps the WASM core: typed calls, and recovery from a panic. wasm32-unknown-unknown aborts on
// panic, which JS sees as a WebAssembly.RuntimeError; the instance is then unusable, so the
// wrapper reports the panic and builds a fresh instance before the next call. No vscode import
// here, so Node tests run this same code.

import type {
  AnalyzeOptions,
  AnalyzeResult,
  CodeAction,
  CompletionItem,
  Hover,
  ProjectInput,
  ProjectResult,
  RebuildAdvice,
  RuleEntry,
  Wanted,
} from './engineTypes';

/** The wasm-bindgen `--target web` glue (dist/core/devcontainer_doctor.js). */
export interface CoreGlue {
  initSync(options: { module: Uint8Array | WebAssembly.Module }): unknown;
  __wbg_reset_state(): void;
  analyze(text: string, options: unknown): unknown;
  projectWanted(input: unknown): unknown;
  analyzeProject(input: unknown, options: unknown): unknown;
  complete(text: string, offset: number): unknown;
  hover(text: string, offset: number): unknown;
  completeProject(input: unknown, offset: number): unknown;
  hoverProject(input: unknown, offset: number): unknown;
  codeActions(text: string, start: number, end: number): unknown;
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
    return this.call(() => this.glue.analyze(text, options) as AnalyzeResult, {
      diagnostics: [],
    });
  }

  /** The paths the host should read or list next for this configuration (none when done). */
  projectWanted(input: ProjectInput): Wanted[] {
    return this.call(() => this.glue.projectWanted(input) as Wanted[], []);
  }

  /** Checks a configuration with the files read for it: diagnostics per file. */
  analyzeProject(input: ProjectInput, options: AnalyzeOptions = {}): ProjectResult {
    return this.call(() => this.glue.analyzeProject(input, options) as ProjectResult, { files: [] });
  }

  complete(text: string, offset: number): CompletionItem[] {
    return this.call(() => this.glue.complete(text, offset) as CompletionItem[], []);
  }

  hover(text: string, offset: number): Hover | null {
    return this.call(() => (this.glue.hover(text, offset) as Hover | null) ?? null, null);
  }

  /** Completion in `input.text` with the files read for it (Compose services, stages, names). */
  completeProject(input: ProjectInput, offset: number): CompletionItem[] {
    return this.call(() => this.glue.completeProject(input, offset) as CompletionItem[], []);
  }

  /** Hover in `input.text` with the files read for it (a Compose service, a stage). */
  hoverProject(input: ProjectInput, offset: number): Hover | null {
    return this.call(() => (this.glue.hoverProject(input, offset) as Hover | null) ?? null, null);
  }

  codeActions(text: string, start: number, end: number): CodeAction[] {
    return this.call(() => this.glue.codeActions(text, start, end) as CodeAction[], []);
  }

  /**
   * What the change from `oldText` to `newText` takes to apply. If the core fails, the safe
   * answer: a rebuild, with nothing listed.
   */
  rebuildAdvice(oldText: string, newText: string): RebuildAdvice {
    return this.call(() => this.glue.rebuildAdvice(oldText, newText) as RebuildAdvice, {
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

  private call<T>(run: () => T, fallback: T): T {
    this.panicMessage = undefined;
    try {
      return run();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.panicCount += 1;
        this.onPanic(this.panicMessage ?? `devcontainer-doctor core crashed: ${error.message}`);
        this.glue.__wbg_reset_state();
      } else {
        this.onPanic(`devcontainer-doctor core failed: ${String(error)}`);
      }
      return fallback;
    }
  }
}
