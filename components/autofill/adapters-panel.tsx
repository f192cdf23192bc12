import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { useLocale } from '../../lib/ui/hooks';
import { downloadText, safeFileName } from '../../lib/ui/download';
import type { SiteAdapter } from '../../lib/autofill/adapter-schema';
import { errorText } from '../ui/error-text';
import { ManagedBadge } from '../ui/managed-badge';

/**
 * Dashboard tab "站点适配": the saved site adapters (taught or imported), import of an adapter file (all-or-nothing,
 * validated in the background), export of all, delete. Changes go through the background so it can re-register the
 * content script for the sites concerned.
 */
export function AdaptersPanel() {
  useLocale();
  const [adapters, setAdapters] = useState<Array<SiteAdapter & { managed?: true }> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () =>
    send('autofill.adapters.list', {})
      .then(setAdapters)
      .catch((e) => setError(errorText(e)));
  useEffect(() => void reload(), []);

  async function onImport(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    setMessage(null);
    try {
      const { count } = await send('autofill.adapters.import', { json: await file.text() });
      setMessage(t('autofill.adapters.imported', { count }));
      await reload();
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function onExport() {
    try {
      const { json } = await send('autofill.adapters.export', {});
      downloadText(safeFileName('guoyou-site-adapters', 'json'), json);
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function onDelete(id: string) {
    try {
      await send('autofill.adapters.delete', { id });
      await reload();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section class="card stack" aria-labelledby="adapters-title" data-testid="adapters">
      <h2 id="adapters-title">{t('autofill.adapters.title')}</h2>
      <p>{t('autofill.adapters.help')}</p>
      <div class="row">
        <label class="btn" for="adapters-file">
          {t('autofill.adapters.import')}
        </label>
        <input
          id="adapters-file"
          class="file-input"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onImport(e)}
          data-testid="adapters-file"
        />
        <button type="button" class="btn" onClick={() => void onExport()} disabled={!adapters?.length} data-testid="adapters-export">
          {t('autofill.adapters.export')}
        </button>
      </div>
      {error && (
        <div class="banner banner-error" role="alert" data-testid="adapters-error">
          {error}
        </div>
      )}
      {message && (
        <div class="banner banner-info" role="status" data-testid="adapters-message">
          {message}
        </div>
      )}
      {adapters && adapters.length === 0 && <p class="empty">{t('autofill.adapters.none')}</p>}
      {adapters && adapters.length > 0 && (
        <ul class="stack" data-testid="adapters-list">
          {adapters.map((a) => (
            <li key={a.id} class="row" data-adapter-id={a.id}>
              <strong>{a.name}</strong>
              <code>{a.urlPattern}</code>
              <span>{a.formId}</span>
              <span>{t('autofill.adapters.fields', { n: Object.keys(a.fields).length })}</span>
              {a.managed ? (
                <ManagedBadge kind="locked" />
              ) : (
                <span class="badge">{t(`autofill.adapters.source.${a.source}` as MessageKey)}</span>
              )}
              <span class="spacer" />
              {/* The organisation's adapters come from its policy: there is nothing here the user could delete. */}
              {!a.managed && (
                <button type="button" class="btn" onClick={() => void onDelete(a.id)}>
                  {t('autofill.adapters.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
