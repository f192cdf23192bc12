import { useState } from 'preact/hooks';
import type { FormDefinition } from '../../lib/forms/types';
import { pick, t } from '../../lib/i18n';
import type { Finding } from '../../lib/rules/types';
import { countFindings } from '../../lib/rules';
import { sortFindings } from '../../lib/ui/field-path';
import { focusFinding } from './focus-finding';
import { FindingNote } from './finding-note';
import { describePath } from './describe-path';

/** Findings listed at first; a draft of 200 schools can have hundreds, and each is a button to render. */
const LIST_LIMIT = 60;

/**
 * Every finding of the draft, errors first. Each is a button: activating it focuses the field it names (the first
 * that exists), scrolled into view.
 */
export function FindingsPanel(props: { form: FormDefinition; findings: Finding[]; checking?: boolean }) {
  const { form } = props;
  const all = sortFindings(props.findings);
  const counts = countFindings(all);
  // Empty required values are many in a new draft: summarised in one line so the real problems stay visible.
  const required = all.filter((f) => f.ruleId === 'field.required');
  const [showRequired, setShowRequired] = useState(false);
  const findings = showRequired ? all : all.filter((f) => f.ruleId !== 'field.required');
  const [limit, setLimit] = useState(LIST_LIMIT);
  const shown = findings.slice(0, limit);

  return (
    <section class="findings card" aria-labelledby="findings-title" data-testid="findings" aria-busy={props.checking ? 'true' : 'false'}>
      <header class="row">
        <h2 id="findings-title">{t('editor.findings.title')}</h2>
        <span class="spacer" />
        <span class="badge badge-error" data-testid="error-count">
          {t('editor.findings.errors', { n: counts.errors })}
        </span>
        <span class="badge badge-warning" data-testid="warning-count">
          {t('editor.findings.warnings', { n: counts.warnings })}
        </span>
      </header>
      {required.length > 0 && (
        <p class="required-summary row">
          <span>{t('editor.findings.required', { n: required.length })}</span>
          <button type="button" class="link-btn" aria-expanded={showRequired} onClick={() => setShowRequired(!showRequired)}>
            {showRequired ? t('editor.findings.hideRequired') : t('editor.findings.showRequired')}
          </button>
        </p>
      )}
      {props.checking ? (
        <p class="findings-none">{t('editor.findings.checking')}</p>
      ) : all.length === 0 ? (
        <p class="findings-none">{t('editor.findings.none')}</p>
      ) : (
        <ol class="findings-list">
          {shown.map((f, i) => (
            <li key={`${f.ruleId}-${f.fields.join(',')}-${i}`}>
              <button type="button" class="finding-btn" onClick={() => focusFinding(f)}>
                <span class="finding-where">{f.fields.map((p) => describePath(form, p)).join(' / ') || pick(form.title)}</span>
                <FindingNote finding={f} />
              </button>
            </li>
          ))}
        </ol>
      )}
      {findings.length > shown.length && (
        <button type="button" class="btn btn-small more" onClick={() => setLimit(Infinity)}>
          {t('editor.findings.showAll', { n: findings.length })}
        </button>
      )}
    </section>
  );
}
