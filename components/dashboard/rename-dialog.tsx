import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { renameDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { Dialog } from '../ui/dialog';
import { errorText } from '../ui/error-text';
import { FormFooter, TitleField } from './title-form';

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
        <TitleField id="rename-input" value={title} onInput={setTitle} />
        <FormFooter error={error} submitLabel={t('common.save')} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
