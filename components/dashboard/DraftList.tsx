import { useState } from 'preact/hooks';
import { forms, formIds, getForm } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import { archiveDraft, deleteDraft, duplicateDraft, listDrafts, unarchiveDraft, undoDeleteDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { useLive } from '../../lib/ui/hooks';
import { formatRoute } from '../../lib/ui/routes';
import { filledCount } from '../../lib/ui/formData';
import { formatDateTime } from '../ui/format';
import { useToast } from '../ui/toastContext';
import { NewDraftDialog } from './NewDraftDialog';
import { RenameDialog } from './RenameDialog';
import { errorText } from '../ui/errorText';

/** The dashboard's draft list: search, form filter, archived toggle, and every per-draft action. */
export function DraftList() {
  const db = uiDb();
  const [search, setSearch] = useState('');
  const [formId, setFormId] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<DraftRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const drafts = useLive(
    () => listDrafts(db, { search, formId: formId || undefined, includeArchived: showArchived }),
    [search, formId, showArchived],
  );

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
        <h1>{t('editor.list.title')}</h1>
        <span class="spacer" />
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
        <label class="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />{' '}
          {t('editor.list.showArchived')}
        </label>
      </div>
      {error && (
        <div class="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {drafts === undefined ? (
        <p class="muted">{t('editor.loading')}</p>
      ) : drafts.length === 0 ? (
        <div class="card empty">
          <p>{search || formId ? t('editor.list.noMatch') : t('editor.list.empty')}</p>
        </div>
      ) : (
        <ul class="draft-list" data-testid="draft-list">
          {drafts.map((d) => {
            const form = getForm(d.formId);
            const progress = form ? filledCount(form, d.data) : null;
            return (
              <li key={d.id} class="draft-item card" data-draft-id={d.id}>
                <div class="draft-main">
                  <a class="draft-title" href={formatRoute({ name: 'draft', draftId: d.id })}>
                    {d.title}
                  </a>
                  <div class="muted small">
                    {form ? pick(form.title) : d.formId} · {t('editor.list.updated', { when: formatDateTime(d.updatedAt) })}
                    {progress && ` · ${t('editor.list.progress', progress)}`}
                  </div>
                </div>
                {d.archived === 1 && <span class="badge badge-muted">{t('editor.list.archivedBadge')}</span>}
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
              </li>
            );
          })}
        </ul>
      )}
      <NewDraftDialog open={creating} onClose={() => setCreating(false)} />
      <RenameDialog draft={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
