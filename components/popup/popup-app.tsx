import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { forms, formIds, getForm, type FormId } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import { createDraft, listDrafts } from '../../lib/db/drafts';
import { uiDb } from '../../lib/ui/db';
import { useLive, useLocale, usePersistedLocale } from '../../lib/ui/hooks';
import { readSetting, writeSetting } from '../../lib/ui/settings';
import { editorPath } from '../../lib/ui/routes';
import { FillPanel } from '../autofill/fill-panel';
import { VerifyPanel } from '../verify/verify-panel';
import { LanguageSwitch } from '../shell/language-switch';
import { formatDateTime } from '../ui/format';
import { errorText } from '../ui/error-text';

const RECENT = 5;

function openTab(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/options.html') });
  window.close();
}

/**
 * The toolbar popup: the five most recent drafts, which one is "current" (the draft autofill uses), a new draft of a
 * chosen form (opened in an editor tab), and the autofill panel for the current draft. Kept light: no reference lists.
 */
export function PopupApp() {
  const ready = usePersistedLocale();
  useLocale();
  const db = uiDb();
  // One live query for both, so the current draft is never judged against a list that has not loaded yet.
  const state = useLive(async () => {
    // Drafts encrypted and not unlocked in this browser session: say so instead of listing (issue 13 §10).
    await db.open();
    if (db.keyring.status() === 'locked') return { locked: true, recent: [], stored: null, currentId: null };
    const all = await listDrafts(db);
    const stored = await readSetting(db, 'ui.currentDraft');
    const recent = all.slice(0, RECENT);
    const current = all.find((d) => d.id === stored);
    // The current draft stays visible even when it is older than the five most recent.
    if (current && !recent.includes(current)) recent.push(current);
    return { locked: false, recent, stored, currentId: current?.id ?? all[0]?.id ?? null };
  }, []);
  const [formId, setFormId] = useState<FormId>(formIds[0]!);
  const [error, setError] = useState<string | null>(null);
  const drafts = state?.recent;
  const currentId = state?.currentId ?? null;

  // The stored current draft may have been deleted since: fall back to the most recent one, and remember that.
  useEffect(() => {
    if (state && !state.locked && state.currentId !== state.stored) void writeSetting(db, 'ui.currentDraft', state.currentId);
  }, [state, db]);

  if (!ready) return null;
  const create = async () => {
    setError(null);
    try {
      const draft = await createDraft(db, forms[formId], { title: pick(forms[formId].title) });
      await writeSetting(db, 'ui.currentDraft', draft.id);
      openTab(editorPath(draft.id));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div class="popup">
      <header class="row popup-head">
        <h1>{t('common.appName')}</h1>
        <span class="spacer" />
        <LanguageSwitch />
      </header>
      <section aria-labelledby="recent-title">
        <div class="row">
          <h2 id="recent-title">{t('popup.recent')}</h2>
          <span class="spacer" />
          <button type="button" class="link-btn" onClick={() => openTab('options.html#/drafts')}>
            {t('popup.openEditor')}
          </button>
        </div>
        {state?.locked ? (
          <p class="banner banner-warning" role="status" data-testid="popup-locked">
            {t('vault.locked')}
          </p>
        ) : drafts === undefined ? null : drafts.length === 0 ? (
          <p class="muted">{t('popup.none')}</p>
        ) : (
          <fieldset class="recent">
            <legend class="sr-only">{t('popup.current')}</legend>
            {drafts.map((d) => (
              <div key={d.id} class={d.id === currentId ? 'recent-item current' : 'recent-item'}>
                <label class="recent-pick">
                  <input
                    type="radio"
                    name="current"
                    checked={d.id === currentId}
                    onChange={() => void writeSetting(db, 'ui.currentDraft', d.id)}
                  />
                  <span class="recent-text">
                    <span class="recent-title">{d.title}</span>
                    <span class="muted small">
                      {getForm(d.formId) ? pick(getForm(d.formId)!.title) : d.formId} · {formatDateTime(d.updatedAt)}
                    </span>
                  </span>
                </label>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={t('popup.openNamed', { title: d.title })}
                  onClick={() => openTab(editorPath(d.id))}
                >
                  {t('popup.open')}
                </button>
              </div>
            ))}
          </fieldset>
        )}
      </section>
      <section class="row new-draft" aria-labelledby="new-title">
        <h2 id="new-title" class="sr-only">
          {t('popup.new')}
        </h2>
        <label for="popup-form" class="sr-only">
          {t('popup.form')}
        </label>
        <select id="popup-form" value={formId} onChange={(e) => setFormId(e.currentTarget.value as FormId)}>
          {formIds.map((id) => (
            <option key={id} value={id}>
              {pick(forms[id].title)}
            </option>
          ))}
        </select>
        <button type="button" class="btn btn-primary" onClick={create}>
          {t('popup.new')}
        </button>
      </section>
      {error && (
        <p class="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <FillPanel draftId={currentId} />
      <VerifyPanel />
    </div>
  );
}
