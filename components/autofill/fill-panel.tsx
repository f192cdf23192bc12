import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { getForm } from '../../lib/forms';
import { getLocale, t, type MessageKey } from '../../lib/i18n';
import { getDraft } from '../../lib/db/drafts';
import { uiDb } from '../../lib/ui/db';
import { useLocale } from '../../lib/ui/hooks';
import { ensureHostPermission, fillTab, teachTab, undoTab } from '../../lib/autofill/run';
import type { FillReport, UndoResult } from '../../lib/autofill/types';
import { errorText } from '../ui/error-text';
import './fill-panel.css';

/** The tab to fill: `popup.html?tab=<id>` (tests open the popup as a tab) or the active tab of the current window. */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param)).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * Popup slot: fill the current draft into the page, see per-field results, undo, and teach mode. `?draft=<id>` in the
 * URL overrides the current draft (used by tests and by "fill with…" links).
 */
export function FillPanel(props: { draftId: string | null }) {
  useLocale();
  const draftId = new URLSearchParams(location.search).get('draft') ?? props.draftId;
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<FillReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** Fields undo left as filled, named as the report named them, with why. */
  const [left, setLeft] = useState<Array<{ path: string; label: string; reason: UndoResult['left'][number]['reason'] }>>([]);
  const [error, setError] = useState<string | null>(null);
  const [teaching, setTeaching] = useState(false);

  useEffect(() => {
    void targetTab().then(setTab);
  }, []);

  const web = !!tab?.url && /^https?:/.test(tab.url);

  async function loadDraft() {
    if (!draftId) throw { bilingual: { zh: t('autofill.noDraft', {}, 'zh-CN'), en: t('autofill.noDraft', {}, 'en') } };
    const draft = await getDraft(uiDb(), draftId);
    const form = draft && getForm(draft.formId);
    if (!draft || !form) throw { bilingual: { zh: t('autofill.noDraft', {}, 'zh-CN'), en: t('autofill.noDraft', {}, 'en') } };
    return { draft, form };
  }

  async function withPermission(): Promise<boolean> {
    if (!tab?.id || !tab.url) {
      setError(t('autofill.noTab'));
      return false;
    }
    // First thing in the click handler: the permission prompt needs the user gesture.
    if (!(await ensureHostPermission(tab.url))) {
      setError(t('autofill.permissionDenied'));
      return false;
    }
    return true;
  }

  async function onFill() {
    setError(null);
    setMessage(null);
    setLeft([]);
    // Drafts encrypted and locked: nothing to fill until the options page unlocks them (issue 13 §10).
    await uiDb().open();
    if (uiDb().keyring.status() === 'locked') return setError(t('vault.locked'));
    if (!(await withPermission())) return;
    setBusy(true);
    try {
      const { draft, form } = await loadDraft();
      const r = await fillTab(tab!.id!, form, draft.data, getLocale());
      setReport(r.report);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function onUndo() {
    setError(null);
    setBusy(true);
    try {
      const r = await undoTab(tab!.id!);
      setMessage(t('autofill.undone', { restored: r.restored }) + (r.failed ? ' · ' + t('autofill.undoFailed', { failed: r.failed }) : ''));
      const labels = new Map(report?.results.map((x) => [x.path, x.label]));
      setLeft(r.left.map((x) => ({ ...x, label: labels.get(x.path) ?? x.path })));
      setReport(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function onTeach(enabled: boolean) {
    setError(null);
    if (enabled && !(await withPermission())) return;
    try {
      const { form } = await loadDraft();
      await teachTab(tab!.id!, form, enabled, getLocale());
      setTeaching(enabled);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const notable = report?.results.filter((r) => !(r.status === 'skipped' && r.reason === 'emptyValue')) ?? [];
  return (
    <section class="fill-panel" data-testid="autofill-panel" aria-labelledby="fill-title">
      <h2 id="fill-title">{t('autofill.title')}</h2>
      {!web && tab && <p class="fill-note">{t('autofill.notWebPage')}</p>}
      <div class="fill-actions">
        <button
          type="button"
          class="btn btn-primary"
          data-testid="autofill-fill"
          disabled={busy || !draftId || !web}
          onClick={() => void onFill()}
        >
          {busy ? t('autofill.filling') : t('autofill.fill')}
        </button>
        <button type="button" class="btn" data-testid="autofill-undo" disabled={busy || !web} onClick={() => void onUndo()}>
          {t('autofill.undo')}
        </button>
      </div>
      <label class="fill-teach" title={t('autofill.teachHelp')}>
        <input
          type="checkbox"
          data-testid="autofill-teach"
          checked={teaching}
          disabled={!draftId || !web}
          onChange={(e) => void onTeach(e.currentTarget.checked)}
        />
        {t('autofill.teach')}
      </label>
      {teaching && (
        <p class="fill-note" data-testid="autofill-teaching">
          {t('autofill.teachHelp')}
        </p>
      )}
      {error && (
        <p class="fill-error" role="alert" data-testid="autofill-error">
          {error}
        </p>
      )}
      {message && (
        <p class="fill-note" role="status" data-testid="autofill-message">
          {message}
        </p>
      )}
      {left.length > 0 && (
        <ul class="fill-undo-left" data-testid="autofill-undo-left">
          {left.map((x, i) => (
            <li key={`${x.path}#${i}`} data-path={x.path} data-reason={x.reason}>
              {t(`autofill.undoLeft.${x.reason}`, { field: x.label + rowNumber(x.path) })}
            </li>
          ))}
        </ul>
      )}
      {report && (
        <div data-testid="autofill-report" data-filled={report.filled} data-skipped={report.skipped} data-failed={report.failed}>
          <p role="status">{t('autofill.summary', { filled: report.filled, skipped: report.skipped, failed: report.failed })}</p>
          <table class="fill-report">
            <thead>
              <tr>
                <th>{t('autofill.col.field')}</th>
                <th>{t('autofill.col.status')}</th>
                <th>{t('autofill.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {notable.map((r) => (
                <tr
                  key={r.path}
                  class={`fill-${r.status}`}
                  data-path={r.path}
                  data-status={r.status}
                  data-reason={r.reason}
                  title={r.detail}
                >
                  <td>
                    {r.label}
                    {rowNumber(r.path)}
                  </td>
                  <td>{t(`autofill.status.${r.status}` as MessageKey)}</td>
                  <td>{t(`autofill.reason.${r.reason}` as MessageKey, { value: r.value, shown: r.detail ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function rowNumber(path: string): string {
  const m = /\[(\d+)\]/.exec(path);
  return m ? ` · ${t('autofill.teach.row', { n: Number(m[1]) + 1 })}` : '';
}
