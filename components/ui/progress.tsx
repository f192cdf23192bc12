import { t } from '../../lib/i18n';

/**
 * Long work in progress (a large workbook, many PDFs): what is being done, a bar with the count when it is known
 * (indeterminate before that), and a Cancel button. The native <progress> is announced by screen readers; the text
 * beside it says the same in words.
 */
export function ProgressBar(props: { label: string; done?: number; total?: number; onCancel: () => void; testId?: string }) {
  const { done, total } = props;
  const known = done !== undefined && total !== undefined && total > 0;
  return (
    <div class="progress-row row" role="status" data-testid={props.testId}>
      <span class="progress-label">{props.label}</span>
      <progress aria-label={props.label} {...(known ? { value: done, max: total } : {})} />
      <button type="button" class="btn btn-small" onClick={props.onCancel} data-testid={props.testId && `${props.testId}-cancel`}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
