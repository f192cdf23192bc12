/**
 * Shared shapes of the autofill pipeline (scan → match → fill → report → undo). Pure data: these cross from the
 * popup to the content script by message, so they hold strings and numbers only, never elements.
 */

/** What kind of control a scanned element is; each kind has a driver in lib/autofill/drivers. */
export type ControlKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'native-select'
  | 'radio-group'
  | 'checkbox'
  | 'el-select'
  | 'el-date'
  | 'layui-select'
  | 'antd-select'
  | 'antd-date';

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
  /** Lower-case pinyin codes (`xxmc`). */
  codes: string[];
  type: string;
  /** For selects: each stored value with every text that may stand for it on a page. */
  options?: Array<{ value: string; texts: string[] }>;
}

export interface GroupHint {
  key: string;
  /** Normalised texts naming one row (学校, 行) used to find the page's add-row button. */
  itemNames: string[];
}

/** A site adapter as the content script uses it (subset of SiteAdapterRow). */
export interface AdapterSpec {
  id: string;
  urlPattern: string;
  formId: string;
  /** Field path → control. Group paths use `[]` (`schools[].schoolName`): the selector then matches one control per row. */
  fields: Record<string, { selector?: string; label?: string; frame?: string }>;
  /** Group key → selector of the page's add-row button. */
  addRow?: Record<string, string>;
}

/** Everything one fill needs, sent by the popup to each frame. */
export interface FillPlan {
  formId: string;
  hints: FieldHint[];
  groups: GroupHint[];
  /** Field path → value; group rows as `schools[2].schoolName`. */
  values: Record<string, string>;
  /** Number of rows per group in the draft. */
  rows: Record<string, number>;
  adapters: AdapterSpec[];
  /** Paths already filled in another frame: skip them here. */
  done: string[];
  locale: 'zh-CN' | 'en';
}

export type FillStatus = 'filled' | 'skipped' | 'failed';

/** Why a field was skipped or failed: a key of lib/i18n/messages/autofill.ts `autofill.reason.*`. */
export type FillReason =
  'ok' | 'unchanged' | 'notFound' | 'emptyValue' | 'readonly' | 'disabled' | 'noOption' | 'noRow' | 'rejected' | 'error';

export interface FieldResult {
  path: string;
  label: string;
  status: FillStatus;
  reason: FillReason;
  value: string;
  /** How the control was found: `adapter`, a label source, or `code`. */
  via?: string;
  score?: number;
  detail?: string;
}

export interface FillReport {
  url: string;
  frameUrl: string;
  results: FieldResult[];
  filled: number;
  skipped: number;
  failed: number;
  ms: number;
}

/** A scanned control as reported out of the page (for the popup preview and the verify helper). */
export interface ScannedSummary {
  id: number;
  kind: ControlKind;
  labels: LabelCandidate[];
  name: string;
  value: string;
  row?: number;
  match?: { path: string; score: number; via: string };
}
