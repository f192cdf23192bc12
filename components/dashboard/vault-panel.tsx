import { useState } from 'preact/hooks';
import { WrongPassphraseError } from '../../lib/crypto/envelope';
import { errorDetail } from '../../lib/db/errors';
import { changePassphrase, turnOffEncryption, turnOnEncryption } from '../../lib/db/vault';
import { t } from '../../lib/i18n';
import { uiDb } from '../../lib/ui/db';
import { useVaultStatus } from '../../lib/ui/use-vault';
import { PassphraseForm } from '../ui/passphrase-fields';

type Action = 'change' | 'off' | null;

/**
 * Settings card: encrypt drafts at rest with a passphrase (issue 13 §10) — turn on, change the passphrase, turn off,
 * lock now. Each change rewrites every draft and revision in one transaction: all of them or none.
 */
export function VaultPanel() {
  const db = uiDb();
  const status = useVaultStatus(db);
  const [action, setAction] = useState<Action>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (work: () => Promise<number>, done: 'vault.doneOn' | 'vault.doneChange' | 'vault.doneOff') => {
    setBusy(true);
    setMessage(null);
    try {
      const n = await work();
      setMessage({ text: t(done, { n }), error: false });
      setAction(null);
      setCurrent(null);
    } catch (e) {
      setCurrent(null);
      setMessage({
        text: e instanceof WrongPassphraseError ? t('vault.wrongPassphrase') : t('vault.failed', { detail: errorDetail(e) }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };
  const lockNow = async () => {
    await db.keyring.forget();
    // Reloading drops every plain copy this page holds in memory (lists, the editor, Dexie's cache).
    location.reload();
  };

  const on = status === 'unlocked' || status === 'locked';
  return (
    <section class="card stack" aria-labelledby="vault-title" data-testid="vault">
      <h2 id="vault-title">{t('vault.title')}</h2>
      <p class="muted small">{t('vault.intro')}</p>
      <p data-testid="vault-status">{t(on ? 'vault.status.on' : 'vault.status.off')}</p>
      {busy && <p role="status">{t('vault.working')}</p>}
      {message && (
        <p
          class={message.error ? 'banner banner-error' : 'banner banner-info'}
          role={message.error ? 'alert' : 'status'}
          data-testid="vault-message"
        >
          {message.text}
        </p>
      )}
      {status === 'off' && (
        <>
          <p class="muted small">{t('vault.passphraseHint')}</p>
          <PassphraseForm
            idPrefix="vault-on"
            mode="new"
            submitLabel={t('vault.turnOn')}
            disabled={busy}
            onSubmit={(p) => void run(() => turnOnEncryption(db, p), 'vault.doneOn')}
          />
        </>
      )}
      {status === 'unlocked' && action === null && (
        <div class="row">
          <button type="button" class="btn" onClick={() => setAction('change')} data-testid="vault-change">
            {t('vault.change')}
          </button>
          <button type="button" class="btn" onClick={() => setAction('off')} data-testid="vault-off">
            {t('vault.turnOff')}
          </button>
          <button type="button" class="btn" onClick={() => void lockNow()} data-testid="vault-lock">
            {t('vault.lockNow')}
          </button>
        </div>
      )}
      {status === 'unlocked' && action !== null && current === null && (
        <PassphraseForm
          idPrefix="vault-current"
          mode="existing"
          label={t('vault.current')}
          submitLabel={action === 'off' ? t('vault.turnOff') : t('vault.apply')}
          disabled={busy}
          onCancel={() => setAction(null)}
          onSubmit={(p) => (action === 'off' ? void run(() => turnOffEncryption(db, p), 'vault.doneOff') : setCurrent(p))}
        />
      )}
      {status === 'unlocked' && action === 'change' && current !== null && (
        <PassphraseForm
          idPrefix="vault-new"
          mode="new"
          label={t('vault.new')}
          submitLabel={t('vault.change')}
          disabled={busy}
          onCancel={() => {
            setAction(null);
            setCurrent(null);
          }}
          onSubmit={(p) => void run(() => changePassphrase(db, current, p), 'vault.doneChange')}
        />
      )}
    </section>
  );
}
