import { useCallback, useErrorBoundary, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { useHashRoute, useLocale, usePersistedLocale } from '../../lib/ui/hooks';
import { formatRoute, TABS, type Tab } from '../../lib/ui/routes';
import { AdaptersPanel } from '../autofill/adapters-panel';
import { RosterPanel } from '../verify/roster-panel';
import { ExcelImportPanel } from '../excel/excel-import-panel';
import { PdfChecker } from '../pdf/pdf-checker';
import { DraftList } from '../dashboard/draft-list';
import { ReferencePanel } from '../dashboard/reference-panel';
import { SettingsPanel } from '../dashboard/settings-panel';
import { Editor } from '../editor/editor';
import { PrintView } from '../print/print-view';
import { Toast, type ToastMessage } from '../ui/toast';
import { ToastContext, type ShowToast } from '../ui/toast-context';
import { LanguageSwitch } from './language-switch';
import { errorText } from '../ui/error-text';
import { uiDb } from '../../lib/ui/db';
import { useVaultStatus } from '../../lib/ui/use-vault';
import { UnlockScreen } from './unlock-screen';

const tabLabel: Record<Tab, MessageKey> = {
  drafts: 'editor.nav.drafts',
  import: 'editor.nav.import',
  adapters: 'editor.nav.adapters',
  roster: 'editor.nav.roster',
  pdf: 'editor.nav.pdf',
  reference: 'editor.nav.reference',
  settings: 'editor.nav.settings',
};

const tabView: Record<Tab, () => preact.JSX.Element | null> = {
  drafts: () => <DraftList />,
  import: () => <ExcelImportPanel />,
  adapters: () => <AdaptersPanel />,
  roster: () => <RosterPanel />,
  pdf: () => <PdfChecker />,
  reference: () => <ReferencePanel />,
  settings: () => <SettingsPanel />,
};

let toastSeq = 0;

/**
 * The options page: the dashboard tabs and the editor, by hash route (`#/drafts`, `#/draft/<id>`, …). `tabs` lets the
 * static toolkit leave out what needs an extension (site adapters).
 */
export function OptionsApp({ tabs = TABS }: { tabs?: readonly Tab[] } = {}) {
  const ready = usePersistedLocale();
  useLocale();
  const route = useHashRoute();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show: ShowToast = useCallback((m) => setToast({ ...m, id: ++toastSeq }), []);
  const dismiss = useCallback(() => setToast(null), []);
  // A failure while rendering (e.g. the database cannot be opened) shows what happened instead of a blank page;
  // drafts are untouched by it, and autosave has already stored what was typed.
  const [crash, resetCrash] = useErrorBoundary();
  // Drafts encrypted and no key here: the unlock screen, never a list with holes (issue 13 §10).
  const vault = useVaultStatus(uiDb());
  if (!ready) return null;
  const active: Tab | null = route.name === 'tab' ? route.tab : null;
  // The editor names its tab after the draft; every other page is the app.
  if (route.name !== 'draft') document.title = t('common.appName');
  return (
    <ToastContext.Provider value={show}>
      <a class="skip-link" href="#main">
        {t('editor.skipToContent')}
      </a>
      <header class="app-bar">
        <span class="brand">{t('common.appName')}</span>
        <nav aria-label={t('editor.nav.label')}>
          <ul class="tabs">
            {tabs.map((tab) => (
              <li key={tab}>
                <a
                  href={formatRoute({ name: 'tab', tab })}
                  aria-current={active === tab || (tab === 'drafts' && route.name === 'draft') ? 'page' : undefined}
                >
                  {t(tabLabel[tab])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {vault === 'loading' ? null : vault === 'locked' ? (
          <UnlockScreen db={uiDb()} />
        ) : crash ? (
          <div class="page">
            <div class="banner banner-error" role="alert">
              <span>{errorText(crash)}</span>
              <button type="button" class="btn btn-small" onClick={resetCrash}>
                {t('editor.retry')}
              </button>
            </div>
          </div>
        ) : route.name === 'draft' ? (
          <Editor draftId={route.draftId} {...(route.field ? { field: route.field } : {})} />
        ) : route.name === 'print' ? (
          <PrintView draftId={route.draftId} />
        ) : (
          <div class="page">{tabView[tabs.includes(route.tab) ? route.tab : 'drafts']()}</div>
        )}
      </main>
      <Toast toast={toast} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}
