import type { AutosaveState } from '../../lib/db/autosave';
import type { Bilingual } from '../../lib/forms/types';
import { pick, t } from '../../lib/i18n';
import { formatTime } from '../ui/format';

/** 已保存 / 保存中… / 保存失败 + reason / 有冲突 — a polite live region, so screen readers hear failures. */
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
  return (
    <span class={`save-status save-${state}`} role="status" aria-live="polite" data-testid="save-status" data-state={state}>
      <span class="dot" aria-hidden="true" />
      {text}
      {state === 'error' && props.error && <span class="sr-only">{pick(props.error)}</span>}
    </span>
  );
}
