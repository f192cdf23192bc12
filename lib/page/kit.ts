import type { Driver } from './drivers';

/**
 * A kit: what page reading knows about one component library, as data plus its drivers. Scan, label inference, the
 * add-row search and the upload guard read these fields; nothing else in lib/page names a library's class.
 */

/** A component root recognised as one control (its inner inputs are not reported separately). */
export interface ComponentSpec<K extends string> {
  /** Selector of the component root. */
  root: string;
  kind: K;
  /** Selector (on the root or inside it) that marks the component disabled. */
  disabled: string;
  /** Roots that match but are not fillable by this kind (date ranges). */
  skip?: string;
  /** The root counts only when it holds an element matching this (generic ARIA roots: a radiogroup of `[role=radio]`). */
  has?: string;
}

/** A native control hidden behind the library's own face, its next sibling (layui's select). */
export interface FaceSpec<K extends string> {
  tag: 'SELECT';
  face: string;
  kind: K;
}

export interface Kit<K extends string> {
  name: string;
  /** First match wins, across kits in the order of lib/page/kits/index.ts. */
  components: ReadonlyArray<ComponentSpec<NoInfer<K>>>;
  faces: ReadonlyArray<FaceSpec<NoInfer<K>>>;
  /** Form items and the element inside that holds their label. */
  formItems: ReadonlyArray<{ item: string; label: string }>;
  /** One driver per control kind of this kit: read, write, restore (undo) and read-back. */
  drivers: Record<K, Driver>;
  /** Elements that may be an add-row control (buttons, links, the library's button class). */
  addRow: readonly string[];
  /** Tooltips the library keeps in the DOM beside their trigger: the wrapper and the element holding the text. */
  tooltips?: ReadonlyArray<{ around: string; text: string }>;
  /** Drop zones of the library's upload widget. */
  uploadAreas: readonly string[];
  /** Ids the library generates for its own inputs (`rc_select_3`): a counter, not a row index nor a field code. */
  generatedIds?: RegExp;
}

/** Declare a kit; its driver keys become control kinds (`ControlKind` in lib/page/kits). */
export function defineKit<const K extends string>(kit: Kit<K>): Kit<K> {
  return kit;
}
