import { useState } from 'preact/hooks';
import { forms, formIds, type FormId } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import { createDraft } from '../../lib/db/drafts';
import { uiDb } from '../../lib/ui/db';
import { Dialog } from '../ui/dialog';
import { errorText } from '../ui/error-text';
import { FormFooter, TitleField } from './title-form';

/**
 * Choose a form and a title, create the draft, then hand its id to `onCreated` (the options page opens it in the
 * editor; the popup opens an editor tab).
 */
export function NewDraftDialog(props: { open: boolean; onClose: () => void; onCreated?: (id: string) => void }) {
  const [formId, setFormId] = useState<FormId>(formIds[0]!);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const draft = await createDraft(uiDb(), forms[formId], { title: title.trim() || pick(forms[formId].title) });
      setTitle('');
      props.onClose();
      if (props.onCreated) props.onCreated(draft.id);
      else location.hash = `#/draft/${encodeURIComponent(draft.id)}`;
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} title={t('editor.new.title')} onClose={props.onClose} testId="new-draft-dialog">
      <form id="new-draft-form" onSubmit={submit} class="stack">
        <fieldset class="choices">
          <legend>{t('editor.new.form')}</legend>
          {formIds.map((id) => (
            <label key={id} class="choice">
              <input type="radio" name="formId" value={id} checked={formId === id} onChange={() => setFormId(id)} />
              <span>
                <strong>{pick(forms[id].title)}</strong>
                <span class="muted small block">{pick(forms[id].source)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TitleField id="new-draft-title" value={title} placeholder={pick(forms[formId].title)} onInput={setTitle} />
        <FormFooter error={error} submitLabel={t('editor.new.create')} busy={busy} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
