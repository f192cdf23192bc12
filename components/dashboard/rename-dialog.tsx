import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { renameDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { Dialog } from '../ui/dialog';
import { errorText } from '../ui/error-text';
import { FormFooter, TitleField } from './title-form';

type Target = Pick<DraftRow, 'id' | 'title'>;

export function RenameDialog(props: { draft: Target | null; onClose: () => void }) {
  return (
    <Dialog open={!!props.draft} title={t('editor.rename.title')} onClose={props.onClose} testId="rename-dialog">
      {/* Keyed by draft: the field starts from that draft's title, and nothing resets it while the user types (callers
          may pass a fresh object on every render, and the list re-renders on every database change). */}
      {props.draft && <RenameForm key={props.draft.id} draft={props.draft} onClose={props.onClose} />}
    </Dialog>
  );
}

function RenameForm(props: { draft: Target; onClose: () => void }) {
  const [title, setTitle] = useState(props.draft.title);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await renameDraft(uiDb(), props.draft.id, title);
      props.onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form onSubmit={submit} class="stack">
      <TitleField id="rename-input" value={title} onInput={setTitle} selectOnFocus />
      <FormFooter error={error} submitLabel={t('common.save')} onCancel={props.onClose} />
    </form>
  );
}
