import { useRef, useState } from 'preact/hooks';
import { loadOverrides } from '../../lib/db/reference-lists';
import { mergeReferenceLists } from '../../lib/managed/merge';
import { readManagedPolicy } from '../../lib/managed/read';
import { formIds, getForm } from '../../lib/forms/index';
import { pick, t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { fileBytes } from '../../lib/ui/download';
import { formatRoute } from '../../lib/ui/routes';
import type { ImportProgress, SheetImport } from '../../lib/xlsx/import';
import { saveImportedDrafts } from '../../lib/xlsx/store';
import { errorText } from '../ui/error-text';
import { ConfirmCancel, DoneBanner, ErrorBanner, FilePicker } from '../ui/import-preview';
import { ProgressBar } from '../ui/progress';
import { xlsx } from './lazy-xlsx';

/** The rule engine's reference lists (with the organisation's managed ones) load when a file is chosen. */
const checker = async () =>
  (await import('../../lib/xlsx/checker')).formChecker(
    mergeReferenceLists(await loadOverrides(uiDb()), (await readManagedPolicy()).policy),
  );
const ISSUES_SHOWN = 200;

type ImportPhase =
  | { name: 'idle' }
  | { name: 'busy'; file: string; progress: ImportProgress }
  | { name: 'report'; file: string; report: SheetImport }
  | { name: 'done'; ids: Array<{ id: string; title: string }>; skipped: number[] }
  | { name: 'cancelled' }
  | { name: 'error'; message: string };

/** Records and recommendation workbooks in: a report of every row, then all-or-nothing or clean rows only. */
export function SpreadsheetImport() {
  const db = uiDb();
  const [formId, setFormId] = useState('');
  const [cleanOnly, setCleanOnly] = useState(false);
  const [phase, setPhase] = useState<ImportPhase>({ name: 'idle' });
  const running = useRef<AbortController | null>(null);

  const onFile = async (file: File) => {
    const run = new AbortController();
    running.current = run;
    // A cancelled run may still be finishing a step in the background: it must not overwrite what the page shows.
    const show = (next: ImportPhase) => running.current === run && setPhase(next);
    show({ name: 'busy', file: file.name, progress: { stage: 'read' } });
    try {
      const [lib, check, bytes] = await Promise.all([xlsx(), checker(), fileBytes(file)]);
      if (run.signal.aborted) return;
      const r = await lib.importSpreadsheet(bytes, file.name, {
        check,
        ...(formId ? { formId } : {}),
        signal: run.signal,
        onProgress: (progress) => show({ name: 'busy', file: file.name, progress }),
      });
      show(r.ok ? { name: 'report', file: file.name, report: r.report } : { name: 'error', message: pick(r.error) });
    } catch (err) {
      show({ name: 'error', message: errorText(err) });
    }
  };

  /** Nothing is written before confirm, so cancelling only stops the reading and says so. */
  const cancel = () => {
    running.current?.abort();
    running.current = null;
    setPhase({ name: 'cancelled' });
  };

  const confirm = async (report: SheetImport) => {
    const { selectImport } = await xlsx();
    const chosen = selectImport(report, cleanOnly ? 'clean' : 'all');
    if (!chosen.ok) {
      // Nothing is written: the report stays on screen with the reason above it.
      setPhase({ name: 'error', message: pick(chosen.error) });
      return;
    }
    try {
      const ids = await saveImportedDrafts(db, chosen.selection);
      setPhase({
        name: 'done',
        ids: ids.map((id, i) => ({ id, title: chosen.selection.drafts[i]!.title })),
        skipped: chosen.selection.skippedRows,
      });
    } catch (err) {
      setPhase({ name: 'error', message: errorText(err) });
    }
  };

  return (
    <section class="card stack" aria-labelledby="excel-import-title" data-testid="excel-import">
      <h2 id="excel-import-title">{t('excel.import.title')}</h2>
      <p class="muted small">{t('excel.import.intro')}</p>
      <div class="row">
        <label for="excel-import-form" class="field-label">
          {t('excel.import.form')}
        </label>
        <select id="excel-import-form" value={formId} onChange={(e) => setFormId(e.currentTarget.value)}>
          <option value="">{t('excel.import.auto')}</option>
          {formIds.map((id) => (
            <option key={id} value={id}>
              {pick(getForm(id).title)}
            </option>
          ))}
        </select>
      </div>
      <FilePicker
        id="excel-import-file"
        label={t('excel.import.file')}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={phase.name === 'busy'}
        onFile={onFile}
        testId="excel-import-file"
      />
      {phase.name === 'busy' && (
        <ProgressBar
          testId="excel-import-progress"
          onCancel={cancel}
          {...(phase.progress.stage === 'check'
            ? {
                label: t('excel.import.checking', { file: phase.file, done: phase.progress.done, total: phase.progress.total }),
                done: phase.progress.done,
                total: phase.progress.total,
              }
            : { label: t('excel.import.reading', { file: phase.file }) })}
        />
      )}
      {phase.name === 'cancelled' && <DoneBanner testId="excel-import-cancelled">{t('excel.error.cancelled')}</DoneBanner>}
      {phase.name === 'error' && <ErrorBanner message={phase.message} testId="excel-import-error" />}
      {phase.name === 'report' && (
        <Report
          phase={phase}
          cleanOnly={cleanOnly}
          setCleanOnly={setCleanOnly}
          onConfirm={confirm}
          onCancel={() => setPhase({ name: 'idle' })}
        />
      )}
      {phase.name === 'done' && (
        <DoneBanner stack testId="excel-import-done">
          <span>{t('excel.import.done', { n: phase.ids.length })}</span>
          {phase.skipped.length > 0 && <span class="small">{t('excel.import.skipped', { rows: phase.skipped.join(', ') })}</span>}
          <ul class="plain small">
            {phase.ids.slice(0, 20).map((d) => (
              <li key={d.id}>
                <a href={formatRoute({ name: 'draft', draftId: d.id })}>{d.title}</a>
              </li>
            ))}
          </ul>
        </DoneBanner>
      )}
    </section>
  );
}

function Report(props: {
  phase: { file: string; report: SheetImport };
  cleanOnly: boolean;
  setCleanOnly: (v: boolean) => void;
  onConfirm: (r: SheetImport) => void;
  onCancel: () => void;
}) {
  const { report, file } = props.phase;
  const form = getForm(report.formId);
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const shown = report.issues.slice(0, ISSUES_SHOWN);
  return (
    <div class="stack" data-testid="excel-import-report" data-form={report.formId}>
      <p>
        {t('excel.import.summary', {
          file,
          form: form ? pick(form.title) : report.formId,
          sheet: report.sheet,
          row: report.headerRow,
          count: report.drafts.reduce((n, d) => n + Math.max(1, d.rows.length), 0),
          errors,
          warnings,
        })}
      </p>
      {report.unmapped.length > 0 && (
        <p class="small excel-unmapped">
          {t('excel.import.unmapped', { list: report.unmapped.map((c) => `${c.column}「${c.header}」`).join('、') })}
        </p>
      )}
      {report.issues.length === 0 ? (
        <p class="excel-ok">{t('excel.import.noIssues')}</p>
      ) : (
        <div class="excel-report-scroll">
          <table class="grid excel-report">
            <thead>
              <tr>
                <th scope="col">{t('excel.import.col.row')}</th>
                <th scope="col">{t('excel.import.col.column')}</th>
                <th scope="col">{t('excel.import.col.header')}</th>
                <th scope="col">{t('excel.import.col.value')}</th>
                <th scope="col">{t('excel.import.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i, n) => (
                <tr key={n} data-severity={i.severity} data-rule={i.ruleId}>
                  <td>{i.row ?? t('excel.import.wholeForm')}</td>
                  <td>{i.column ?? ''}</td>
                  <td>{i.header ?? ''}</td>
                  <td class="excel-value">{i.value}</td>
                  <td>
                    <span class={`badge ${i.severity === 'error' ? 'badge-error' : 'badge-warning'}`}>
                      {t(i.severity === 'error' ? 'common.error' : 'common.warning')}
                    </span>{' '}
                    {pick(i.message)}
                    {i.fix && <span class="muted small"> {pick(i.fix)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.issues.length > ISSUES_SHOWN && (
            <p class="muted small">{t('excel.import.moreIssues', { n: report.issues.length - ISSUES_SHOWN })}</p>
          )}
        </div>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={props.cleanOnly}
          onChange={(e) => props.setCleanOnly(e.currentTarget.checked)}
          data-testid="excel-import-clean"
        />{' '}
        {t('excel.import.cleanOnly')}
      </label>
      <ConfirmCancel
        label={t('excel.import.confirm')}
        testId="excel-import-confirm"
        onConfirm={() => props.onConfirm(report)}
        onCancel={props.onCancel}
      />
    </div>
  );
}
