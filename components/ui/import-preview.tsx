import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

/**
 * The pieces every "import a file" card shares (drafts backup, Excel backup zip, spreadsheet import, reference lists):
 * a labelled file picker, an error banner, a preview with confirm/cancel, and a done banner. Each caller keeps its
 * own ids, data-testid values and message texts.
 */

/** A labelled file input. The picked file is handed over once and the input cleared, so the same file can be re-picked. */
export function FilePicker(props: {
  id: string;
  label: string;
  accept: string;
  testId: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) props.onFile(file);
  };
  return (
    <div class="row">
      <label for={props.id} class="field-label">
        {props.label}
      </label>
      <input
        id={props.id}
        class="file-input"
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        onChange={onChange}
        data-testid={props.testId}
      />
    </div>
  );
}

/** An import's refusal; `file` names the file it is about (so a refusal never seems to speak for the next file). */
export function ErrorBanner(props: { message: string; file?: string | undefined; testId?: string }) {
  return (
    <div class="banner banner-error" role="alert" data-testid={props.testId} data-file={props.file}>
      {props.message}
    </div>
  );
}

export function DoneBanner(props: { testId?: string; stack?: boolean; children: ComponentChildren }) {
  return (
    <div class={props.stack ? 'banner banner-info stack' : 'banner banner-info'} role="status" data-testid={props.testId}>
      {props.children}
    </div>
  );
}

/** The confirm (primary) and cancel buttons under an import preview. */
export function ConfirmCancel(props: { label: string; testId?: string; disabled?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div class="row">
      <button type="button" class="btn btn-primary" disabled={props.disabled} onClick={props.onConfirm} data-testid={props.testId}>
        {props.label}
      </button>
      <button type="button" class="btn" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** What an import would do (the caller's summary as children), then confirm/cancel. Nothing is written before confirm. */
export function ImportPreview(props: {
  testId: string;
  confirmLabel: string;
  confirmTestId?: string;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  return (
    <div class="banner banner-info stack" data-testid={props.testId}>
      {props.children}
      <ConfirmCancel
        label={props.confirmLabel}
        testId={props.confirmTestId}
        disabled={props.disabled}
        onConfirm={props.onConfirm}
        onCancel={props.onCancel}
      />
    </div>
  );
}
