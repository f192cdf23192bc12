import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { GuoyouDB } from '../../lib/db/schema';
import { PassphraseForm } from '../ui/passphrase-fields';
import { errorText } from '../ui/error-text';

/** Drafts are encrypted and this page has no key: ask for the passphrase before showing anything of them. */
export function UnlockScreen({ db }: { db: GuoyouDB }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unlock = async (passphrase: string) => {
    setBusy(true);
    setError(null);
    try {
      if (!(await db.keyring.unlock(passphrase))) setError(t('vault.wrongPassphrase'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="page">
      <section class="card stack unlock" aria-labelledby="unlock-title" data-testid="unlock">
        <h1 id="unlock-title">{t('vault.unlock.title')}</h1>
        <p>{t('vault.unlock.intro')}</p>
        {busy && <p role="status">{t('vault.working')}</p>}
        {error && (
          <p class="banner banner-error" role="alert" data-testid="unlock-error">
            {error}
          </p>
        )}
        <PassphraseForm
          idPrefix="unlock"
          mode="existing"
          submitLabel={t('vault.unlock.button')}
          disabled={busy}
          onSubmit={(p) => void unlock(p)}
        />
      </section>
    </div>
  );
}
