import { formIds, getForm } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import { exportAllowed } from '../../lib/managed/merge';
import { useManagedPolicy } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';

/**
 * The organisation's policy on the settings page: what it fixes (each marked 由管理员设置, nothing to change here), or
 * why it is not in force when the administrator's policy is invalid. Nothing is shown when there is no policy.
 */
export function ManagedPolicyCard() {
  const state = useManagedPolicy();
  if (!state || (!state.policy && !state.error)) return null;
  if (state.error) {
    return (
      <section class="card stack" aria-labelledby="managed-title" data-testid="managed-policy">
        <h2 id="managed-title">{t('managed.title')}</h2>
        <p class="banner banner-error" role="alert" data-testid="managed-invalid">
          {t('managed.invalid', { detail: pick(state.error) })}
        </p>
      </section>
    );
  }
  const policy = state.policy!;
  const rows: Array<[string, string, string]> = [
    ...formIds
      .filter((id) => id in policy.deadlines)
      .map((id): [string, string, string] => [
        `deadline-${id}`,
        t('managed.deadline', { form: pick(getForm(id).title) }),
        policy.deadlines[id] ?? t('managed.noDeadline'),
      ]),
    ...(policy.exportAllowed === undefined
      ? []
      : [
          ['export', t('managed.export'), exportAllowed(policy) ? t('managed.exportOn') : t('managed.disabled')] as [
            string,
            string,
            string,
          ],
        ]),
    ...(policy.siteAdapters.length
      ? [['adapters', t('managed.adapters'), policy.siteAdapters.map((a) => a.name).join('、')] as [string, string, string]]
      : []),
    ...Object.entries(policy.uploadPolicy).map(([pattern, p]): [string, string, string] => [
      `upload-${pattern}`,
      `${t('managed.uploadPolicy')} ${pattern}`,
      t(p === 'clear' ? 'pdf.checker.policyClear' : 'pdf.checker.policyWarn'),
    ]),
    ...(policy.referenceLists.length
      ? [
          ['reference', t('managed.referenceLists'), policy.referenceLists.map((l) => `${l.id} ${l.version}`).join('、')] as [
            string,
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <section class="card stack" aria-labelledby="managed-title" data-testid="managed-policy">
      <h2 id="managed-title">{t('managed.title')}</h2>
      <p class="muted small">{t('managed.intro')}</p>
      <dl class="stack-tight">
        {rows.map(([key, name, value]) => (
          <div key={key} class="row" data-managed={key}>
            <dt>{name}</dt>
            <dd>
              <output>{value}</output> <ManagedBadge kind="locked" />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
