// Small helpers to drive the VS Code workbench in the browser with the keyboard, as a person would.
import { waitFor } from './wait.mjs';

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async ready() {
    await waitFor('the workbench to load', 60_000, () =>
      this.page.locator('.monaco-workbench .part.statusbar').isVisible(),
    );
  }

  async quickOpen(text) {
    await this.page.keyboard.press('Control+P');
    await this.quickInput(text);
  }

  async quickInput(text) {
    const input = this.page.locator('.quick-input-widget input');
    await waitFor('the quick input to open', 10_000, () => input.isVisible());
    await input.fill(text);
    // Wait until the list shows a result for what was typed, then pick it.
    await waitFor(
      `quick input results for "${text}"`,
      10_000,
      async () =>
        (await this.page.locator('.quick-input-list .monaco-list-row').count()) > 0 ||
        text.startsWith(':') ||
        text.startsWith('>'),
    );
    await this.page.keyboard.press('Enter');
    await waitFor('the quick input to close', 10_000, async () => !(await input.isVisible()));
  }

  async openFile(relativePath, tabName) {
    await this.quickOpen(relativePath);
    await waitFor(`the editor tab ${tabName}`, 15_000, () =>
      this.page.locator('.tabs-container .tab.active', { hasText: tabName }).isVisible(),
    );
    await this.focusEditor();
  }

  /** Focuses the editor with the keyboard: a click can land on an overlay or a hover. */
  async focusEditor() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+1');
    await waitFor('the editor to have focus', 10_000, () =>
      this.page.locator('.editor-instance .monaco-editor.focused').first().isVisible(),
    );
  }

  /** Moves the cursor to a 1-based line and column (Go to Line: `:line:col`). */
  async goTo(line, column) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await waitFor('the Go to Line input', 10_000, () => input.isVisible());
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor('Go to Line to close', 10_000, async () => !(await input.isVisible()));
  }

  /** The visible lines of the active editor, as text. */
  async editorText() {
    const text = await this.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Presses Ctrl+Z until `done` holds (checked before each press), for at most 10 s. */
  async undoUntil(what, done) {
    await waitFor(what, 10_000, async () => {
      if (await done()) return true;
      await this.page.keyboard.press('Control+Z');
      return false;
    });
  }

  async waitForEditorText(what, pattern, timeoutMs = 10_000) {
    await waitFor(what, timeoutMs, async () => pattern.test(await this.editorText()));
  }

  async command(title) {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await waitFor('the command palette', 10_000, () => input.isVisible());
    await input.fill(`>${title}`);
    await waitFor(`the command "${title}" in the palette`, 10_000, () =>
      this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().isVisible(),
    );
    await this.page.keyboard.press('Enter');
  }

  /** Opens completion (Ctrl+Space) until `label` is among the items; retried like code actions. */
  async suggest(label) {
    const item = this.page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();
    await waitFor(`"${label}" among the completions (Ctrl+Space)`, 20_000, async () => {
      if (!(await this.page.locator('.suggest-widget.visible').first().isVisible())) {
        await this.page.keyboard.press('Control+Space');
      }
      try {
        await item.waitFor({ state: 'visible', timeout: 2000 });
        return true;
      } catch {
        await this.page.keyboard.press('Escape');
        return false;
      }
    });
  }

  /**
   * Opens the code actions at the cursor (Ctrl+.) and picks one with the keyboard (a pointer
   * block covers the widget). A request racing the last keystroke can come back empty ("No code
   * actions available"), so opening is retried until the entry shows.
   */
  async pickAction(label) {
    await this.openActions(label);
    await this.chooseAction(label);
  }

  async openActions(label) {
    const entry = this.page.locator('.action-widget .monaco-list-row.action', { hasText: label }).first();
    await waitFor(`"${label}" among the code actions (Ctrl+.)`, 20_000, async () => {
      if (!(await this.page.locator('.action-widget').first().isVisible())) {
        await this.page.keyboard.press('Control+.');
      }
      try {
        await entry.waitFor({ state: 'visible', timeout: 2000 });
        return true;
      } catch {
        await this.page.keyboard.press('Escape');
        return false;
      }
    });
  }

  /** Focuses an entry of the open code action list with the arrow keys, then applies it. */
  async chooseAction(label) {
    const count = await this.page.locator('.action-widget .monaco-list-row.action').count();
    for (let i = 0; i <= count; i++) {
      const focused = await this.page
        .locator('.action-widget .monaco-list-row.action.focused')
        .first()
        .getAttribute('aria-label');
      if (focused?.includes(label)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus "${label}" in the code actions`);
  }

  /** Visible text of the rendered rows of a list. */
  async texts(selector) {
    return this.page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent || ''));
  }

  /** Accessible labels (or text) of the rendered rows of a list (suggest widget, action widget, Problems panel). */
  async rows(selector) {
    return this.page
      .locator(selector)
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent || ''));
  }
}
