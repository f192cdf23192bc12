import { errorDetail } from '../../lib/db/errors';
import { pick, t } from '../../lib/i18n';
import type { Bilingual } from '../../lib/forms/types';

function isBilingual(x: unknown): x is Bilingual {
  return !!x && typeof x === 'object' && typeof (x as Bilingual).zh === 'string' && typeof (x as Bilingual).en === 'string';
}

/**
 * What to show for a caught error: its bilingual message when the library gave one (DbError, MessageError, import
 * errors), else a generic sentence with a one-line detail — never a stack trace.
 */
export function errorText(error: unknown): string {
  const b = (error as { bilingual?: unknown } | null)?.bilingual;
  if (isBilingual(b)) return pick(b);
  if (isBilingual(error)) return pick(error);
  return t('editor.error.generic', { detail: errorDetail(error) });
}
