// A tiny stand-in for the `vscode` module, for unit tests of extension code that only calls
// commands, env, window and a few workspace members. Its state lives on globalThis.fakeVscode so the test can set it.
const state = () => globalThis.fakeVscode;

export const commands = {
  registerCommand: (id, run) => {
    state().registered.set(id, run);
    return { dispose() {} };
  },
  getCommands: async () => state().available,
  executeCommand: async (id, ...args) => {
    state().executed.push({ id, args });
    if (state().failWith) throw new Error(state().failWith);
  },
};

export const env = {
  get remoteName() {
    return state().remoteName;
  },
  clipboard: { writeText: async (text) => void (state().clipboard = text) },
};

export const window = {
  get activeTextEditor() {
    return state().document ? { document: state().document } : undefined;
  },
  showWarningMessage: async (message, ...choices) => {
    state().messages.push({ level: 'warning', message, choices });
    return state().choice;
  },
  showInformationMessage: async (message, ...choices) => {
    state().messages.push({ level: 'info', message, choices });
    return state().choice;
  },
  showErrorMessage: async (message) => void state().messages.push({ level: 'error', message }),
};

export const workspace = {
  get textDocuments() {
    return state().document ? [state().document] : [];
  },
  getWorkspaceFolder: () => state().folder,
  onDidOpenTextDocument: (listener) => {
    state().openListeners = [...(state().openListeners ?? []), listener];
    return { dispose() {} };
  },
  fs: {
    readFile: async (uri) => {
      const text = state().disk?.[uri.path];
      if (text === undefined) throw new Error(`no such file: ${uri.path}`);
      return new TextEncoder().encode(text);
    },
  },
  get workspaceFolders() {
    return state().folder ? [state().folder] : undefined;
  },
};
