import type { Finding } from '../../lib/rules/types';
import { pick, t } from '../../lib/i18n';

/** A finding as text: severity, message, how to fix, and the clause it comes from. */
export function FindingNote(props: { finding: Finding }) {
  const f = props.finding;
  return (
    <span class={`finding finding-${f.severity}`} data-rule={f.ruleId}>
      <span class={`badge badge-${f.severity}`}>{t(f.severity === 'error' ? 'common.error' : 'common.warning')}</span>{' '}
      <span class="finding-message">{pick(f.message)}</span>
      {f.fix && <span class="finding-fix">{t('editor.finding.fix', { fix: pick(f.fix) })}</span>}
      <span class="finding-clause">{t('editor.finding.clause', { clause: f.clause })}</span>
    </span>
  );
}
