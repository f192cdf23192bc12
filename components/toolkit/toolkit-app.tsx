import { t } from '../../lib/i18n';
import { useLocale } from '../../lib/ui/hooks';
import { TABS, type Tab } from '../../lib/ui/routes';
import { OptionsApp } from '../shell/options-app';

/** Site adapters drive the extension's autofill of other sites: meaningless in a page of static files. */
export const TOOLKIT_TABS: readonly Tab[] = TABS.filter((tab) => tab !== 'adapters' && tab !== 'roster');

/** The static toolkit: the options page's dashboard and editor, with a note on where its drafts live. */
export function ToolkitApp() {
  useLocale();
  return (
    <>
      <p class="toolkit-banner no-print" role="note" data-testid="toolkit-banner">
        {t('toolkit.banner')}
      </p>
      {/* Chromium keys IndexedDB of every file:// page to one origin (issue 13 §10): say so plainly. */}
      {location.protocol === 'file:' && (
        <p class="toolkit-banner toolkit-warning no-print" role="alert" data-testid="toolkit-file-warning">
          {t('toolkit.fileWarning')}
        </p>
      )}
      <OptionsApp tabs={TOOLKIT_TABS} />
    </>
  );
}
