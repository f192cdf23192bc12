import { getLocale, t } from '../../lib/i18n';
import { changeLocale } from '../../lib/ui/hooks';
import { BackupPanel } from './backup-panel';
import { VaultPanel } from './vault-panel';
import { ManagedPolicyCard } from './managed-policy-card';

/** Settings: the organisation's policy when there is one, the interface language (stored, applied to every extension page) and backup/restore. */
export function SettingsPanel() {
  const locale = getLocale();
  return (
    <div class="settings-grid">
      <ManagedPolicyCard />
      <section class="card stack" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('editor.settings.language')}</h2>
        <fieldset class="choices">
          <legend class="sr-only">{t('editor.settings.language')}</legend>
          <label class="choice">
            <input type="radio" name="locale" checked={locale === 'zh-CN'} onChange={() => void changeLocale('zh-CN')} />
            <span lang="zh-CN">简体中文</span>
          </label>
          <label class="choice">
            <input type="radio" name="locale" checked={locale === 'en'} onChange={() => void changeLocale('en')} />
            <span lang="en">English</span>
          </label>
        </fieldset>
        <p class="muted small">{t('editor.settings.languageHint')}</p>
      </section>
      <VaultPanel />
      <BackupPanel />
    </div>
  );
}
