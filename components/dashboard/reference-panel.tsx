import { useState } from 'preact/hooks';
import { pick, t, type MessageKey } from '../../lib/i18n';
import { parseReferenceImport, referenceListIds, type AnyReferenceList, type ReferenceListId } from '../../lib/reference';
import { loadOverrides, removeReferenceList, saveReferenceList } from '../../lib/db/reference-lists';
import { uiDb } from '../../lib/ui/db';
import { useLive } from '../../lib/ui/hooks';
import { useReferenceData } from '../../lib/ui/use-findings';
import { formatDateTime } from '../ui/format';
import { errorText } from '../ui/error-text';
import { DoneBanner, ErrorBanner, FilePicker, ImportPreview } from '../ui/import-preview';
import { ManagedBadge } from '../ui/managed-badge';
import { useManagedPolicy } from '../../lib/managed/use-policy';

const listName: Record<ReferenceListId, MessageKey> = {
  universities: 'editor.ref.universities',
  doubleFirstClass: 'editor.ref.doubleFirstClass',
  pilotUniversities: 'editor.ref.pilotUniversities',
  provinces: 'editor.ref.provinces',
  divisions: 'editor.ref.divisions',
};

type Phase =
  | { name: 'idle' }
  | { name: 'preview'; list: AnyReferenceList; file: string }
  | { name: 'error'; message: string }
  | { name: 'done'; text: string };

/**
 * The reference lists the rules judge against (universities, 双一流, pilot universities, provinces, divisions): version,
 * source and size of each, and an admin import that replaces one list. The file is validated whole before anything
 * is stored (lib/reference `parseReferenceImport`); "restore" goes back to the shipped list.
 */
export function ReferencePanel() {
  const db = uiDb();
  const refs = useReferenceData();
  const overrides = useLive(() => loadOverrides(db), []);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const managed = useManagedPolicy();
  const managedList = (id: ReferenceListId) => managed?.policy?.referenceLists.find((l) => l.id === id);

  const onFile = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (err) {
      setPhase({ name: 'error', message: t('editor.ref.notJson', { detail: err instanceof Error ? err.message : String(err) }) });
      return;
    }
    const r = parseReferenceImport(json);
    // The organisation's list stays in force whatever is imported: say so instead of storing a list that would never apply.
    if (r.ok && managedList(r.list.id))
      return setPhase({ name: 'error', message: t('managed.referenceLocked', { name: t(listName[r.list.id]) }) });
    setPhase(r.ok ? { name: 'preview', list: r.list, file: file.name } : { name: 'error', message: pick(r.error) });
  };
  const confirm = async (list: AnyReferenceList) => {
    try {
      await saveReferenceList(db, list);
      setPhase({ name: 'done', text: t('editor.ref.imported', { name: t(listName[list.id]), n: list.items.length }) });
    } catch (e) {
      setPhase({ name: 'error', message: errorText(e) });
    }
  };
  const restore = async (id: ReferenceListId) => {
    try {
      await removeReferenceList(db, id);
      setPhase({ name: 'done', text: t('editor.ref.restored', { name: t(listName[id]) }) });
    } catch (e) {
      setPhase({ name: 'error', message: errorText(e) });
    }
  };

  return (
    <div class="stack">
      <section class="card stack" aria-labelledby="ref-title">
        <h1 id="ref-title">{t('editor.ref.title')}</h1>
        <p class="muted small">{t('editor.ref.intro')}</p>
        {!refs ? (
          <p class="muted">{t('editor.loading')}</p>
        ) : (
          <div class="table-scroll">
            <table class="grid ref-table" data-testid="reference-lists">
              <thead>
                <tr>
                  <th scope="col">{t('editor.ref.list')}</th>
                  <th scope="col">{t('editor.ref.version')}</th>
                  <th scope="col">{t('editor.ref.count')}</th>
                  <th scope="col">{t('editor.ref.origin')}</th>
                  <th scope="col">{t('editor.ref.source')}</th>
                </tr>
              </thead>
              <tbody>
                {referenceListIds.map((id) => {
                  const list = refs[id];
                  const locked = managedList(id);
                  const imported = locked ? undefined : overrides?.find((o) => o.id === id);
                  return (
                    <tr key={id} data-list={id}>
                      <th scope="row">{t(listName[id])}</th>
                      <td>{imported || locked ? list.version : t(`reference.${id}.version`)}</td>
                      <td>{list.items.length}</td>
                      <td>
                        {locked ? (
                          <ManagedBadge kind="locked" />
                        ) : imported ? (
                          <span class="stack-tight">
                            <span class="badge badge-warning">
                              {t('editor.ref.importedAt', { when: formatDateTime(imported.importedAt) })}
                            </span>
                            <button type="button" class="link-btn small" onClick={() => restore(id)}>
                              {t('editor.ref.restore')}
                            </button>
                          </span>
                        ) : (
                          <span class="badge badge-muted">{t('editor.ref.shipped')}</span>
                        )}
                      </td>
                      <td class="source">
                        {imported || locked ? (
                          list.source
                        ) : (
                          <>
                            {t(`reference.${id}.source`)}
                            <details class="small muted">
                              <summary>{t('reference.original')}</summary>
                              <span lang="en">
                                {list.version} · {list.source}
                              </span>
                            </details>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card stack" aria-labelledby="ref-import-title">
        <h2 id="ref-import-title">{t('editor.ref.importTitle')}</h2>
        <p class="muted small">{t('editor.ref.importHint')}</p>
        <FilePicker
          id="ref-file"
          label={t('editor.ref.chooseFile')}
          accept=".json,application/json"
          onFile={onFile}
          testId="reference-file"
        />
        {phase.name === 'error' && <ErrorBanner message={phase.message} testId="reference-error" />}
        {phase.name === 'done' && <DoneBanner>{phase.text}</DoneBanner>}
        {phase.name === 'preview' && (
          <ImportPreview
            testId="reference-preview"
            confirmLabel={t('editor.ref.confirm')}
            onConfirm={() => confirm(phase.list)}
            onCancel={() => setPhase({ name: 'idle' })}
          >
            <span>
              {t('editor.ref.preview', {
                file: phase.file,
                name: t(listName[phase.list.id]),
                version: phase.list.version,
                n: phase.list.items.length,
                was: refs?.[phase.list.id].items.length ?? 0,
              })}
            </span>
          </ImportPreview>
        )}
      </section>
    </div>
  );
}
