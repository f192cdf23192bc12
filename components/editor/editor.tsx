import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getForm, isBlankRow } from '../../lib/forms';
import type { FormDefinition, GroupDef } from '../../lib/forms/types';
import { getLocale, pick, t } from '../../lib/i18n';
import { getDraft } from '../../lib/db/drafts';
import type { DraftRow } from '../../lib/db/schema';
import { uiDb } from '../../lib/ui/db';
import { findingsByPath, inputId } from '../../lib/ui/field-path';
import { addRow, insertRow, removeRow } from '../../lib/ui/form-data';
import { useDraftSession, type ConflictChoice } from '../../lib/ui/use-draft-session';
import { itemTitle } from './item-title';
import { formatRoute } from '../../lib/ui/routes';
import type { Finding } from '../../lib/rules/types';
import { ExcelPanel } from '../excel/excel-panel';
import { PdfChecker } from '../pdf/pdf-checker';
import { PrintLink } from '../print/print-view';
import { RenameDialog } from '../dashboard/rename-dialog';
import { useToast } from '../ui/toast-context';
import { FieldInput } from './field-input';
import { FindingsPanel } from './findings-panel';
import { GroupEditor } from './group-editor';
import { SaveStatus } from './save-status';
import { ConflictDialog } from './conflict-dialog';
import { RevisionsDialog } from './revisions-dialog';
import { QuotaBanner } from './quota-banner';
import { useFindings } from '../../lib/ui/use-findings';
import { focusFinding } from './focus-finding';

/** Loads the draft, then hands it to the editor proper; a missing or deleted draft gets a way back, not a blank page. */
export function Editor(props: { draftId: string; field?: string }) {
  const [state, setState] = useState<{ draft: DraftRow } | 'missing' | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    getDraft(uiDb(), props.draftId).then(
      (d) => live && setState(d && !d.deletedAt ? { draft: d } : 'missing'),
      () => live && setState('missing'),
    );
    return () => {
      live = false;
    };
  }, [props.draftId]);
  if (state === null) return <p class="page muted">{t('editor.loading')}</p>;
  const form = state === 'missing' ? undefined : getForm(state.draft.formId);
  if (state === 'missing' || !form)
    return (
      <div class="page">
        <div class="banner banner-error" role="alert">
          {state === 'missing' ? t('editor.missing') : t('editor.unknownForm', { formId: state.draft.formId })}
          <a href={formatRoute({ name: 'tab', tab: 'drafts' })}>{t('editor.backToList')}</a>
        </div>
      </div>
    );
  return <DraftEditor key={state.draft.id} initial={state.draft} form={form} {...(props.field ? { field: props.field } : {})} />;
}

function DraftEditor(props: { initial: DraftRow; form: FormDefinition; field?: string }) {
  const { form, initial } = props;
  const toast = useToast();
  const session = useDraftSession(initial, form);
  const { data, dataRef, title, edit } = session;
  // What is only the page's: fields the user has been to, and which dialog is open.
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [renaming, setRenaming] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement | null>(null);

  // Arriving from a dialog or a link leaves focus nowhere: put it on the draft's title, so keyboard and screen-reader
  // users start at the top of the editor — or on the field a finding is about, when the link names one.
  useEffect(() => {
    if (props.field) focusFinding({ fields: [props.field] });
    else if (!document.activeElement || document.activeElement === document.body) headingRef.current?.focus();
  }, [props.field]);

  useEffect(() => {
    document.title = `${title} – ${t('common.appName')}`;
  }, [title, getLocale()]);

  const onBlur = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), []);

  // Undefined until the reference lists are loaded: the panel says it is checking rather than "no problems".
  const checked = useFindings(form, data);
  const findings = useMemo(() => checked ?? [], [checked]);
  const byPath = useMemo(() => findingsByPath(findings), [findings]);
  // A required field left empty is only flagged beside it once the user has been there; the panel lists all of them.
  const findingsAt = useCallback(
    (path: string): Finding[] => (byPath.get(path) ?? []).filter((f) => f.ruleId !== 'field.required' || touched.has(path)),
    [byPath, touched],
  );
  const groupFindings = (g: GroupDef) =>
    findings.filter((f) => f.fields.some((p) => p === g.key || new RegExp(`^${g.key}\\[\\d+\\]$`).test(p)));

  // Removing a row is instant and undoable (a toast), rather than a confirm() in the way of keyboard users.
  const removeWithUndo = (g: GroupDef, row: number) => {
    const values = dataRef.current.groups[g.key]?.[row];
    if (!values) return;
    edit(removeRow(dataRef.current, g.key, row));
    if (isBlankRow(values)) return;
    toast({
      text: t('editor.group.removed', { item: itemTitle(g, row) }),
      action: { label: t('common.undo'), run: () => edit(insertRow(dataRef.current, g.key, row, values)) },
      timeoutMs: 10_000,
    });
  };

  const resolve = async (choice: ConflictChoice) => {
    const copy = await session.resolveConflict(choice);
    if (copy)
      toast({
        text: t('editor.conflict.copied', { title: copy.title }),
        action: { label: t('editor.conflict.openCopy'), run: () => (location.hash = formatRoute({ name: 'draft', draftId: copy.id })) },
        timeoutMs: 12_000,
      });
  };

  return (
    <div class="page editor-page" data-testid="editor" data-draft-id={initial.id}>
      <header class="editor-head row">
        <a class="btn btn-small" href={formatRoute({ name: 'tab', tab: 'drafts' })}>
          ← {t('editor.backToList')}
        </a>
        <div class="editor-title">
          <h1 ref={headingRef} tabIndex={-1}>
            <span data-testid="draft-title">{title}</span>
            {session.archived && <span class="badge badge-muted title-badge">{t('editor.list.archivedBadge')}</span>}
          </h1>
          <div class="muted small">
            {pick(form.title)} · {pick(form.source)}
            {form.deadline && ` · ${t('editor.deadline', { date: form.deadline })}`}
          </div>
        </div>
        <span class="spacer" />
        <SaveStatus state={session.save.state} savedAt={session.save.savedAt} error={session.save.error} />
        <button type="button" class="btn btn-small" data-testid="editor-rename" onClick={() => setRenaming(true)}>
          {t('editor.list.rename')}
        </button>
        <button
          type="button"
          class="btn btn-small"
          data-testid="history-open"
          onClick={() => void session.flush().then(() => setHistoryOpen(true))}
        >
          {t('editor.history.open')}
        </button>
      </header>
      {session.gone && (
        <div class="banner banner-warning" role="alert">
          {t('editor.deletedElsewhere')}
        </div>
      )}
      {session.save.error && <QuotaBanner error={session.save.error} draft={initial} title={title} data={data} />}
      <div class="editor-layout">
        <div class="editor-main">
          {form.fields.length > 0 && (
            <section class="card" aria-labelledby="header-fields-title">
              <h2 id="header-fields-title">{t('editor.section.fields')}</h2>
              <div class="field-grid">
                {form.fields.map((f) => (
                  <FieldInput
                    key={f.key}
                    field={f}
                    id={inputId(f.key)}
                    value={data.fields[f.key] ?? ''}
                    findings={findingsAt(f.key)}
                    onInput={(v) => session.setValue(f.key, v)}
                    onBlur={() => onBlur(f.key)}
                  />
                ))}
              </div>
            </section>
          )}
          {form.groups.map((g) => (
            <GroupEditor
              key={g.key}
              group={g}
              data={data}
              findingsAt={findingsAt}
              groupFindings={groupFindings(g)}
              onCell={session.setValue}
              onBlur={onBlur}
              onAddRow={() => edit(addRow(dataRef.current, g))}
              onRemoveRow={(row) => removeWithUndo(g, row)}
            />
          ))}
        </div>
        <aside class="editor-side">
          <FindingsPanel form={form} findings={findings} checking={checked === undefined} />
          <section class="card tools" aria-label={t('editor.section.tools')}>
            <ExcelPanel draftId={initial.id} />
            {/* The sealed-PDF check compares the PDF's school list with the draft's: only forms with a list have one. */}
            {form.groups.length > 0 && <PdfChecker draftId={initial.id} />}
            <PrintLink draftId={initial.id} form={form} />
          </section>
        </aside>
      </div>
      <ConflictDialog form={form} theirs={session.conflict} mine={session.pendingData} onChoose={resolve} />
      <RevisionsDialog
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
        form={form}
        draftId={initial.id}
        current={data}
        rev={session.rev}
      />
      <RenameDialog draft={renaming ? { id: initial.id, title } : null} onClose={() => setRenaming(false)} />
    </div>
  );
}
