import { useEffect, useState } from 'preact/hooks';
import { getForm } from '../../lib/forms';
import type { FormDefinition } from '../../lib/forms/types';
import { getDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { formatRoute } from '../../lib/ui/routes';
import { canPrint, printModel } from './model';
import { useOutgoingGate } from '../gate/outgoing-gate';
import { useFindings } from '../../lib/ui/use-findings';
import { countFindings } from '../../lib/rules';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';
import './print.css';

/** A link from the editor to the print view, for forms that have a paper layout. */
export function PrintLink(props: { draftId: string; form: FormDefinition }) {
  if (!canPrint(props.form)) return null;
  return (
    <a class="btn btn-small" data-testid="print-open" href={formatRoute({ name: 'print', draftId: props.draftId })}>
      {t('toolkit.print.open')}
    </a>
  );
}

/**
 * The draft laid out like the official paper form — title, header block, the table of schools, and the
 * `推荐单位（盖章）` block with room for a 4.2–6 cm seal — for printing, sealing and scanning. Print CSS hides the
 * application around it and sets A4 landscape.
 */
export function PrintView(props: { draftId: string }) {
  const [draft, setDraft] = useState<DraftRow | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    getDraft(uiDb(), props.draftId).then(
      (d) => live && setDraft(d && !d.deletedAt ? d : null),
      () => live && setDraft(null),
    );
    return () => {
      live = false;
    };
  }, [props.draftId]);
  if (draft === undefined) return <p class="page muted">{t('editor.loading')}</p>;
  const form = draft ? getForm(draft.formId) : undefined;
  if (!draft || !form || !canPrint(form))
    return (
      <div class="page">
        <div class="banner banner-error" role="alert">
          {draft ? t('editor.unknownForm', { formId: draft.formId }) : t('editor.missing')}
          <a href={formatRoute({ name: 'tab', tab: 'drafts' })}>{t('editor.backToList')}</a>
        </div>
      </div>
    );
  return <PrintSheet draft={draft} form={form} />;
}

function PrintSheet({ draft, form }: { draft: DraftRow; form: FormDefinition }) {
  const m = printModel(form, draft.data);
  // Printing is the last step before a seal: a draft with errors is printed only when the user chooses to go on.
  const gate = useOutgoingGate('print');
  const allowed = useExportAllowed();
  const counts = countFindings(useFindings(form, draft.data) ?? []);
  return (
    <div class="print-page" data-testid="print-view" data-draft-id={draft.id}>
      <div class="print-toolbar no-print">
        <a class="btn btn-small" href={formatRoute({ name: 'draft', draftId: draft.id })}>
          ← {t('toolkit.print.back')}
        </a>
        <button
          type="button"
          class="btn btn-small btn-primary"
          data-testid="print-now"
          disabled={!allowed}
          onClick={() => void gate.guard([draft], () => print())}
        >
          {t('toolkit.print.print')}
        </button>
        {!allowed && <ManagedBadge kind="disabled" />}
      </div>
      {counts.errors > 0 && (
        <div class="banner banner-error no-print" role="alert" data-testid="print-gate-banner">
          <span>{t('gate.banner', { errors: counts.errors, warnings: counts.warnings })}</span>{' '}
          <a href={formatRoute({ name: 'draft', draftId: draft.id })}>{t('gate.openEditor')}</a>
        </div>
      )}
      {gate.dialog}
      <article class="print-sheet" lang="zh-CN">
        {m.annex && (
          <p class="print-annex" data-testid="print-annex">
            {m.annex}
          </p>
        )}
        <h1 class="print-title" data-testid="print-title">
          {m.title}
        </h1>
        {m.header.length > 0 && (
          <dl class="print-header" data-testid="print-header">
            {m.header.map((h) => (
              <div key={h.key} data-key={h.key}>
                <dt>{h.label}：</dt>
                <dd>{h.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {m.grid.length > 0 && (
          <table class="print-grid" data-testid="print-grid">
            <tbody>
              {pairs(m.grid).map((row, i) => (
                <tr key={i}>
                  {row.map((c) => [
                    <th key={`${c.key}-l`} scope="row">
                      {c.label}
                    </th>,
                    <td key={`${c.key}-v`} data-key={c.key}>
                      {c.value}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {m.tables.map((tb) => (
          <table key={tb.key} class="print-table" data-testid="print-table" data-group={tb.key}>
            <thead>
              <tr>
                {tb.columns.map((c, i) => (
                  <th key={i} scope="col" data-key={i === 0 ? 'index' : tb.keys[i - 1]}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j} data-key={j === 0 ? 'index' : tb.keys[j - 1]}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        <footer class="print-signature" data-testid="print-signature">
          <div class="print-seal-area" data-testid="print-seal-area">
            <span class="print-seal-label">{m.signature}</span>
          </div>
          <div class="print-date" data-testid="print-date">
            {m.sealDate}
          </div>
        </footer>
      </article>
    </div>
  );
}

/** Two label/value pairs per grid row, like the paper record. */
function pairs<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}
