import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { renameDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../ui/errorText';

export function RenameDialog(props: { draft: Pick<DraftRow, 'id' | 'title'> | null; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTitle(props.draft?.title ?? '');
    setError(null);
  }, [props.draft]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!props.draft) return;
    try {
      await renameDraft(uiDb(), props.draft.id, title);
      props.onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Dialog open={!!props.draft} title={t('editor.rename.title')} onClose={props.onClose} testId="rename-dialog">
      <form onSubmit={submit} class="stack">
        <div class="field">
          <label for="rename-input" class="field-label">
            {t('editor.new.name')}
          </label>
          <input id="rename-input" value={title} onInput={(e) => setTitle(e.currentTarget.value)} autoFocus />
        </div>
        {error && (
          <p class="banner banner-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions flush">
          <button type="button" class="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
