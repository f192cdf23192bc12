import { liveQuery } from 'dexie';
import type { Bilingual, FormData } from '../forms/types';
import { t } from '../i18n';
import { DEFAULT_REVISION_POLICY, duplicateDraft, forceSaveDraft, saveDraft, stashRevision, type RevisionPolicy } from './drafts';
import { bilingual, DbError, errorDetail, isQuotaError } from './errors';
import type { DraftRow, GuoyouDB } from './schema';

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

export interface AutosaveOptions {
  db: GuoyouDB;
  draftId: string;
  /** The rev of the draft as the editor loaded it. */
  baseRev: number;
  /** Save this long after the last edit… */
  debounceMs?: number;
  /** …but never later than this after the first unsaved edit, so continuous typing is saved too. */
  maxWaitMs?: number;
  policy?: RevisionPolicy;
  onSaved?: (rev: number) => void;
  /** Another tab saved first. The editor asks: keep mine / take theirs / keep both (a copy). */
  onConflict?: (theirs: DraftRow) => void;
  /** The save failed (storage full, …); the edits are kept in memory and retried on the next edit or flush. */
  onError?: (error: Bilingual) => void;
  onStateChange?: (state: AutosaveState) => void;
}

/** What the editor should do after another tab (or window) changed the draft. */
export type RemoteChange = 'none' | 'reload' | 'conflict';

/**
 * Framework-free autosave for one draft in the editor. Edits are debounced and saved with the rev they were based
 * on; a newer stored rev is a conflict the user resolves. Unsaved data is never dropped: it stays in memory until a
 * save succeeds, and an unresolved conflict is stashed as a revision on flush.
 */
export class AutosaveController {
  private readonly db: GuoyouDB;
  private readonly draftId: string;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly policy: RevisionPolicy;
  private readonly opts: AutosaveOptions;
  private baseRev: number;
  /** Latest edited data not yet stored (undefined when everything is saved). */
  private unsaved: FormData | undefined;
  private firstUnsavedAt = 0;
  /** When the first edit after the running save started was made (those edits are not in that save). */
  private editedDuringSaveAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private conflictWith: DraftRow | undefined;
  private stashedConflictData: FormData | undefined;
  private failed = false;
  private disposed = false;

  constructor(options: AutosaveOptions) {
    this.opts = options;
    this.db = options.db;
    this.draftId = options.draftId;
    this.baseRev = options.baseRev;
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 600;
    this.policy = options.policy ?? DEFAULT_REVISION_POLICY;
  }

  /** The rev the next save is based on. */
  get rev(): number {
    return this.baseRev;
  }

  /** Edits not yet stored (kept across failures and conflicts). */
  get pendingData(): FormData | undefined {
    return this.unsaved;
  }

  get state(): AutosaveState {
    if (this.conflictWith) return 'conflict';
    if (this.inFlight) return 'saving';
    if (this.failed) return 'error';
    return this.unsaved ? 'pending' : 'saved';
  }

  /** The editor's data changed (call on every keystroke with the whole current data). */
  edit(data: FormData): void {
    if (this.disposed) return;
    if (!this.unsaved) this.firstUnsavedAt = Date.now();
    if (this.inFlight && this.editedDuringSaveAt === undefined) this.editedDuringSaveAt = Date.now();
    this.unsaved = data;
    this.emitState();
    if (this.conflictWith) return; // wait for the user's choice; the data is kept
    this.schedule();
  }

  /**
   * Save now (pagehide, visibilitychange, before navigating). Resolves when everything is stored or the failure has
   * been reported. With an unresolved conflict, my version is stashed as a 'conflict' revision so it survives the tab.
   */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.conflictWith) return this.stashConflict();
    if (this.unsaved) await this.runSave();
  }

  /** Conflict choice "keep mine": overwrite theirs (both kept as revisions). */
  async keepMine(): Promise<void> {
    const mine = this.unsaved;
    if (!this.conflictWith || !mine) return;
    await this.guard(async () => {
      const { rev } = await forceSaveDraft(this.db, this.draftId, mine, this.policy);
      this.resolved(rev, mine);
      this.opts.onSaved?.(rev);
    });
  }

  /** Conflict choice "take theirs": adopt their version; mine is kept as a 'conflict' revision. Returns theirs. */
  async takeTheirs(): Promise<DraftRow | undefined> {
    const theirs = this.conflictWith;
    const mine = this.unsaved;
    if (!theirs) return undefined;
    await this.guard(async () => {
      if (mine) await stashRevision(this.db, this.draftId, mine, this.baseRev, this.policy);
      this.resolved(theirs.rev, mine);
    });
    return this.conflictWith ? undefined : theirs;
  }

  /**
   * Conflict choice "keep both": my version becomes a new draft (returned, for the editor to open or list), this draft
   * takes theirs.
   */
  async keepBoth(): Promise<DraftRow | undefined> {
    const theirs = this.conflictWith;
    const mine = this.unsaved;
    if (!theirs || !mine) return undefined;
    let copy: DraftRow | undefined;
    await this.guard(async () => {
      copy = await duplicateDraft(this.db, this.draftId, {
        data: mine,
        title: t('db.conflictCopyTitle', { title: theirs.title }),
        policy: this.policy,
      });
      this.resolved(theirs.rev, mine);
    });
    return copy;
  }

  /**
   * Tell the controller what `watchDraft` reported. A newer rev with nothing unsaved: reload it. With unsaved edits:
   * a conflict, reported through `onConflict` before the next save would find it.
   */
  remoteChanged(row: DraftRow | undefined): RemoteChange {
    if (!row || this.inFlight || this.conflictWith || row.rev <= this.baseRev) return 'none';
    if (!this.unsaved) {
      this.baseRev = row.rev;
      return 'reload';
    }
    this.enterConflict(row);
    return 'conflict';
  }

  /** Stop the timer and save what is pending. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.inFlight) return; // the running save reschedules when it ends
    const now = Date.now();
    const due = Math.min(now + this.debounceMs, this.firstUnsavedAt + this.maxWaitMs);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.runSave();
      },
      Math.max(0, due - now),
    );
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private runSave(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const data = this.unsaved;
    if (!data || this.conflictWith) return Promise.resolve();
    this.editedDuringSaveAt = undefined;
    const run = (async () => {
      try {
        const result = await saveDraft(this.db, this.draftId, data, this.baseRev, this.policy);
        if (result.ok) {
          this.baseRev = result.rev;
          this.failed = false;
          if (this.unsaved === data) this.unsaved = undefined;
          else this.firstUnsavedAt = this.editedDuringSaveAt ?? Date.now();
          this.opts.onSaved?.(result.rev);
        } else {
          this.enterConflict(result.conflict.theirs);
        }
      } catch (error) {
        this.fail(error);
      }
    })();
    this.inFlight = run;
    this.emitState();
    return run.finally(() => {
      this.inFlight = undefined;
      this.emitState();
      // Edits made during the save, or after a failure on a later edit, are saved on schedule.
      if (this.unsaved && !this.conflictWith && !this.failed && !this.disposed) this.schedule();
    });
  }

  private enterConflict(theirs: DraftRow): void {
    this.clearTimer();
    this.conflictWith = theirs;
    this.stashedConflictData = undefined;
    this.emitState();
    this.opts.onConflict?.(theirs);
  }

  private resolved(rev: number, handled: FormData | undefined): void {
    this.baseRev = rev;
    this.conflictWith = undefined;
    this.failed = false;
    if (this.unsaved === handled) this.unsaved = undefined;
    else this.schedule(); // edited while the choice was being made
    this.emitState();
  }

  private async stashConflict(): Promise<void> {
    const mine = this.unsaved;
    if (!mine || mine === this.stashedConflictData) return;
    await this.guard(async () => {
      await stashRevision(this.db, this.draftId, mine, this.baseRev, this.policy);
      this.stashedConflictData = mine;
    });
  }

  /** Run a write; report a failure (keeping the data) instead of throwing at the editor. */
  private async guard(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.emitState();
    this.opts.onError?.(describeSaveError(error));
  }

  private emitState(): void {
    this.opts.onStateChange?.(this.state);
  }
}

/** The user-facing message for a failed save. */
export function describeSaveError(error: unknown): Bilingual {
  if (isQuotaError(error)) return bilingual('db.error.quota');
  if (error instanceof DbError) return error.bilingual;
  return bilingual('db.error.saveFailed', { detail: errorDetail(error) });
}

/**
 * Observe one draft (extension pages only — never in the service worker, where liveQuery is unreliable): `onChange`
 * gets the stored row (undefined once purged) after every change, including other tabs' saves. Returns unsubscribe.
 */
export function watchDraft(
  db: GuoyouDB,
  id: string,
  onChange: (row: DraftRow | undefined) => void,
  onError?: (error: Bilingual) => void,
): () => void {
  const subscription = liveQuery(() => db.drafts.get(id)).subscribe({
    next: onChange,
    error: (error: unknown) => onError?.(describeSaveError(error)),
  });
  return () => subscription.unsubscribe();
}
