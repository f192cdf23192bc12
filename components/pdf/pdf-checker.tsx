import { useEffect, useRef, useState } from 'preact/hooks';
import { getForm } from '../../lib/forms/index';
import type { FormData, FormDefinition } from '../../lib/forms/types';
import { pick, t } from '../../lib/i18n';
import { useLocale } from '../../lib/ui/hooks';
import type { PdfCheckResult, PdfStatus, SealFound } from '../../lib/pdf/types';
import type { UploadPolicy } from '../../lib/pdf/result-schema';
import { errorText } from '../ui/error-text';
import { ManagedBadge } from '../ui/managed-badge';
import { ProgressBar } from '../ui/progress';
import './pdf.css';

interface Row {
  id: number;
  name: string;
  result?: PdfCheckResult;
  failed?: string;
  /** Cancelled before its check finished (Cancel, Remove or Clear): it has no verdict. */
  cancelled?: true;
}

const settled = (r: Row) => !!(r.result || r.failed || r.cancelled);

const badge: Record<PdfStatus, string> = {
  sealed: 'badge-ok',
  'seal-misplaced': 'badge-error',
  unsealed: 'badge-error',
  uncertain: 'badge-warning',
  error: 'badge-error',
};

let seq = 0;

/** Loads pdf.js only when a file is checked: the dashboard opens fast, and the static toolkit works the same way. */
const engine = () => import('../../lib/pdf/browser');

async function draftFor(draftId: string | undefined): Promise<{ form: FormDefinition; data: FormData } | undefined> {
  if (!draftId) return undefined;
  const { uiDb } = await import('../../lib/ui/db');
  const row = await uiDb().drafts.get(draftId);
  const form = row ? getForm(row.formId) : undefined;
  return row && form ? { form, data: row.data } : undefined;
}

function SealItem({ seal }: { seal: SealFound }) {
  const kind = t(`pdf.kind.${seal.kind}`);
  return (
    <li class="pdf-seal" data-kind={seal.kind} data-page={seal.page}>
      {seal.thumbnail ? (
        <img src={seal.thumbnail} alt={t('pdf.checker.thumbAlt', { page: seal.page })} />
      ) : (
        <span class="pdf-seal-blank" aria-hidden="true" />
      )}
      <span>
        {t('pdf.checker.seal', { page: seal.page, kind, confidence: seal.confidence.toFixed(2) })}
        {seal.invisible ? ` · ${t('pdf.checker.invisible')}` : ''}
        {seal.signer ? ` · ${t('pdf.checker.signer', { signer: seal.signer })}` : ''}
        {seal.signature ? (
          <span class="pdf-integrity" data-integrity={seal.signature.integrity}>
            {` · ${t(`pdf.checker.integrity.${seal.signature.integrity}`)}`}
            {seal.signature.certificateOrganisation || seal.signature.certificateName
              ? ` · ${t('pdf.checker.certificate', {
                  name: [seal.signature.certificateOrganisation, seal.signature.certificateName].filter(Boolean).join(' '),
                })}`
              : ''}
          </span>
        ) : null}
        {seal.subFilter ? <span class="muted small"> {`${seal.filter ?? ''}/${seal.subFilter}`}</span> : null}
      </span>
    </li>
  );
}

function ResultCard({ row, withDraft, onRemove }: { row: Row; withDraft: boolean; onRemove: () => void }) {
  const r = row.result;
  return (
    <li
      class="card pdf-result"
      data-pdf-result={row.name}
      data-status={r?.status ?? (row.failed ? 'error' : row.cancelled ? 'cancelled' : 'checking')}
    >
      <div class="row">
        <strong class="pdf-file">{row.name}</strong>
        {r ? (
          <span class={`badge ${badge[r.status]}`}>{t(`pdf.status.${r.status}`)}</span>
        ) : row.failed ? null : (
          <span class="badge badge-muted">{t(row.cancelled ? 'pdf.checker.cancelled' : 'pdf.checker.checking')}</span>
        )}
        <span class="spacer" />
        <button type="button" class="btn btn-small" onClick={onRemove}>
          {t('pdf.checker.remove')}
        </button>
      </div>
      {row.failed ? <p class="banner banner-error">{row.failed}</p> : null}
      {r ? (
        <>
          <p class="pdf-reason">{pick(r.reason)}</p>
          {r.status !== 'error' ? (
            <p class="muted small">
              {t('pdf.checker.pages', { pages: r.pages })}
              {r.signaturePages.length ? ` · ${t('pdf.checker.signaturePages', { pages: r.signaturePages.join(', ') })}` : ''}
              {` · ${t('pdf.checker.ms', { ms: r.ms })}`}
            </p>
          ) : null}
          {r.seals.length ? (
            <ul class="pdf-seals">
              {r.seals.map((s, i) => (
                <SealItem key={i} seal={s} />
              ))}
            </ul>
          ) : r.status !== 'error' ? (
            <p class="muted small">{t('pdf.checker.noSeals')}</p>
          ) : null}
          {withDraft && r.status !== 'error' ? (
            <div class="pdf-findings">
              <strong class="small">{t('pdf.checker.findings')}</strong>
              {r.findings.length ? (
                <ul>
                  {r.findings.map((f, i) => (
                    <li key={i} class={f.severity === 'error' ? 'finding-error' : 'finding-warning'} data-rule={f.ruleId}>
                      {pick(f.message)}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="small">{t('pdf.checker.noFindings')}</p>
              )}
            </div>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** Per-site policy for the upload guard (extension only): warn, or warn and clear the chosen file. */
function UploadPolicies() {
  const [sites, setSites] = useState<Array<{ pattern: string; policy: UploadPolicy; managed?: true }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const { send } = await import('../../lib/messaging/client');
      setSites((await send('pdf.policy.list', {})).sites);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(), []);
  const change = async (pattern: string, policy: UploadPolicy) => {
    try {
      const { send } = await import('../../lib/messaging/client');
      await send('pdf.policy.set', { pattern, policy });
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section class="pdf-policies" aria-labelledby="pdf-policy-title">
      <h3 id="pdf-policy-title">{t('pdf.checker.policyTitle')}</h3>
      <p class="muted small">{t('pdf.checker.policyIntro')}</p>
      {error ? <p class="banner banner-error">{error}</p> : null}
      {sites && !sites.length ? <p class="muted small">{t('pdf.checker.policyNone')}</p> : null}
      {sites?.length ? (
        <table class="pdf-policy-table">
          <thead>
            <tr>
              <th scope="col">{t('pdf.checker.policySite')}</th>
              <th scope="col">{t('pdf.checker.policyTitle')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.pattern}>
                <td>
                  <code>{s.pattern}</code>
                </td>
                <td>
                  <select
                    aria-label={s.pattern}
                    value={s.policy}
                    disabled={!!s.managed}
                    onChange={(e) => void change(s.pattern, (e.currentTarget as HTMLSelectElement).value as UploadPolicy)}
                  >
                    <option value="warn">{t('pdf.checker.policyWarn')}</option>
                    <option value="clear">{t('pdf.checker.policyClear')}</option>
                  </select>{' '}
                  {s.managed && <ManagedBadge kind="locked" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/**
 * The "check sealed PDF" page of the dashboard (and the static toolkit), and the editor's PDF tool for one draft:
 * drop or pick one or many PDFs; each is checked on this computer with pdf.js (its own worker) and shown with its
 * verdict, the seals found (thumbnails) and, for a draft, the comparison with the draft.
 */
export function PdfChecker({ draftId }: { draftId?: string }) {
  useLocale();
  const [rows, setRows] = useState<Row[]>([]);
  const [over, setOver] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // The static toolkit renders this page too, without extension APIs (no upload guard there).
  const isExtension = !!(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;

  const update = (id: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  // Each file's check can be stopped on its own (Remove) or with the others (Cancel, Clear).
  const running = useRef(new Map<number, AbortController>());
  const stop = (ids: Iterable<number>) => {
    for (const id of ids) running.current.get(id)?.abort();
  };

  const add = (files: File[]) => {
    const added = files.map((f) => ({ id: ++seq, name: f.name, file: f, ctl: new AbortController() }));
    for (const a of added) running.current.set(a.id, a.ctl);
    setRows((rs) => [...added.map(({ id, name }) => ({ id, name })), ...rs]);
    // One file at a time keeps memory bounded when many large scans are dropped together.
    for (const a of added) {
      queue.current = queue.current.then(async () => {
        const { signal } = a.ctl;
        try {
          if (signal.aborted) return;
          const [{ checkPdfInBrowser }, draft] = await Promise.all([engine(), draftFor(draftId)]);
          const bytes = new Uint8Array(await a.file.arrayBuffer());
          if (signal.aborted) return;
          const result = await checkPdfInBrowser(bytes, { fileName: a.name, thumbnails: true, draft, signal });
          if (!signal.aborted) update(a.id, { result });
        } catch (e) {
          if (!signal.aborted) update(a.id, { failed: errorText(e) });
        } finally {
          running.current.delete(a.id);
          if (signal.aborted) update(a.id, { cancelled: true });
        }
      });
    }
  };

  const cancelAll = () => stop([...running.current.keys()]);
  const remove = (id: number) => {
    stop([id]);
    setRows((rs) => rs.filter((x) => x.id !== id));
  };
  const clear = () => {
    cancelAll();
    setRows([]);
  };
  // The bar counts the files still on the list; it shows while any of them is waiting or being checked.
  const pending = rows.filter((r) => !settled(r)).length;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) add(files);
  };

  return (
    <section class={`pdf-checker${draftId ? ' pdf-checker-compact' : ''}`} aria-labelledby={`pdf-checker-title${draftId ? '-draft' : ''}`}>
      <h2 id={`pdf-checker-title${draftId ? '-draft' : ''}`}>{t('pdf.checker.title')}</h2>
      <div
        class={`pdf-drop${over ? ' pdf-drop-over' : ''}`}
        data-pdf-drop
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('pdf.checker.intro')}</p>
        {draftId ? <p class="muted small">{t('pdf.checker.draftNote')}</p> : null}
        {/* The file input itself, labelled: one tab stop that Space or Enter opens, as the browser does for any picker. */}
        <label class="field-label" for={`pdf-file${draftId ? '-draft' : ''}`}>
          {t('pdf.checker.pick')}
        </label>
        <input
          id={`pdf-file${draftId ? '-draft' : ''}`}
          class="file-input"
          type="file"
          accept="application/pdf,.pdf"
          multiple
          data-pdf-input
          data-testid="pdf-pick"
          onChange={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            add([...(el.files ?? [])]);
            el.value = '';
          }}
        />
      </div>
      {rows.length ? (
        <>
          {pending > 0 && (
            <ProgressBar
              testId="pdf-progress"
              label={t('pdf.checker.progress', { done: rows.length - pending, total: rows.length })}
              done={rows.length - pending}
              total={rows.length}
              onCancel={cancelAll}
            />
          )}
          <div class="row">
            <span class="spacer" />
            <button type="button" class="btn btn-small" onClick={clear}>
              {t('pdf.checker.clear')}
            </button>
          </div>
          <ul class="pdf-results">
            {rows.map((r) => (
              <ResultCard key={r.id} row={r} withDraft={!!draftId} onRemove={() => remove(r.id)} />
            ))}
          </ul>
        </>
      ) : null}
      {!draftId && isExtension ? <UploadPolicies /> : null}
    </section>
  );
}
