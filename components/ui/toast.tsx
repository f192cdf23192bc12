import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
  /** Milliseconds before it goes away; an Undo toast stays long enough to be reached by keyboard. */
  timeoutMs?: number;
}

/** A polite live region at the bottom of the page; one message at a time. */
export function Toast(props: { toast: ToastMessage | null; onDismiss: () => void }) {
  const { toast, onDismiss } = props;
  useEffect(() => {
    if (!toast) return;
    const h = setTimeout(onDismiss, toast.timeoutMs ?? 6000);
    return () => clearTimeout(h);
  }, [toast, onDismiss]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="toast" data-testid="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              class="btn btn-small"
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
