import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { withValue } from '../forms';
import type { Bilingual, FormData, FormDefinition } from '../forms/types';
import { AutosaveController, watchDraft, type AutosaveState } from '../db/autosave';
import { getDraft } from '../db/drafts';
import type { DraftRow } from '../db/schema';
import { uiDb } from './db';
import { writeSetting } from './settings';

/** How a conflict with another tab's save is settled: keep this tab's text, take theirs, or keep both (mine as a copy). */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

/**
 * One open draft's editing session: the data as typed, autosaved (debounced, flushed when the tab hides or closes and
 * on Ctrl/⌘+S), followed across tabs (a newer save elsewhere reloads, or raises a conflict while edits are pending),
 * with its title, archive flag and save status. The editor renders it; nothing here knows about the page's layout.
 */
export function useDraftSession(initial: DraftRow, form: FormDefinition) {
  const db = uiDb();
  const [data, setData] = useState<FormData>(initial.data);
  const [title, setTitle] = useState(initial.title);
  const [archived, setArchived] = useState(initial.archived === 1);
  const [saveState, setSaveState] = useState<AutosaveState>('saved');
  const [savedAt, setSavedAt] = useState(initial.updatedAt);
  const [saveError, setSaveError] = useState<Bilingual | null>(null);
  const [conflict, setConflict] = useState<DraftRow | null>(null);
  const [gone, setGone] = useState(false);
  const dataRef = useRef(data);
  dataRef.current = data;

  const controller = useMemo(
    () =>
      new AutosaveController({
        db,
        draftId: initial.id,
        baseRev: initial.rev,
        onSaved: () => {
          setSaveError(null);
          setSavedAt(Date.now());
        },
        onConflict: (theirs) => setConflict(theirs),
        onError: (e) => setSaveError(e),
        onStateChange: setSaveState,
      }),
    [db, initial.id, initial.rev],
  );

  // The draft being edited becomes the popup's "current draft" (the one autofill uses).
  useEffect(() => {
    void writeSetting(db, 'ui.currentDraft', initial.id);
  }, [db, initial.id]);

  // Other tabs: a newer rev reloads (nothing unsaved here) or raises the conflict dialog; rename/delete show up too.
  useEffect(
    () =>
      watchDraft(db, initial.id, (row) => {
        if (!row || row.deletedAt) {
          setGone(true);
          return;
        }
        setGone(false);
        setTitle(row.title);
        setArchived(row.archived === 1);
        if (controller.state === 'conflict') {
          // The other tab kept saving while the dialog is open: show the choice against their latest version.
          setConflict((shown) => (shown && row.rev > shown.rev ? row : shown));
          return;
        }
        if (controller.remoteChanged(row) === 'reload') setData(row.data);
      }),
    [db, initial.id, controller],
  );

  // Save what is pending when the tab is hidden or closed, and when leaving the editor.
  useEffect(() => {
    const flush = () => void controller.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    // Ctrl/⌘+S saves now (habit from office software) instead of the browser's "save page as".
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        flush();
      }
    };
    addEventListener('pagehide', flush);
    addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisibility);
      void controller.dispose();
    };
  }, [controller]);

  /** Replace the whole data (row added or removed, undo) and schedule its save. */
  const edit = useCallback(
    (next: FormData) => {
      setData(next);
      controller.edit(next);
    },
    [controller],
  );
  /** One field typed into: `path` is a header field key or `group[row].field`. */
  const setValue = useCallback((path: string, value: string) => edit(withValue(form, dataRef.current, path, value)), [edit, form]);

  /** Settles the open conflict; for 'both', resolves to the copy made of this tab's text (so the editor can offer it). */
  const resolveConflict = async (choice: ConflictChoice): Promise<DraftRow | undefined> => {
    let copy: DraftRow | undefined;
    if (choice === 'mine') await controller.keepMine();
    else if (choice === 'theirs') {
      const theirs = await controller.takeTheirs();
      if (theirs) setData(theirs.data);
    } else {
      const theirs = conflict;
      copy = (await controller.keepBoth()) ?? undefined;
      if (copy && theirs) setData(theirs.data);
    }
    if (controller.state !== 'conflict') {
      setConflict(null);
      // "Theirs" is the version that raised the conflict; the other tab may have saved again since. Catch up with
      // what is stored now (nothing unsaved is left here, so this only reloads).
      const latest = await getDraft(db, initial.id);
      if (latest && !latest.deletedAt && controller.remoteChanged(latest) === 'reload') setData(latest.data);
    }
    return copy;
  };

  return {
    data,
    /** The latest data, for callbacks that must not capture a stale render's copy. */
    dataRef,
    title,
    archived,
    gone,
    save: { state: saveState, savedAt, error: saveError },
    conflict,
    /** What this tab would save, for the conflict dialog's comparison. */
    pendingData: controller.pendingData ?? data,
    rev: controller.rev,
    edit,
    setValue,
    resolveConflict,
    /** Saves what is pending now (before opening history, for instance). */
    flush: () => controller.flush(),
  };
}
