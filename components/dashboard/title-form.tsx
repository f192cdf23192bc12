import { t } from '../../lib/i18n';

/** The draft-name field of the new-draft and rename dialogs. */
export function TitleField(props: { id: string; value: string; placeholder?: string; onInput: (value: string) => void }) {
  return (
    <div class="field">
      <label for={props.id} class="field-label">
        {t('editor.new.name')}
      </label>
      <input
        id={props.id}
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
