import { useCallback, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { useHashRoute, useLocale, usePersistedLocale } from '../../lib/ui/hooks';
import { formatRoute, TABS, type Tab } from '../../lib/ui/routes';
import { AdaptersPanel } from '../autofill/AdaptersPanel';
import { ExcelImportPanel } from '../excel/ExcelImportPanel';
import { PdfChecker } from '../pdf/PdfChecker';
import { DraftList } from '../dashboard/DraftList';
import { ReferencePanel } from '../dashboard/ReferencePanel';
import { SettingsPanel } from '../dashboard/SettingsPanel';
import { Editor } from '../editor/Editor';
import { Toast, type ToastMessage } from '../ui/Toast';
import { ToastContext, type ShowToast } from '../ui/toastContext';
import { LanguageSwitch } from './LanguageSwitch';

const tabLabel: Record<Tab, MessageKey> = {
  drafts: 'editor.nav.drafts',
  import: 'editor.nav.import',
  adapters: 'editor.nav.adapters',
  pdf: 'editor.nav.pdf',
  reference: 'editor.nav.reference',
  settings: 'editor.nav.settings',
};

const tabView: Record<Tab, () => preact.JSX.Element | null> = {
  drafts: () => <DraftList />,
  import: () => <ExcelImportPanel />,
  adapters: () => <AdaptersPanel />,
  pdf: () => <PdfChecker />,
  reference: () => <ReferencePanel />,
  settings: () => <SettingsPanel />,
};

let toastSeq = 0;

/** The options page: the dashboard tabs and the editor, by hash route (`#/drafts`, `#/draft/<id>`, …). */
export function OptionsApp() {
  const ready = usePersistedLocale();
  useLocale();
  const route = useHashRoute();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show: ShowToast = useCallback((m) => setToast({ ...m, id: ++toastSeq }), []);
  const dismiss = useCallback(() => setToast(null), []);
  if (!ready) return null;
  const active: Tab | null = route.name === 'tab' ? route.tab : null;
  document.title = t('common.appName');
  return (
    <ToastContext.Provider value={show}>
      <a class="skip-link" href="#main">
        {t('editor.skipToContent')}
      </a>
      <header class="app-bar">
        <span class="brand">{t('common.appName')}</span>
        <nav aria-label={t('editor.nav.label')}>
          <ul class="tabs">
            {TABS.map((tab) => (
              <li key={tab}>
                <a href={formatRoute({ name: 'tab', tab })} aria-current={active === tab || (tab === 'drafts' && route.name === 'draft') ? 'page' : undefined}>
                  {t(tabLabel[tab])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="spacer" />
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'draft' ? <Editor draftId={route.draftId} /> : <div class="page">{tabView[route.tab]()}</div>}
      </main>
      <Toast toast={toast} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}
