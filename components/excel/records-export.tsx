import { useState } from 'preact/hooks';
import { listDrafts } from '../../lib/db/drafts';
import { exportRefused } from '../../lib/managed/read';
import { getForm } from '../../lib/forms/index';
import { t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { downloadBytes, safeFileName } from '../../lib/ui/download';
import { useLive } from '../../lib/ui/hooks';
import { errorText } from '../ui/error-text';
import { ErrorBanner } from '../ui/import-preview';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';
import { xlsx, XLSX_MIME } from './lazy-xlsx';

/** Degree records out: the chosen records as one workbook in the default layout. */
export function RecordsExport() {
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
