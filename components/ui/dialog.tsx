import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

/**
 * A modal dialog on the native `<dialog>`: `showModal()` makes the rest of the page inert (focus stays inside) and
 * Esc fires `cancel`, which we route to `onClose` — unless the dialog demands a choice (`dismissible: false`).
 */
export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  actions?: ComponentChildren;
  dismissible?: boolean;
  wide?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement | null>(null);
  const dismissible = props.dismissible ?? true;
  // Before the browser paints or handles input: the content must never be on screen (or typed into) in a closed dialog.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (props.open && !el.open) el.showModal();
    if (!props.open && el.open) el.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      class={props.wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby="dialog-title"
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        if (dismissible) props.onClose();
      }}
    >
      {props.open && (
        <>
          <header class="dialog-head">
            <h2 id="dialog-title">{props.title}</h2>
            {dismissible && (
              <button type="button" class="icon-btn" aria-label={t('common.close')} onClick={props.onClose}>
                ×
              </button>
            )}
          </header>
          <div class="dialog-body">{props.children}</div>
          {props.actions && <footer class="dialog-actions">{props.actions}</footer>}
        </>
      )}
    </dialog>
  );
}
