import { useState } from 'preact/hooks';
import type { FormData, FormDefinition } from '../../lib/forms/types';
import { t } from '../../lib/i18n';
import type { DraftRow } from '../../lib/db/schema';
import { diffData } from '../../lib/ui/diff';
import { Dialog } from '../ui/dialog';
import { formatDateTime } from '../ui/format';
import { DiffTable } from './diff-table';

/**
 * Another tab saved this draft while this one had unsaved edits. The user must choose — there is no close button and
 * Esc does nothing — so nothing is ever overwritten silently. The differing values are listed to help the choice.
 */
export function ConflictDialog(props: {
  form: FormDefinition;
  theirs: DraftRow | null;
  mine: FormData;
  onChoose: (choice: 'mine' | 'theirs' | 'both') => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const { theirs } = props;
  const changes = theirs ? diffData(theirs.data, props.mine) : [];
  const choose = async (c: 'mine' | 'theirs' | 'both') => {
    setBusy(true);
    try {
      await props.onChoose(c);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={!!theirs}
      title={t('editor.conflict.title')}
      onClose={() => {}}
      dismissible={false}
      wide
      testId="conflict-dialog"
      actions={
        <>
          <button type="button" class="btn" disabled={busy} onClick={() => choose('both')} data-choice="both">
            {t('editor.conflict.both')}
          </button>
          <button type="button" class="btn" disabled={busy} onClick={() => choose('theirs')} data-choice="theirs">
            {t('editor.conflict.theirs')}
          </button>
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => choose('mine')} data-choice="mine">
            {t('editor.conflict.mine')}
          </button>
        </>
      }
    >
      {theirs && (
        <>
          <p>{t('editor.conflict.body', { time: formatDateTime(theirs.updatedAt) })}</p>
          <ul class="plain small">
            <li>{t('editor.conflict.explainMine')}</li>
            <li>{t('editor.conflict.explainTheirs')}</li>
            <li>{t('editor.conflict.explainBoth')}</li>
          </ul>
          {changes.length > 0 && (
            <DiffTable
              form={props.form}
              changes={changes}
              beforeCol={t('editor.conflict.theirsCol')}
              afterCol={t('editor.conflict.mineCol')}
              limit={50}
              caption={t('editor.conflict.diffCaption', { n: changes.length })}
            />
          )}
        </>
      )}
    </Dialog>
  );
}
