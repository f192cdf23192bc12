import { useState } from 'preact/hooks';
import { pick, t } from '../../lib/i18n';
import { applyImport, backupFileName, backupToJson, exportBackup, previewImport, type ImportPlan } from '../../lib/backup/backup';
import { uiDb } from '../../lib/ui/db';
import { downloadText } from '../../lib/ui/download';
import { errorText } from '../ui/error-text';
import { DoneBanner, ErrorBanner, FilePicker, ImportPreview } from '../ui/import-preview';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { exportRefused } from '../../lib/managed/read';
import { ManagedBadge } from '../ui/managed-badge';
import { PassphraseForm } from '../ui/passphrase-fields';
import { sealBackupJson } from '../../lib/backup/sealed';

type Phase =
  | { name: 'idle' }
  | { name: 'ask'; bytes: Uint8Array; file: string; error?: string }
  | { name: 'preview'; plan: ImportPlan; file: string }
  | { name: 'done'; plan: ImportPlan }
  | { name: 'error'; message: string; file?: string };

/**
 * Export every local draft (optionally with history) as one JSON file; import one back after a preview of what is
 * new, changed and unchanged. A file that does not validate is refused whole with its reason; nothing is written.
 */
export function BackupPanel() {
  const db = uiDb();
  const [withHistory, setWithHistory] = useState(true);
  // With drafts encrypted here, a backup leaves protected unless the user unticks it.
  const [protect, setProtect] = useState(() => db.keyring.status() === 'unlocked');
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [busy, setBusy] = useState(false);
  const allowed = useExportAllowed();

  const doExport = async (passphrase?: string) => {
    setBusy(true);
    try {
      if (await exportRefused()) return setPhase({ name: 'error', message: t('managed.exportRefused') });
      const json = backupToJson(await exportBackup(db, { includeRevisions: withHistory }));
      // A protected backup is the same JSON sealed with the passphrase (lib/backup/sealed.ts).
      downloadText(backupFileName(), passphrase === undefined ? json : await sealBackupJson(json, passphrase));
    } catch (e) {
      setPhase({ name: 'error', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const preview = async (bytes: Uint8Array, file: string, passphrase?: string) => {
    setBusy(true);
    try {
      const result = await previewImport(db, bytes, passphrase === undefined ? {} : { passphrase });
      if (result.ok) setPhase({ name: 'preview', plan: result.plan, file });
      // A protected backup: ask for its passphrase (again, after a wrong one), nothing written meanwhile.
      else if (result.needsPassphrase)
        setPhase({ name: 'ask', bytes, file, ...(passphrase === undefined ? {} : { error: pick(result.error) }) });
      else setPhase({ name: 'error', message: pick(result.error), file });
    } catch (err) {
      setPhase({ name: 'error', message: errorText(err), file });
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (file: File) => {
    // What was said about the previous file must not stand while this one is read.
    setPhase({ name: 'idle' });
    return preview(new Uint8Array(await file.arrayBuffer()), file.name);
  };
  const confirm = async (plan: ImportPlan) => {
    setBusy(true);
    try {
      const result = await applyImport(db, plan);
      setPhase(result.ok ? { name: 'done', plan: result.plan } : { name: 'error', message: pick(result.error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack" aria-labelledby="backup-title" data-testid="backup">
      <h2 id="backup-title">{t('editor.backup.title')}</h2>
      <p class="muted small">{t('editor.backup.intro')}</p>
      <div class="row">
        {!protect && (
          <button type="button" class="btn btn-primary" disabled={busy || !allowed} onClick={() => doExport()} data-testid="backup-export">
            {t('editor.backup.export')}
          </button>
        )}
        {!allowed && <ManagedBadge kind="disabled" />}
        <label class="check">
          <input type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.currentTarget.checked)} />{' '}
          {t('editor.backup.withHistory')}
        </label>
        <label class="check">
          <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.currentTarget.checked)} data-testid="backup-protect" />{' '}
          {t('vault.backup.protect')}
        </label>
      </div>
      {protect && (
        <>
          <p class="muted small">{t('vault.passphraseHint')}</p>
          <PassphraseForm
            idPrefix="backup-export"
            mode="new"
            submitLabel={t('editor.backup.export')}
            disabled={busy || !allowed}
            onSubmit={(passphrase) => void doExport(passphrase)}
          />
        </>
      )}
      <FilePicker
        id="backup-file"
        label={t('editor.backup.import')}
        accept=".json,application/json"
        disabled={busy}
        onFile={onFile}
        testId="backup-file"
      />
      {phase.name === 'error' && <ErrorBanner message={phase.message} file={phase.file} testId="backup-error" />}
      {phase.name === 'ask' && (
        <div class="stack" data-testid="backup-ask">
          <p role="status">{t('vault.backup.needsPassphrase')}</p>
          {phase.error && <ErrorBanner message={phase.error} testId="backup-error" />}
          <PassphraseForm
            idPrefix="backup-import"
            mode="existing"
            submitLabel={t('vault.backup.open')}
            disabled={busy}
            onSubmit={(passphrase) => void preview(phase.bytes, phase.file, passphrase)}
            onCancel={() => setPhase({ name: 'idle' })}
          />
        </div>
      )}
      {phase.name === 'preview' && (
        <ImportPreview
          testId="backup-preview"
          confirmLabel={t('editor.backup.confirm')}
          confirmTestId="backup-confirm"
          disabled={busy}
          onConfirm={() => confirm(phase.plan)}
          onCancel={() => setPhase({ name: 'idle' })}
        >
          <strong>{t('editor.backup.previewTitle', { file: phase.file })}</strong>
          <div class="preview-counts">
            <span class="badge badge-ok">{t('editor.backup.new', { n: phase.plan.new.length })}</span>
            <span class="badge badge-warning">{t('editor.backup.changed', { n: phase.plan.changed.length })}</span>
            <span class="badge badge-muted">{t('editor.backup.same', { n: phase.plan.same.length })}</span>
          </div>
          {[...phase.plan.new, ...phase.plan.changed].length > 0 && (
            <ul class="plain small">
              {phase.plan.new.map((d) => (
                <li key={d.id}>{t('editor.backup.itemNew', { title: d.title })}</li>
              ))}
              {phase.plan.changed.map((d) => (
                <li key={d.id}>{t('editor.backup.itemChanged', { title: d.title })}</li>
              ))}
            </ul>
          )}
          <p class="small">{t('editor.backup.changedNote')}</p>
        </ImportPreview>
      )}
      {phase.name === 'done' && (
        <DoneBanner testId="backup-done">
          {t('editor.backup.done', { added: phase.plan.new.length, updated: phase.plan.changed.length })}
        </DoneBanner>
      )}
    </section>
  );
}
