import { useState } from 'preact/hooks';
import type { FormData, FormDefinition } from '../../lib/forms/types';
import { t, type MessageKey } from '../../lib/i18n';
import { listRevisions, restoreRevision } from '../../lib/db/drafts';
import type { RevisionReason, RevisionRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { useLive } from '../../lib/ui/hooks';
import { diffData } from '../../lib/ui/diff';
import { Dialog } from '../ui/dialog';
import { formatDateTime } from '../ui/format';
import { errorText } from '../ui/error-text';
import { useToast } from '../ui/toast-context';
import { DiffTable } from './diff-table';

const reasonKey: Record<RevisionReason, MessageKey> = {
  create: 'editor.history.reason.create',
  autosave: 'editor.history.reason.autosave',
  restore: 'editor.history.reason.restore',
  import: 'editor.history.reason.import',
  conflict: 'editor.history.reason.conflict',
  rename: 'editor.history.reason.rename',
  duplicate: 'editor.history.reason.duplicate',
};

/** Revision history: pick a snapshot, see what differs from the current text, restore it (itself a new revision). */
export function RevisionsDialog(props: {
  open: boolean;
  onClose: () => void;
  form: FormDefinition;
  draftId: string;
  current: FormData;
  rev: number;
}) {
  const db = uiDb();
  const revisions = useLive(() => (props.open ? listRevisions(db, props.draftId) : []), [props.open, props.draftId]);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const chosen: RevisionRow | undefined = revisions?.find((r) => r.id === selected) ?? revisions?.[0];
  const changes = chosen ? diffData(props.current, chosen.data) : [];
  const restore = async () => {
    if (chosen?.id === undefined) return;
    setError(null);
    try {
      await restoreRevision(db, props.draftId, chosen.id);
      toast({ text: t('editor.history.restored', { rev: chosen.rev }) });
      props.onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog open={props.open} title={t('editor.history.title')} onClose={props.onClose} wide testId="history-dialog">
      <div class="history">
        <ol class="history-list" aria-label={t('editor.history.list')}>
          {revisions?.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                class={r === chosen ? 'history-item selected' : 'history-item'}
                aria-pressed={r === chosen}
                onClick={() => setSelected(r.id ?? null)}
              >
                <strong>{t('editor.history.rev', { rev: r.rev })}</strong> <span class="badge badge-muted">{t(reasonKey[r.reason])}</span>
                {r.rev === props.rev && <span class="badge badge-ok">{t('editor.history.current')}</span>}
                <span class="muted small block">{formatDateTime(r.savedAt)}</span>
              </button>
            </li>
          ))}
        </ol>
        <div class="history-preview">
          {chosen && (
            <>
              <h3>{t('editor.history.previewTitle', { rev: chosen.rev })}</h3>
              {changes.length === 0 ? (
                <p class="muted">{t('editor.history.same')}</p>
              ) : (
                <DiffTable
                  form={props.form}
                  changes={changes}
                  beforeCol={t('editor.history.nowCol')}
                  afterCol={t('editor.history.thenCol')}
                  limit={100}
                />
              )}
              {error && (
                <p class="banner banner-error" role="alert">
                  {error}
                </p>
              )}
              <div class="row">
                <span class="spacer" />
                <button type="button" class="btn btn-primary" disabled={changes.length === 0} onClick={restore}>
                  {t('editor.history.restore')}
                </button>
              </div>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
