import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { useLive, useLocale } from '../../lib/ui/hooks';
import { errorText } from '../ui/error-text';
import './verify.css';

/**
 * Whether this page is the toolbar popup itself: there, opening a file chooser closes the popup on several platforms
 * and the chosen file never arrives, so the import happens in a tab instead.
 */
function inToolbarPopup(): boolean {
  try {
    return browser.extension?.getViews?.({ type: 'popup' }).includes(window) ?? false;
  } catch {
    return false;
  }
}

/**
 * Import of the 国优 roster (Excel or JSON: 学号, 姓名, 证件号, 备案标记, …) into the extension's own database, the list
 * of imported rosters and their deletion. A refused file changes nothing and says why (row and reason).
 */
export function RosterPanel() {
  useLocale();
  const db = uiDb();
  const rosters = useLive(async () => (await import('../../lib/roster/store')).listRosters(db), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const { importRosterFile } = await import('../../lib/roster/store');
      const r = await importRosterFile(db, new Uint8Array(await file.arrayBuffer()), file.name);
      if (r.ok) {
        let text = t('roster.imported', { name: r.rosterId, count: r.count });
        if (r.unmapped.length) text += ` · ${t('verify.unmapped', { columns: r.unmapped.join('、') })}`;
        setMessage({ kind: 'ok', text });
      } else setMessage({ kind: 'error', text: errorText(r.error) });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  const remove = async (rosterId: string) => {
    const { deleteRoster } = await import('../../lib/roster/store');
    await deleteRoster(db, rosterId);
    setMessage({ kind: 'ok', text: t('roster.deleted') });
  };

  return (
    <section class="roster-panel" aria-labelledby="roster-title">
      <h3 id="roster-title">{t('roster.title')}</h3>
      {rosters && rosters.length === 0 && <p class="muted small">{t('roster.empty')}</p>}
      {rosters && rosters.length > 0 && (
        <ul class="roster-list">
          {rosters.map((r) => (
            <li key={r.rosterId} class="row" data-testid="roster-item" data-roster={r.rosterId} data-count={r.count}>
              <span>{t('roster.current', { name: r.rosterId, count: r.count })}</span>
              <span class="spacer" />
              <button type="button" class="btn btn-small btn-danger" onClick={() => void remove(r.rosterId)}>
                {t('roster.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {inToolbarPopup() ? (
        <button
          type="button"
          class="btn roster-import"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/roster') })}
        >
          {t('roster.importInTab')}
        </button>
      ) : (
        <label class="btn roster-import">
          {busy ? t('roster.importing') : t('roster.import')}
          <input
            type="file"
            class="sr-only"
            accept=".xlsx,.csv,.json,application/json"
            data-testid="roster-file"
            onChange={onFile}
            disabled={busy}
          />
        </label>
      )}
      {message && (
        <p
          class={message.kind === 'ok' ? 'banner banner-info' : 'banner banner-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid={`roster-${message.kind}`}
        >
          {message.text}
        </p>
      )}
      <p class="muted small">{t('roster.privacy')}</p>
    </section>
  );
}
