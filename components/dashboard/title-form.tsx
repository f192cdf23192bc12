import { useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

/** The draft-name field of the new-draft and rename dialogs. */
export function TitleField(props: {
  id: string;
  value: string;
  placeholder?: string;
  /** Renaming: the whole old title is selected when the field opens, so typing replaces it (as in a file manager). */
  selectOnFocus?: boolean;
  onInput: (value: string) => void;
}) {
  // Only the first focus (the dialog opening): selecting again later would select what the user is typing.
  const selected = useRef(!props.selectOnFocus);
  return (
    <div class="field">
      <label for={props.id} class="field-label">
        {t('editor.new.name')}
      </label>
      <input
        id={props.id}
        onFocus={(e) => {
          if (selected.current) return;
          selected.current = true;
          e.currentTarget.select();
        }}
        autoFocus
        value={props.value}
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** The error (if any) and cancel/submit buttons at the foot of a dialog's form. */
export function FormFooter(props: { error: string | null; submitLabel: string; busy?: boolean; onCancel: () => void }) {
  return (
    <>
      {props.error && (
        <p class="banner banner-error" role="alert">
          {props.error}
        </p>
      )}
      <div class="dialog-actions flush">
        <button type="button" class="btn" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
