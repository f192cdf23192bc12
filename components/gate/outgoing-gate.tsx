import { useState } from 'preact/hooks';
import { getForm } from '../../lib/forms';
import type { FormDefinition } from '../../lib/forms/types';
import { t } from '../../lib/i18n';
import type { DraftRow } from '../../lib/db/schema';
import { loadOverrides } from '../../lib/db/reference-lists';
import { loadReferenceData } from '../../lib/reference';
import { validate } from '../../lib/rules';
import type { Finding } from '../../lib/rules/types';
import { uiDb } from '../../lib/ui/db';
import { sortFindings } from '../../lib/ui/field-path';
import { accept, needsConfirmation, totals } from '../../lib/ui/gate';
import { formatRoute } from '../../lib/ui/routes';
import { readSetting, writeSetting } from '../../lib/ui/settings';
import { FindingNote } from '../editor/finding-note';
import { describePath } from '../editor/describe-path';
import { Dialog } from '../ui/dialog';
import { exportAllowed, mergeReferenceLists, validateOptions } from '../../lib/managed/merge';
import { readManagedPolicy } from '../../lib/managed/read';

/** A draft about to leave, checked: what the export uses to mark error cells. */
export interface CheckedDraft {
  draft: DraftRow;
  form: FormDefinition;
  findings: Finding[];
}

type Kind = 'export' | 'print';

/** Findings listed in the dialog; the rest are counted (the editor's panel lists all of them). */
const LISTED = 30;

/**
 * The check before anything leaves. `guard(drafts, go)` runs the rules on the drafts as stored; when one has errors
 * and this revision was not confirmed before, a dialog says "本草稿有 N 个错误、M 个警告" with each problem as a way
 * to its field, and `go` runs only when the user chooses to go on (remembered for that revision). Render `dialog`.
 * `onJump` focuses a finding in the open editor; without it, each finding links to the editor at its field.
 */
export function useOutgoingGate(kind: Kind, onJump?: (f: Finding) => void) {
  const db = uiDb();
  const [pending, setPending] = useState<{ checked: CheckedDraft[]; go: (checked: CheckedDraft[]) => unknown } | null>(null);
  const [refused, setRefused] = useState(false);

  const guard = async (drafts: DraftRow[], go: (checked: CheckedDraft[]) => unknown) => {
    const { policy } = await readManagedPolicy();
    // The organisation's policy may forbid drafts to leave at all: asked here again, whatever the button showed.
    if (!exportAllowed(policy)) return setRefused(true);
    const refs = await loadReferenceData(mergeReferenceLists(await loadOverrides(db), policy));
    const now = new Date();
    const checked = drafts.flatMap((draft) => {
      const form = getForm(draft.formId);
      return form ? [{ draft, form, findings: sortFindings(validate(form, draft.data, refs, now, validateOptions(policy, form.id))) }] : [];
    });
    const gated = checked.map((c) => ({ id: c.draft.id, rev: c.draft.rev, findings: c.findings }));
    if (needsConfirmation(gated, await readSetting(db, 'ui.gateAccepted')).length === 0) return go(checked);
    setPending({ checked, go });
  };

  const proceed = async () => {
    if (!pending) return;
    const gated = pending.checked.map((c) => ({ id: c.draft.id, rev: c.draft.rev, findings: c.findings }));
    await writeSetting(db, 'ui.gateAccepted', accept(await readSetting(db, 'ui.gateAccepted'), gated));
    setPending(null);
    await pending.go(pending.checked);
  };

  const jump = (f: Finding) => {
    setPending(null);
    onJump?.(f);
  };

  const dialog = refused ? (
    <p class="banner banner-error" role="alert" data-testid="export-refused">
      {t('managed.exportRefused')}
    </p>
  ) : (
    <GateDialog
      kind={kind}
      checked={pending?.checked ?? null}
      onClose={() => setPending(null)}
      onProceed={() => void proceed()}
      {...(onJump ? { onJump: jump } : {})}
    />
  );
  return { guard, dialog };
}

function GateDialog(props: {
  kind: Kind;
  checked: CheckedDraft[] | null;
  onClose: () => void;
  onProceed: () => void;
  onJump?: (f: Finding) => void;
}) {
  const checked = props.checked ?? [];
  const { errors, warnings } = totals(checked.map((c) => ({ id: c.draft.id, rev: c.draft.rev, findings: c.findings })));
  const rows = checked.flatMap((c) => c.findings.map((f) => ({ c, f })));
  const listed = rows.slice(0, LISTED);
  return (
    <Dialog
      open={props.checked !== null}
      title={t(props.kind === 'print' ? 'gate.titlePrint' : 'gate.title')}
      onClose={props.onClose}
      wide
      testId="gate-dialog"
      actions={
        <>
          <button type="button" class="btn btn-primary" onClick={props.onClose} data-testid="gate-fix">
            {t('gate.fix')}
          </button>
          <button type="button" class="btn btn-danger" onClick={props.onProceed} data-testid="gate-proceed">
            {t(props.kind === 'print' ? 'gate.proceedPrint' : 'gate.proceedExport')}
          </button>
        </>
      }
    >
      <p class="gate-summary" data-testid="gate-summary">
        <strong>{t('gate.summary', { errors, warnings })}</strong>
      </p>
      <p class="muted small">{t('gate.intro')}</p>
      <ol class="findings-list gate-list" data-testid="gate-list">
        {listed.map(({ c, f }, i) => {
          const where = [checked.length > 1 ? c.draft.title : '', f.fields.map((p) => describePath(c.form, p)).join(' / ')]
            .filter(Boolean)
            .join(' · ');
          const body = (
            <>
              <span class="finding-where">{where || c.draft.title}</span>
              <FindingNote finding={f} />
            </>
          );
          return (
            <li key={`${c.draft.id}-${i}`}>
              {props.onJump ? (
                <button type="button" class="finding-btn" onClick={() => props.onJump!(f)}>
                  {body}
                </button>
              ) : (
                <a
                  class="finding-btn"
                  href={formatRoute({ name: 'draft', draftId: c.draft.id, ...(f.fields[0] ? { field: f.fields[0] } : {}) })}
                >
                  {body}
                </a>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length > listed.length && <p class="muted small">{t('gate.more', { n: rows.length - listed.length })}</p>}
    </Dialog>
  );
}
