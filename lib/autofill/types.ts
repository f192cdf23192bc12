/**
 * Shared shapes of the autofill pipeline (scan → match → fill → report → undo). Pure data: these cross from the
 * popup to the content script by message, so they hold strings and numbers only, never elements.
 */

import type { ControlKind, FieldHint, FillReason, LabelCandidate } from '../page/types';

export type { FieldHint, FillReason };

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

/** What undo left as filled, per draft path: no way for a person to empty it, or the page kept the filled value. */
export interface UndoResult {
  restored: number;
  failed: number;
  left: Array<{ path: string; reason: 'noWay' | 'notRestored' }>;
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
