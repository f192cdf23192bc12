import { useState } from 'preact/hooks';
import { applyImport, backupFileName, exportBackup, previewImport, type ImportPlan } from '../../lib/backup/backup';
import { exportRefused } from '../../lib/managed/read';
import { pick, t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { downloadBytes, fileBytes } from '../../lib/ui/download';
import { errorText } from '../ui/error-text';
import { DoneBanner, ErrorBanner, FilePicker, ImportPreview } from '../ui/import-preview';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';
import { xlsx } from './lazy-xlsx';

type BackupPhase =
  | { name: 'idle' }
  | { name: 'busy' }
  | { name: 'preview'; plan: ImportPlan; file: string }
  | { name: 'done'; plan: ImportPlan }
  | { name: 'error'; message: string };
/** The admin backup: every draft as backup.json plus one workbook each, and the zip imported back. */
export function BackupZip() {
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
