import type { Bilingual, FormData } from '../../lib/forms/types';
import type { DraftRow } from '../../lib/db/schema';
import { pick, t } from '../../lib/i18n';
import { downloadText, safeFileName } from '../../lib/ui/download';
import { draftFile } from '../../lib/ui/draft-file';
import { APP_VERSION } from '../../lib/platform/app';

/**
 * A save failed (storage full, …). The message says what happened; the data is still in this page, and one click
 * downloads it as a file so nothing is lost even if the tab must be closed.
 */
export function QuotaBanner(props: { error: Bilingual; draft: DraftRow; title: string; data: FormData }) {
  return (
    <div class="banner banner-error" role="alert" data-testid="save-error">
      <span>{pick(props.error)}</span>
      <button
        type="button"
        class="btn btn-small"
        onClick={() =>
          downloadText(
            safeFileName(props.title, 'json'),
            JSON.stringify(draftFile(props.draft, props.title, props.data, APP_VERSION), null, 2),
          )
        }
      >
        {t('editor.save.download')}
      </button>
    </div>
  );
}
