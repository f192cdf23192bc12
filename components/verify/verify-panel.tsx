import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pick, t } from '../../lib/i18n';
import { useLocale } from '../../lib/ui/hooks';
import { uiDb } from '../../lib/ui/db';
import { errorText } from '../ui/error-text';
import type { VerifyResult } from '../../lib/verify/types';
import { RosterPanel } from './roster-panel';
import './verify.css';

/** Rows of the findings list shown here; the export has them all. */
const MAX_SHOWN = 1000;

/** The tab to verify: `?tab=<id>` (the popup opened as a tab by tests or the dashboard), else the active tab. */
async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const override = Number(new URLSearchParams(location.search).get('tab'));
  const tab = override
    ? await browser.tabs.get(override).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : undefined;
}

/** Ask for the site's host access on first use (optional host permissions; this click is the user gesture). */
async function ensureAccess(url: string): Promise<boolean> {
  let origin: string;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return true; // file: and the like: executeScript will say if it may not
    origin = `${u.protocol}//${u.hostname}/*`;
  } catch {
    return true;
  }
  if (await browser.permissions.contains({ origins: [origin] })) return true;
  return browser.permissions.request({ origins: [origin] });
}

/**
 * "校验当前页面": reads the records the current page shows (a record form, a read-only view or a list table), checks
 * them against the rules of the notice and the imported roster, marks the findings in the page, and lists them here
 * with an Excel export. The roster never leaves the extension: the page gets only the findings to draw.
 */
export function VerifyPanel({ showRoster = true }: { showRoster?: boolean }) {
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);

  const run = async () => {
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const tab = await targetTab();
      if (!tab) throw new Error(t('verify.noTab'));
      if (!(await ensureAccess(tab.url))) throw new Error(t('verify.noAccess'));
      const { verifyTab } = await import('../../lib/verify/run');
      setTabId(tab.id);
      setResult(await verifyTab(tab.id, { db: uiDb(), locale }));
    } catch (e) {
      setResult(null);
      setError(e instanceof Error && !(e as { bilingual?: unknown }).bilingual ? e.message : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    if (tabId === null) return;
    const { clearTab } = await import('../../lib/verify/run');
    await clearTab(tabId).catch(() => undefined);
    setResult(null);
  };

  const exportXlsx = async () => {
    if (!result) return;
    try {
      const { findingsXlsx, findingsFileName } = await import('../../lib/verify/export');
      const bytes = await findingsXlsx(result, locale);
      const url = URL.createObjectURL(
        new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = findingsFileName(locale);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="verify-panel" aria-labelledby="verify-title">
      <div class="row">
        <h2 id="verify-title">{t('verify.title')}</h2>
        <span class="spacer" />
        <button type="button" class="btn btn-primary" data-testid="verify-run" onClick={run} disabled={busy}>
          {busy ? t('verify.running') : t('verify.run')}
        </button>
      </div>
      {error && (
        <p class="banner banner-error" role="alert" data-testid="verify-error">
          {error}
        </p>
      )}
      {result && <VerifyResultView result={result} onExport={exportXlsx} onClear={clear} />}
      {showRoster && <RosterPanel />}
    </section>
  );
}

function VerifyResultView({ result, onExport, onClear }: { result: VerifyResult; onExport: () => void; onClear: () => void }) {
  const summary = { records: result.records, errors: result.errors, warnings: result.warnings, clean: result.clean };
  const unmapped = result.unmapped ?? [...new Set(result.tables.flatMap((x) => x.unmapped))];
  return (
    <div
      class="verify-result"
      data-testid="verify-result"
      data-records={result.records}
      data-errors={result.errors}
      data-warnings={result.warnings}
      role="status"
    >
      {result.records === 0 ? (
        <p class="banner banner-info">{t('verify.noRecords')}</p>
      ) : (
        <p class={result.errors ? 'banner banner-error' : result.warnings ? 'banner banner-warning' : 'banner banner-info'}>
          {t('verify.summary', summary)}
          {result.findings.length === 0 && <> · {t('verify.allClean')}</>}
        </p>
      )}
      {result.roster && <p class="muted small">{t('verify.rosterUsed', { matched: result.roster.matched, records: result.records })}</p>}
      {unmapped.length > 0 && <p class="muted small">{t('verify.unmapped', { columns: unmapped.join('、') })}</p>}
      {result.findings.length > 0 && (
        <div class="verify-table-wrap">
          <table class="verify-findings">
            <thead>
              <tr>
                <th scope="col">{t('verify.col.row')}</th>
                <th scope="col">{t('verify.col.field')}</th>
                <th scope="col">{t('verify.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {result.findings.slice(0, MAX_SHOWN).map((f, i) => (
                <tr
                  key={i}
                  class={`sev-${f.severity}`}
                  data-rule={f.ruleId}
                  data-row={f.row}
                  data-fields={f.fields.join(' ')}
                  data-severity={f.severity}
                  data-source={f.source}
                  data-table={f.table ?? ''}
                  data-frame={f.frameId}
                >
                  <td>{f.source === 'table' ? f.row + 1 : '—'}</td>
                  <td>{f.labels.map((l) => pick(l)).join('、')}</td>
                  <td>
                    <span class={`badge badge-${f.severity}`}>
                      {t(f.severity === 'error' ? 'verify.severity.error' : 'verify.severity.warning')}
                    </span>{' '}
                    {pick(f.message)}
                    <span class="muted small"> · {f.clause}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="row">
        {result.findings.length > 0 && (
          <button type="button" class="btn" data-testid="verify-export" onClick={onExport}>
            {t('verify.export')}
          </button>
        )}
        <button type="button" class="btn" data-testid="verify-clear" onClick={onClear}>
          {t('verify.clear')}
        </button>
      </div>
    </div>
  );
}
