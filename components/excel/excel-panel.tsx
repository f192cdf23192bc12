import { useState } from 'preact/hooks';
import { getForm } from '../../lib/forms/index';
import { pick, t } from '../../lib/i18n';
import { getDraft } from '../../lib/db/drafts';
import { uiDb } from '../../lib/ui/db';
import { downloadBytes, fileBytes, safeFileName } from '../../lib/ui/download';
import { useLive, useLocale } from '../../lib/ui/hooks';
import { deleteTemplate, getTemplate, saveTemplate } from '../../lib/xlsx/store';
import { errorText } from '../ui/error-text';
import { useOutgoingGate, type CheckedDraft } from '../gate/outgoing-gate';
import { focusFinding } from '../editor/focus-finding';
import { errorNotes } from '../../lib/xlsx/notes';
import { useExportAllowed } from '../../lib/managed/use-policy';
import { ManagedBadge } from '../ui/managed-badge';
import { xlsx, XLSX_MIME } from './lazy-xlsx';
import './excel.css';

/** ExcelJS (~1 MB) loads when a button is used, not with the editor. */

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

/** Excel for the draft open in the editor: the official layout, and the official template loaded once and reused. */
export function ExcelPanel({ draftId }: { draftId: string }) {
  useLocale();
  const db = uiDb();
  const draft = useLive(() => getDraft(db, draftId), [draftId]);
  const form = draft ? getForm(draft.formId) : undefined;
  const template = useLive(() => (draft ? getTemplate(db, draft.formId) : undefined), [draft?.formId]);
  const [layout, setLayout] = useState<{ sheet: string; headerRow: number; found: number; unmapped: string[] } | null>(null);
  const [codes, setCodes] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const gate = useOutgoingGate('export', focusFinding);
  const allowed = useExportAllowed();
  if (!draft || !form) return null;
  const busy = status.kind === 'busy';

  const run = async (work: () => Promise<Status>) => {
    setStatus({ kind: 'busy' });
    try {
      setStatus(await work());
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    }
  };

  /** Checks the draft as stored now (the editor saves within a moment of the last keystroke), then exports. */
  const gated = async (exportIt: (c: CheckedDraft) => Promise<Status>) => {
    const row = (await getDraft(db, draftId)) ?? draft;
    await gate.guard([row], ([c]) => c && run(() => exportIt(c)));
  };
  const notesOf = (c: CheckedDraft) => (c.findings.some((f) => f.severity === 'error') ? { notes: [errorNotes(c.findings)] } : {});

  const exportLayout = () =>
    gated(async (c) => {
      const row = c.draft;
      const bytes = await (await xlsx()).exportFormXlsx(form, [row.data], { headers: codes ? 'codes' : 'labels', ...notesOf(c) });
      const name = safeFileName(row.title, 'xlsx');
      downloadBytes(name, bytes, XLSX_MIME);
      return { kind: 'ok', text: t('excel.panel.exported', { file: name }) };
    });

  const loadTemplate = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void run(async () => {
      const bytes = await fileBytes(file);
      const r = await (await xlsx()).inspectTemplate(bytes, form.id);
      if (!r.ok) return { kind: 'error', text: pick(r.error) };
      await saveTemplate(db, form.id, file.name, bytes);
      setLayout({
        sheet: r.layout.sheet,
        headerRow: r.layout.headerRow,
        found: Object.keys(r.layout.columns).length,
        unmapped: r.layout.unmapped,
      });
      return { kind: 'ok', text: t('excel.panel.templateSaved') };
    });
  };

  const exportTemplate = () =>
    gated(async (c) => {
      const tpl = await getTemplate(db, form.id);
      if (!tpl) return { kind: 'error', text: t('excel.panel.noTemplate') };
      const row = c.draft;
      const r = await (await xlsx()).fillTemplate(new Uint8Array(tpl.bytes), form, [row.data]);
      if (!r.ok) return { kind: 'error', text: pick(r.error) };
      const name = safeFileName(row.title, 'xlsx');
      downloadBytes(name, r.bytes, XLSX_MIME);
      return { kind: 'ok', text: t('excel.panel.exported', { file: name }) };
    });

  const removeTemplate = () =>
    run(async () => {
      await deleteTemplate(db, form.id);
      setLayout(null);
      return { kind: 'idle' };
    });

  return (
    <div class="excel-panel stack" data-testid="excel-panel">
      <h3>{t('excel.panel.title')}</h3>
      <div class="row">
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy || !allowed}
          onClick={() => void exportLayout()}
          data-testid="excel-export"
        >
          {t('excel.panel.export')}
        </button>
        {!allowed && <ManagedBadge kind="disabled" />}
      </div>
      <p class="muted small">{t('excel.panel.exportHint')}</p>
      {!form.groups.length && (
        <label class="check small">
          <input type="checkbox" checked={codes} onChange={(e) => setCodes(e.currentTarget.checked)} /> {t('excel.panel.codes')}
        </label>
      )}
      <h3>{t('excel.panel.template')}</h3>
      {template ? (
        <div class="stack small" data-testid="excel-template">
          <span>
            {layout
              ? t('excel.panel.templateInfo', { name: template.name, sheet: layout.sheet, row: layout.headerRow, found: layout.found })
              : template.name}
          </span>
          {layout && layout.unmapped.length > 0 && (
            <span class="muted">{t('excel.panel.templateUnmapped', { list: layout.unmapped.join('、') })}</span>
          )}
          <div class="row">
            <button
              type="button"
              class="btn"
              disabled={busy || !allowed}
              onClick={() => void exportTemplate()}
              data-testid="excel-export-template"
            >
              {t('excel.panel.exportTemplate')}
            </button>
            <button type="button" class="btn btn-small btn-danger" disabled={busy} onClick={removeTemplate}>
              {t('excel.panel.removeTemplate')}
            </button>
          </div>
        </div>
      ) : (
        <p class="muted small">{t('excel.panel.noTemplate')}</p>
      )}
      <label class="field-label small" for={`excel-template-${draftId}`}>
        {t('excel.panel.loadTemplate')}
      </label>
      <input
        id={`excel-template-${draftId}`}
        class="file-input"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        onChange={loadTemplate}
        data-testid="excel-template-file"
      />
      {gate.dialog}
      <div aria-live="polite" class="small">
        {status.kind === 'busy' && <span class="muted">{t('excel.panel.working')}</span>}
        {status.kind === 'ok' && (
          <span class="excel-ok" data-testid="excel-status">
            {status.text}
          </span>
        )}
        {status.kind === 'error' && (
          <div class="banner banner-error" role="alert" data-testid="excel-error">
            {status.text}
          </div>
        )}
      </div>
    </div>
  );
}
