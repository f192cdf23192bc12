import { t } from '../../lib/i18n';

/**
 * Beside a setting the organisation's policy fixes ("由管理员设置") or an action it forbids ("由管理员禁用"). Render
 * only when it applies.
 */
export function ManagedBadge({ kind }: { kind: 'locked' | 'disabled' }) {
  return (
    <span class="badge badge-muted" data-testid={`managed-${kind}`}>
      {t(kind === 'locked' ? 'managed.locked' : 'managed.disabled')}
    </span>
  );
}
