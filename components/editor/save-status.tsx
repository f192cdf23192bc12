import type { AutosaveState } from '../../lib/db/autosave';
import type { Bilingual } from '../../lib/forms/types';
import { pick, t } from '../../lib/i18n';
import { formatTime } from '../ui/format';

/**
 * 已保存 / 保存中… / 保存失败 / 有冲突. Only failures and conflicts are announced to screen readers: "saving… saved"
 * on every keystroke would drown out everything else.
 */
export function SaveStatus(props: { state: AutosaveState; savedAt: number; error: Bilingual | null }) {
  const { state } = props;
  const text =
    state === 'saved'
      ? t('editor.save.saved', { time: formatTime(props.savedAt) })
      : state === 'conflict'
        ? t('editor.save.conflict')
        : state === 'error'
          ? t('editor.save.failed')
          : t('editor.save.saving');
  const announce = state === 'error' ? `${text} — ${props.error ? pick(props.error) : ''}` : state === 'conflict' ? text : '';
  return (
    <span class={`save-status save-${state}`} data-testid="save-status" data-state={state}>
      <span class="dot" aria-hidden="true" />
      {text}
      <span class="sr-only" aria-live="assertive">
        {announce}
      </span>
    </span>
  );
}
