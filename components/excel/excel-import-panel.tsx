import { useState } from 'preact/hooks';
import { applyImport, backupFileName, exportBackup, previewImport, type ImportPlan } from '../../lib/backup/backup';
import { listDrafts } from '../../lib/db/drafts';
import { loadOverrides } from '../../lib/db/reference-lists';
import { mergeReferenceLists } from '../../lib/managed/merge';
import { exportRefused, readManagedPolicy } from '../../lib/managed/read';
import { formIds, getForm } from '../../lib/forms/index';
import { pick, t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { downloadBytes, fileBytes, safeFileName } from '../../lib/ui/download';
import { useLive, useLocale } from '../../lib/ui/hooks';
import { formatRoute } from '../../lib/ui/routes';
import type { SheetImport } from '../../lib/xlsx/import';
import { saveImportedDrafts } from '../../lib/xlsx/store';
import { errorText } from '../ui/error-text';
import { ConfirmCancel, DoneBanner, ErrorBanner, FilePicker, ImportPreview } from '../ui/import-preview';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';
import './excel.css';

/** ExcelJS and the rule engine's reference lists load when a file is chosen, not with the dashboard. */
const xlsx = () => import('../../lib/xlsx');
const checker = async () =>
  (await import('../../lib/xlsx/checker')).formChecker(
    mergeReferenceLists(await loadOverrides(uiDb()), (await readManagedPolicy()).policy),
  );
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ISSUES_SHOWN = 200;

type ImportPhase =
  | { name: 'idle' }
  | { name: 'busy'; file: string }
  | { name: 'report'; file: string; report: SheetImport }
  | { name: 'done'; ids: Array<{ id: string; title: string }>; skipped: number[] }
  | { name: 'error'; message: string };

/** The dashboard's Excel tab: records and recommendation workbooks in, degree records out, the admin backup zip. */
export function ExcelImportPanel() {
  useLocale();
  return (
    <div class="excel-import stack">
      <SpreadsheetImport />
      <RecordsExport />
      <BackupZip />
    </div>
  );
}

function SpreadsheetImport() {
  const db = uiDb();
  const [formId, setFormId] = useState('');
  const [cleanOnly, setCleanOnly] = useState(false);
  const [phase, setPhase] = useState<ImportPhase>({ name: 'idle' });

  const onFile = async (file: File) => {
    setPhase({ name: 'busy', file: file.name });
    try {
      const [lib, check, bytes] = await Promise.all([xlsx(), checker(), fileBytes(file)]);
      const r = await lib.importSpreadsheet(bytes, file.name, { check, ...(formId ? { formId } : {}) });
      setPhase(r.ok ? { name: 'report', file: file.name, report: r.report } : { name: 'error', message: pick(r.error) });
    } catch (err) {
      setPhase({ name: 'error', message: errorText(err) });
    }
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
      {phase.name === 'busy' && <p class="muted">{t('excel.import.reading', { file: phase.file })}</p>}
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

function RecordsExport() {
  const db = uiDb();
  const drafts = useLive(() => listDrafts(db, { formId: 'degreeRecord' }), []);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allowed = useExportAllowed();
  const [error, setError] = useState('');
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const doExport = async () => {
    setError('');
    try {
      if (await exportRefused()) return setError(t('managed.exportRefused'));
      const chosen = (drafts ?? []).filter((d) => selected.has(d.id));
      const { exportFormXlsx } = await xlsx();
      const bytes = await exportFormXlsx(
        getForm('degreeRecord'),
        chosen.map((d) => d.data),
      );
      downloadBytes(safeFileName(t('excel.records.file'), 'xlsx'), bytes, XLSX_MIME);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section class="card stack" aria-labelledby="excel-records-title" data-testid="excel-records">
      <h2 id="excel-records-title">{t('excel.records.title')}</h2>
      <p class="muted small">{t('excel.records.intro')}</p>
      {drafts && drafts.length === 0 && <p class="muted">{t('excel.records.none')}</p>}
      {drafts && drafts.length > 0 && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={selected.size === drafts.length}
              onChange={(e) => setSelected(e.currentTarget.checked ? new Set(drafts.map((d) => d.id)) : new Set())}
            />{' '}
            {t('excel.records.all')}
          </label>
          <ul class="plain excel-record-list">
            {drafts.map((d) => (
              <li key={d.id}>
                <label class="check">
                  <input type="checkbox" checked={selected.has(d.id)} onChange={() => toggle(d.id)} /> {d.title}
                </label>
              </li>
            ))}
          </ul>
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              disabled={selected.size === 0 || !allowed}
              onClick={doExport}
              data-testid="excel-records-export"
            >
              {t('excel.records.export', { n: selected.size })}
            </button>
            {!allowed && <ManagedBadge kind="disabled" />}
          </div>
        </>
      )}
      {error && <ErrorBanner message={error} />}
    </section>
  );
}

type BackupPhase =
  | { name: 'idle' }
  | { name: 'busy' }
  | { name: 'preview'; plan: ImportPlan; file: string }
  | { name: 'done'; plan: ImportPlan }
  | { name: 'error'; message: string };

function BackupZip() {
  const db = uiDb();
  const [phase, setPhase] = useState<BackupPhase>({ name: 'idle' });
  const allowed = useExportAllowed();
  const doExport = async () => {
    setPhase({ name: 'busy' });
    try {
      if (await exportRefused()) return setPhase({ name: 'error', message: t('managed.exportRefused') });
      const { buildBackupZip } = await xlsx();
      const zip = await buildBackupZip(await exportBackup(db, { includeRevisions: true }));
      downloadBytes(backupFileName().replace(/\.json$/, '.zip'), zip, 'application/zip');
      setPhase({ name: 'idle' });
    } catch (e) {
      setPhase({ name: 'error', message: errorText(e) });
    }
  };
  const onFile = async (file: File) => {
    setPhase({ name: 'busy' });
    try {
      const bytes = await fileBytes(file);
      const { readBackupFile } = await xlsx();
      const { attempt } = await import('../../lib/xlsx/errors');
      const text = await attempt(() => ({ json: readBackupFile(bytes) }));
      if (!text.ok) return setPhase({ name: 'error', message: pick(text.error) });
      const preview = await previewImport(db, text.json);
      setPhase(preview.ok ? { name: 'preview', plan: preview.plan, file: file.name } : { name: 'error', message: pick(preview.error) });
    } catch (err) {
      setPhase({ name: 'error', message: errorText(err) });
    }
  };
  const confirm = async (plan: ImportPlan) => {
    setPhase({ name: 'busy' });
    const r = await applyImport(db, plan);
    setPhase(r.ok ? { name: 'done', plan: r.plan } : { name: 'error', message: pick(r.error) });
  };
  return (
    <section class="card stack" aria-labelledby="excel-backup-title" data-testid="excel-backup">
      <h2 id="excel-backup-title">{t('excel.backup.title')}</h2>
      <p class="muted small">{t('excel.backup.intro')}</p>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={phase.name === 'busy' || !allowed}
          onClick={doExport}
          data-testid="excel-backup-export"
        >
          {t('excel.backup.export')}
        </button>
        {!allowed && <ManagedBadge kind="disabled" />}
      </div>
      <FilePicker
        id="excel-backup-file"
        label={t('excel.backup.import')}
        accept=".zip,.json,application/zip,application/json"
        disabled={phase.name === 'busy'}
        onFile={onFile}
        testId="excel-backup-file"
      />
      {phase.name === 'error' && <ErrorBanner message={phase.message} testId="excel-backup-error" />}
      {phase.name === 'preview' && (
        <ImportPreview
          testId="excel-backup-preview"
          confirmLabel={t('excel.backup.confirm')}
          confirmTestId="excel-backup-confirm"
          onConfirm={() => confirm(phase.plan)}
          onCancel={() => setPhase({ name: 'idle' })}
        >
          <span>
            {t('excel.backup.preview', {
              file: phase.file,
              new: phase.plan.new.length,
              changed: phase.plan.changed.length,
              same: phase.plan.same.length,
            })}
          </span>
        </ImportPreview>
      )}
      {phase.name === 'done' && (
        <DoneBanner testId="excel-backup-done">
          {t('excel.backup.done', { added: phase.plan.new.length, updated: phase.plan.changed.length })}
        </DoneBanner>
      )}
    </section>
  );
}
