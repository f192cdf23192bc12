/**
 * Page object for the options page (dashboard + editor). Specs talk in user terms — create a draft, type into a
 * field, resolve a conflict — and this file knows the selectors. Field paths are the rule engine's
 * (`recommendingUnit`, `schools[2].schoolName`).
 */
import type { Page } from 'puppeteer';
import type { ExtensionSession } from '../harness';

/** What the page object needs of a browser session: Chromium's (../harness.ts) or Firefox's (../firefox/harness.ts). */
type PageOpener = Pick<ExtensionSession, 'openPage'>;

/**
 * Options for `waitForFunction`: poll on a timer. The default polls on animation frames, which never come in a
 * background tab — and the multi-tab specs wait on background tabs.
 */
export const POLL = { polling: 100, timeout: 10_000 } as const;

export function fieldSelector(path: string): string {
  return '#field-' + path.replace(/\[(\d+)\]\./g, '-$1-');
}

export class OptionsPage {
  constructor(
    readonly page: Page,
    readonly session: PageOpener,
  ) {}

  static async open(session: PageOpener, hash = '#/drafts'): Promise<OptionsPage> {
    const page = await session.openPage(`options.html${hash}`);
    const o = new OptionsPage(page, session);
    await page.waitForSelector('.app-bar');
    return o;
  }

  static async openDraft(session: PageOpener, draftId: string): Promise<OptionsPage> {
    const o = await OptionsPage.open(session, `#/draft/${draftId}`);
    await o.waitForEditor();
    return o;
  }

  async goto(hash: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), hash);
  }

  async waitForEditor(): Promise<void> {
    await this.page.waitForSelector('[data-testid="editor"]');
  }

  /** Create a draft through the dialog; returns its id once the editor shows it. */
  async createDraft(title: string, formId = 'recommendation'): Promise<string> {
    await this.goto('#/drafts');
    await this.page.waitForSelector('[data-testid="new-draft"]');
    await this.page.click('[data-testid="new-draft"]');
    await this.page.waitForSelector('#new-draft-title');
    await this.page.click(`input[name="formId"][value="${formId}"]`);
    await this.page.type('#new-draft-title', title);
    await this.page.click('#new-draft-form button[type="submit"]');
    await this.waitForEditor();
    return this.page.$eval('[data-testid="editor"]', (el) => (el as HTMLElement).dataset.draftId!);
  }

  async type(path: string, text: string, delay = 0): Promise<void> {
    await this.page.type(fieldSelector(path), text, { delay });
  }

  async select(path: string, value: string): Promise<void> {
    await this.page.select(fieldSelector(path), value);
  }

  async value(path: string): Promise<string> {
    return this.page.$eval(fieldSelector(path), (el) => (el as HTMLInputElement).value);
  }

  async waitForValue(path: string, expected: string): Promise<void> {
    await this.page.waitForFunction(
      (sel, v) => (document.querySelector(sel) as HTMLInputElement | null)?.value === v,
      POLL,
      fieldSelector(path),
      expected,
    );
  }

  async saveState(): Promise<string> {
    return this.page.$eval('[data-testid="save-status"]', (el) => (el as HTMLElement).dataset.state ?? '');
  }

  async waitSaved(): Promise<void> {
    await this.page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 10_000 });
  }

  async title(): Promise<string> {
    return this.page.$eval('[data-testid="draft-title"]', (el) => el.textContent ?? '');
  }

  // ── draft list ──
  async listTitles(): Promise<string[]> {
    await this.page.waitForSelector('[data-testid="draft-list"], .empty');
    return this.page.$$eval('.draft-item .draft-title', (els) => els.map((e) => e.textContent ?? ''));
  }

  async waitForListTitles(predicate: (titles: string[]) => boolean): Promise<string[]> {
    for (let i = 0; i < 100; i++) {
      const titles = await this.listTitles().catch(() => [] as string[]);
      if (predicate(titles)) return titles;
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.listTitles();
  }

  private item(draftId: string): string {
    return `.draft-item[data-draft-id="${draftId}"]`;
  }

  async clickItemButton(draftId: string, label: string): Promise<void> {
    await clickDraftAction(this.page, draftId, label);
  }

  /** Rename a draft from the list as a user does (see `renameAs`). */
  async rename(draftId: string, title: string, how: RenameGesture = 'type'): Promise<void> {
    await this.clickItemButton(draftId, '重命名');
    await renameAs(this.page, title, how);
  }

  /** Wait for a toast whose text contains `part`; returns its text. */
  async waitForToast(part: string): Promise<string> {
    const handle = await this.page.waitForFunction(
      (p) => {
        const text = document.querySelector('[data-testid="toast"] span')?.textContent ?? '';
        return text.includes(p) ? text : null;
      },
      POLL,
      part,
    );
    return (await handle.jsonValue()) as string;
  }

  async clickToastAction(): Promise<void> {
    await this.page.click('[data-testid="toast"] button');
  }

  // ── conflicts ──
  async waitForConflict(): Promise<void> {
    await this.page.waitForSelector('[data-testid="conflict-dialog"][open]', { timeout: 10_000 });
  }

  async chooseConflict(choice: 'mine' | 'theirs' | 'both'): Promise<void> {
    await this.page.click(`[data-testid="conflict-dialog"] button[data-choice="${choice}"]`);
    await this.page.waitForSelector('[data-testid="conflict-dialog"]:not([open])', { timeout: 10_000 });
  }

  /**
   * Hold this tab's timers (the autosave debounce) while `during` runs, then let them go: the tab keeps an unsaved
   * edit for as long as another tab needs to save first — the race two people editing at once create, made
   * deterministic.
   */
  async withTimersHeld(during: () => Promise<void>): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __held: Array<() => void>; __realSetTimeout: typeof setTimeout };
      w.__held = [];
      w.__realSetTimeout = window.setTimeout;
      (window as unknown as { setTimeout: unknown }).setTimeout = (fn: () => void) => {
        w.__held.push(fn);
        return 0;
      };
    });
    try {
      await during();
    } finally {
      await this.page.evaluate(() => {
        const w = window as unknown as { __held: Array<() => void>; __realSetTimeout: typeof setTimeout };
        window.setTimeout = w.__realSetTimeout;
        for (const fn of w.__held.splice(0)) fn();
      });
    }
  }

  // ── settings / backup ──
  async importBackup(file: string): Promise<void> {
    await this.goto('#/settings');
    const input = await this.page.waitForSelector('[data-testid="backup-file"]');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(file);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Click a draft's action button in the list (extension dashboard or toolkit: the same component) by its text. */
export async function clickDraftAction(page: Page, draftId: string, label: string): Promise<void> {
  const buttons = await page.$$(`.draft-item[data-draft-id="${draftId}"] .draft-actions button`);
  for (const b of buttons) {
    if ((await b.evaluate((el) => el.textContent?.trim())) === label) return b.click();
  }
  throw new Error(`no button "${label}" on draft ${draftId}`);
}

/**
 * How a user replaces a title: type over the selection the dialog opens with; select all and type; double-click the
 * (one-word) title and type; paste over it; or commit Chinese text through an input method.
 */
export type RenameGesture = 'type' | 'selectAll' | 'doubleClick' | 'paste' | 'ime';

/** In an open rename dialog (extension or toolkit: the same component), replace the title and save. */
export async function renameAs(page: Page, title: string, how: RenameGesture): Promise<void> {
  const input = '#rename-input';
  // The dialog is open and has given the field focus: what a user waits for before typing.
  await page.waitForFunction(
    (sel) => document.activeElement === document.querySelector(sel) && !!document.querySelector<HTMLDialogElement>('dialog[open]'),
    POLL,
    input,
  );
  if (how === 'selectAll') {
    await page.keyboard.press('End');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
  } else if (how === 'doubleClick') {
    await page.click(input, { count: 2 });
  }
  if (how === 'paste') {
    await page.evaluate((text) => navigator.clipboard.writeText(text), title);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyV', { commands: ['paste'] });
    await page.keyboard.up('Control');
  } else if (how === 'ime') {
    // Pinyin being composed, then the chosen characters committed, as Chromium reports an IME to the page.
    const cdp = await page.createCDPSession();
    await cdp.send('Input.imeSetComposition', { text: 'gai', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: 'gaiming', selectionStart: 7, selectionEnd: 7 });
    await cdp.send('Input.insertText', { text: title });
    await cdp.detach();
  } else {
    await page.keyboard.type(title);
  }
  await page.click('[data-testid="rename-dialog"] button[type="submit"]');
}
