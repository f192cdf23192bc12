import { useMemo, useState } from 'preact/hooks';
import { forms, formIds, getForm } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import { archiveDraft, deleteDraft, duplicateDraft, listDrafts, purgeDeleted, unarchiveDraft, undoDeleteDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { useLive } from '../../lib/ui/hooks';
import { formatRoute } from '../../lib/ui/routes';
import { filledCount } from '../../lib/ui/form-data';
import { formatDateTime } from '../ui/format';
import { countFindings, validate } from '../../lib/rules';
import { useReferenceData } from '../../lib/ui/use-findings';
import { useManagedPolicy } from '../../lib/managed/use-policy';
import { validateOptions } from '../../lib/managed/merge';
import { useToast } from '../ui/toast-context';
import { NewDraftDialog } from './new-draft-dialog';
import { RenameDialog } from './rename-dialog';
import { errorText } from '../ui/error-text';
import { Dialog } from '../ui/dialog';
import { ErrorBanner } from '../ui/import-preview';

/** The dashboard's draft list: search, form filter, archived toggle, and every per-draft action. */
export function DraftList() {
  const db = uiDb();
  const [search, setSearch] = useState('');
  const [formId, setFormId] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  // The trash: deleted drafts stay restorable after the Undo toast is gone, until the user empties it.
  const [trash, setTrash] = useState(false);
  const [emptying, setEmptying] = useState(false);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<DraftRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const drafts = useLive(
    () => listDrafts(db, { search, formId: formId || undefined, includeArchived: showArchived, deleted: trash }),
    [search, formId, showArchived, trash],
  );

  // Each draft's error/warning count, so the list tells which drafts are ready to submit.
  const refs = useReferenceData();
  const managed = useManagedPolicy();
  const status = useMemo(() => {
    const out = new Map<string, { errors: number; warnings: number }>();
    if (!refs || !managed || !drafts || trash) return out;
    const now = new Date();
    for (const d of drafts) {
      const form = getForm(d.formId);
      if (form) out.set(d.id, countFindings(validate(form, d.data, refs, now, validateOptions(managed.policy, form.id))));
    }
    return out;
  }, [drafts, refs, managed, trash]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = (d: DraftRow) =>
    act(async () => {
      await deleteDraft(db, d.id);
      toast({
        text: t('editor.list.deleted', { title: d.title }),
        action: { label: t('common.undo'), run: () => void act(() => undoDeleteDraft(db, d.id)) },
        timeoutMs: 10_000,
      });
    });
  const duplicate = (d: DraftRow) =>
    act(async () => {
      const copy = await duplicateDraft(db, d.id);
      toast({ text: t('editor.list.duplicated', { title: copy.title }) });
    });

  return (
    <div class="drafts-page">
      <div class="row toolbar">
        <h1>{trash ? t('editor.trash.title') : t('editor.list.title')}</h1>
        <span class="spacer" />
        <button type="button" class="btn" aria-pressed={trash} onClick={() => setTrash(!trash)} data-testid="toggle-trash">
          {trash ? t('editor.trash.back') : t('editor.trash.open')}
        </button>
        {trash && (drafts?.length ?? 0) > 0 && (
          <button type="button" class="btn btn-danger" onClick={() => setEmptying(true)}>
            {t('editor.trash.empty')}
          </button>
        )}
        <button type="button" class="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-draft">
          {t('editor.list.new')}
        </button>
      </div>
      <div class="row filters card" role="search">
        <label for="draft-search" class="sr-only">
          {t('editor.list.search')}
        </label>
        <input
          id="draft-search"
          type="search"
          class="grow"
          placeholder={t('editor.list.searchPlaceholder')}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <label for="draft-form-filter" class="sr-only">
          {t('editor.list.formFilter')}
        </label>
        <select id="draft-form-filter" value={formId} onChange={(e) => setFormId(e.currentTarget.value)} class="narrow">
          <option value="">{t('editor.list.allForms')}</option>
          {formIds.map((id) => (
            <option key={id} value={id}>
              {pick(forms[id].title)}
            </option>
          ))}
        </select>
        <label class="check" hidden={trash}>
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />{' '}
          {t('editor.list.showArchived')}
        </label>
      </div>
      {error && <ErrorBanner message={error} />}
      {drafts === undefined ? (
        <p class="muted">{t('editor.loading')}</p>
      ) : drafts.length === 0 ? (
        <div class="card empty">
          <p>{search || formId ? t('editor.list.noMatch') : trash ? t('editor.trash.none') : t('editor.list.empty')}</p>
        </div>
      ) : (
        <ul class="draft-list" data-testid="draft-list">
          {drafts.map((d) => {
            const form = getForm(d.formId);
            const progress = form ? filledCount(form, d.data) : null;
            return (
              <li key={d.id} class="draft-item card" data-draft-id={d.id}>
                <div class="draft-main">
                  {trash ? (
                    <span class="draft-title">{d.title}</span>
                  ) : (
                    <a class="draft-title" href={formatRoute({ name: 'draft', draftId: d.id })}>
                      {d.title}
                    </a>
                  )}
                  <div class="muted small">
                    {form ? pick(form.title) : d.formId} · {t('editor.list.updated', { when: formatDateTime(d.updatedAt) })}
                    {progress && ` · ${t('editor.list.progress', progress)}`}
                  </div>
                </div>
                {d.archived === 1 && <span class="badge badge-muted">{t('editor.list.archivedBadge')}</span>}
                {status.get(d.id) && <DraftStatus counts={status.get(d.id)!} />}
                {trash ? (
                  <div class="row draft-actions">
                    <span class="muted small">{t('editor.trash.deletedAt', { when: formatDateTime(d.deletedAt) })}</span>
                    <button type="button" class="btn btn-small" onClick={() => act(() => undoDeleteDraft(db, d.id))}>
                      {t('editor.trash.restore')}
                    </button>
                  </div>
                ) : (
                  <div class="row draft-actions">
                    <button type="button" class="btn btn-small" onClick={() => setRenaming(d)}>
                      {t('editor.list.rename')}
                    </button>
                    <button type="button" class="btn btn-small" onClick={() => duplicate(d)}>
                      {t('editor.list.duplicate')}
                    </button>
                    {d.archived ? (
                      <button type="button" class="btn btn-small" onClick={() => act(() => unarchiveDraft(db, d.id))}>
                        {t('editor.list.unarchive')}
                      </button>
                    ) : (
                      <button type="button" class="btn btn-small" onClick={() => act(() => archiveDraft(db, d.id))}>
                        {t('editor.list.archive')}
                      </button>
                    )}
                    <button type="button" class="btn btn-small btn-danger" onClick={() => remove(d)}>
                      {t('editor.list.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <NewDraftDialog open={creating} onClose={() => setCreating(false)} />
      <RenameDialog draft={renaming} onClose={() => setRenaming(null)} />
      <Dialog
        open={emptying}
        title={t('editor.trash.empty')}
        onClose={() => setEmptying(false)}
        actions={
          <>
            <button type="button" class="btn" onClick={() => setEmptying(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              class="btn btn-primary btn-danger-fill"
              onClick={() =>
                void act(async () => {
                  const n = await purgeDeleted(db, Date.now() + 1);
                  setEmptying(false);
                  toast({ text: t('editor.trash.emptied', { n }) });
                })
              }
            >
              {t('editor.trash.emptyConfirm')}
            </button>
          </>
        }
      >
        <p>{t('editor.trash.emptyBody', { n: drafts?.length ?? 0 })}</p>
      </Dialog>
    </div>
  );
}

function DraftStatus(props: { counts: { errors: number; warnings: number } }) {
  const { errors, warnings } = props.counts;
  if (errors === 0 && warnings === 0) return <span class="badge badge-ok">{t('editor.list.clean')}</span>;
  return (
    <span class="row draft-status" data-testid="draft-status">
      {errors > 0 && <span class="badge badge-error">{t('editor.findings.errors', { n: errors })}</span>}
      {warnings > 0 && <span class="badge badge-warning">{t('editor.findings.warnings', { n: warnings })}</span>}
    </span>
  );
}
