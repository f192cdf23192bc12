import { useState } from 'preact/hooks';
import { applyImport, backupFileName, exportBackup, previewImport, type ImportPlan } from '../../lib/backup/backup';
import { SEALED_ZIP_EXTENSION, sealBackupZip } from '../../lib/backup/sealed';
import { exportRefused } from '../../lib/managed/read';
import { pick, t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { downloadBytes, downloadText, fileBytes } from '../../lib/ui/download';
import { errorText } from '../ui/error-text';
import { DoneBanner, ErrorBanner, FilePicker, ImportPreview } from '../ui/import-preview';
import { PassphraseForm } from '../ui/passphrase-fields';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';
import { xlsx } from './lazy-xlsx';

type BackupPhase =
  | { name: 'idle' }
  | { name: 'busy' }
  | { name: 'ask'; text: string; file: string; error?: string }
  | { name: 'preview'; plan: ImportPlan; file: string }
  | { name: 'done'; plan: ImportPlan }
  | { name: 'error'; message: string; file?: string };

/**
 * The admin backup: every draft as backup.json plus one workbook each, and the zip imported back. With a passphrase
 * (the default while drafts are encrypted here) the zip leaves sealed in lib/backup/sealed.ts's container, as a
 * `.gyenc` file holding only ciphertext; importing one asks for its passphrase and writes nothing until it opens.
 */
export function BackupZip() {
  const db = uiDb();
  const [phase, setPhase] = useState<BackupPhase>({ name: 'idle' });
  const [protect, setProtect] = useState(() => db.keyring.status() === 'unlocked');
  const allowed = useExportAllowed();
  const busy = phase.name === 'busy';
  const doExport = async (passphrase?: string) => {
    setPhase({ name: 'busy' });
    try {
      if (await exportRefused()) return setPhase({ name: 'error', message: t('managed.exportRefused') });
      const { buildBackupZip } = await xlsx();
      const zip = await buildBackupZip(await exportBackup(db, { includeRevisions: true }));
      const name = backupFileName().replace(/\.json$/, passphrase === undefined ? '.zip' : SEALED_ZIP_EXTENSION);
      // Not a JSON or zip MIME type: the browser must keep the name's extension as it is.
      if (passphrase === undefined) downloadBytes(name, zip, 'application/zip');
      else downloadText(name, await sealBackupZip(zip, passphrase), 'application/octet-stream');
      setPhase({ name: 'idle' });
    } catch (e) {
      setPhase({ name: 'error', message: errorText(e) });
    }
  };
  /** Preview a backup's text (a zip's backup.json, or a plain or protected file); ask for the passphrase if protected. */
  const preview = async (text: string, file: string, passphrase?: string) => {
    setPhase({ name: 'busy' });
    try {
      const { zipReader } = await xlsx();
      const result = await previewImport(db, text, { readZip: zipReader, ...(passphrase === undefined ? {} : { passphrase }) });
      if (result.ok) setPhase({ name: 'preview', plan: result.plan, file });
      else if (result.needsPassphrase)
        setPhase({ name: 'ask', text, file, ...(passphrase === undefined ? {} : { error: pick(result.error) }) });
      else setPhase({ name: 'error', message: pick(result.error), file });
    } catch (err) {
      setPhase({ name: 'error', message: errorText(err), file });
    }
  };
  const onFile = async (file: File) => {
    setPhase({ name: 'busy' });
    try {
      const bytes = await fileBytes(file);
      const { readBackupFile } = await xlsx();
      const { attempt } = await import('../../lib/xlsx/errors');
      const text = await attempt(() => ({ json: readBackupFile(bytes) }));
      if (!text.ok) return setPhase({ name: 'error', message: pick(text.error), file: file.name });
      await preview(text.json, file.name);
    } catch (err) {
      setPhase({ name: 'error', message: errorText(err), file: file.name });
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
        {!protect && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy || !allowed}
            onClick={() => doExport()}
            data-testid="excel-backup-export"
          >
            {t('excel.backup.export')}
          </button>
        )}
        {!allowed && <ManagedBadge kind="disabled" />}
        <label class="check">
          <input
            type="checkbox"
            checked={protect}
            onChange={(e) => setProtect(e.currentTarget.checked)}
            data-testid="excel-backup-protect"
          />{' '}
          {t('vault.backup.protect')}
        </label>
      </div>
      {protect && (
        <>
          <p class="muted small" data-testid="excel-backup-sealed-note">
            {t('excel.backup.sealedNote')}
          </p>
          <p class="muted small">{t('vault.passphraseHint')}</p>
          <PassphraseForm
            idPrefix="excel-backup-export"
            mode="new"
            submitLabel={t('excel.backup.exportSealed')}
            disabled={busy || !allowed}
            onSubmit={(passphrase) => void doExport(passphrase)}
          />
        </>
      )}
      <FilePicker
        id="excel-backup-file"
        label={t('excel.backup.import')}
        accept={`.zip,${SEALED_ZIP_EXTENSION},.json,application/zip,application/json`}
        disabled={busy}
        onFile={onFile}
        testId="excel-backup-file"
      />
      {phase.name === 'error' && <ErrorBanner message={phase.message} file={phase.file} testId="excel-backup-error" />}
      {phase.name === 'ask' && (
        <div class="stack" data-testid="excel-backup-ask">
          <p role="status">{t('vault.backup.needsPassphrase')}</p>
          {phase.error && <ErrorBanner message={phase.error} file={phase.file} testId="excel-backup-error" />}
          <PassphraseForm
            idPrefix="excel-backup-import"
            mode="existing"
            submitLabel={t('vault.backup.open')}
            onSubmit={(passphrase) => void preview(phase.text, phase.file, passphrase)}
            onCancel={() => setPhase({ name: 'idle' })}
          />
        </div>
      )}
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
