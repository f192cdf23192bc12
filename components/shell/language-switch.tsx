import { getLocale, t } from '../../lib/i18n';
import { changeLocale } from '../../lib/ui/hooks';

/** One button that switches zh-CN ⇄ English; its label is the other language's name, in that language. */
export function LanguageSwitch() {
  const next = getLocale() === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      class="btn btn-small lang-switch"
      lang={next}
      onClick={() => void changeLocale(next)}
      data-testid="language-switch"
    >
      {t('common.language')}
    </button>
  );
}
