/**
 * Shapes of the verify pipeline: the content script reads records out of a page (`PageRead`), an extension page
 * normalises and checks them (rules + roster, `VerifyResult`), and the content script draws the findings in place.
 * Everything here crosses a context boundary by message, so it is plain data: strings and numbers, never elements.
 */
import type { Bilingual } from '../forms/types';
import type { Severity } from '../rules/types';

/** One value read from the page, with the anchor the content script keeps for the element it came from. */
export interface ReadCell {
  /** Anchor id, valid in the frame that read it until the next read. */
  ref: number;
  text: string;
}

/** Where a record was read from: a form's controls, a read-only view, or a row of a list table. */
export type RecordSource = 'form' | 'view' | 'table';

export interface ReadRecord {
  source: RecordSource;
  /** Index of the table among the frame's record tables (table records only). */
  table?: number;
  /** 0-based data row in its table; 0 for a single record. */
  row: number;
  /** Anchor of the whole record (the table row), for jump-to links. */
  ref: number;
  /** Field key → value as shown. Only fields the page shows are present: a missing key is "not on the page", not empty. */
  cells: Record<string, ReadCell>;
  /** Labels of a read-only view that name no field (shown once in the summary, never guessed). */
  unmapped?: string[];
}

export interface ReadTable {
  index: number;
  /** Header text of each column, in visual order. */
  headers: string[];
  /** Column index → field key, for the columns that were mapped. */
  mapped: Record<number, string>;
  /** Header texts of columns that name no field (shown in the summary, never guessed). */
  unmapped: string[];
  rows: number;
  kind: 'html' | 'element' | 'antd';
}

/**
 * The rows of one list table in a compact form for the message (a few arrays instead of an object per cell: a
 * 1,000-row list crosses the context boundary several times faster). `expandRows` turns it back into records.
 */
export interface ReadRows {
  table: number;
  /** Field key of each read column, in the order of `texts` within a row. */
  keys: string[];
  /** Anchor of each row. */
  rowRefs: number[];
  /** Anchor of each row's first read cell; the row's cells follow it in `keys` order (`first + i`). */
  cellRefs: number[];
  /** Row-major cell texts: `keys.length` per row. */
  texts: string[];
}

/** What one frame's content script read. */
export interface PageRead {
  frameUrl: string;
  title: string;
  /** Single records (a form or a read-only view). */
  records: ReadRecord[];
  /** List tables' rows, compact (see `ReadRows`). */
  lists: ReadRows[];
  tables: ReadTable[];
  /** Milliseconds spent reading. */
  ms: number;
}

/** A finding placed on the page: a rule's finding (or a roster difference) with the row, field and value it is about. */
export interface PageFinding {
  ruleId: string;
  severity: Severity;
  message: Bilingual;
  clause: string;
  fix?: Bilingual;
  source: RecordSource;
  table?: number;
  /** 0-based data row (table records), 0 for a single record. */
  row: number;
  /** Field keys the finding names that the page shows; the first one is where the marker goes. */
  fields: string[];
  /** Field labels (Chinese/English) of `fields`, for the findings list and the export. */
  labels: Bilingual[];
  /** The page's value of the first field. */
  value: string;
  /** Anchors of the cells of `fields` (or of the row, when none is on the page). */
  refs: number[];
  /** Frame the record was read in (0 = top). */
  frameId: number;
}

export interface VerifyResult {
  url: string;
  /** Records checked (form/view records count as one each, tables one per row). */
  records: number;
  errors: number;
  warnings: number;
  /** Records with no finding. */
  clean: number;
  findings: PageFinding[];
  tables: ReadTable[];
  /** Column headers and view labels that name no field, each once. */
  unmapped: string[];
  /** Whether a roster was used for the cross-check, and how many records were found in it. */
  roster?: { students: number; matched: number };
  ms: number;
}
