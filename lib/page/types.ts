/**
 * Shapes of page reading (scan → label → drive → read back), shared by autofill and verify. Pure data.
 */

/** What kind of control a scanned element is: the component kinds of every kit (lib/page/kits), each with its driver. */
export type { ControlKind } from './kits';

/** Where a label candidate came from, strongest first; weights live in `SOURCE_WEIGHT` in lib/autofill/match.ts. */
export type LabelSource =
  | 'adapter'
  | 'label-for'
  | 'label-wrap'
  | 'aria-labelledby'
  | 'aria-label'
  | 'form-item'
  | 'cell-left'
  | 'column-header'
  | 'cell-above'
  | 'preceding-text'
  | 'placeholder'
  | 'title';

export interface LabelCandidate {
  text: string;
  source: LabelSource;
}

/** A slim projection of a form field: only what matching and filling need (no zod, no help texts). */
export interface FieldHint {
  /** Top-level key (`contactPhone`) or group field `schools[].schoolName`. */
  path: string;
  /** Set for group fields. */
  group?: string;
  key: string;
  label: string;
  /** Normalised label texts (the label, its synonyms). */
  names: string[];
  /**
   * The names in the matcher's comparison form (lib/page/match/normalize), distinct, when the sender computed them:
   * the extension page does it once per form, so a page's cold first scan does not normalise a hundred names.
   */
  keys?: string[];
  /** Lower-case pinyin codes (`xxmc`). */
  codes: string[];
  type: string;
  /** For selects: each stored value with every text that may stand for it on a page. */
  options?: Array<{ value: string; texts: string[] }>;
}

/** Why a field was skipped or failed: a key of lib/i18n/messages/autofill.ts `autofill.reason.*`. */
export type FillReason =
  | 'ok'
  | 'unchanged'
  | 'notFound'
  | 'emptyValue'
  | 'readonly'
  | 'disabled'
  | 'noOption'
  | 'noRow'
  | 'rowNotAdded'
  | 'rejected'
  | 'notShown'
  | 'notKept'
  | 'tooLong'
  | 'error';
