import { memo } from 'preact/compat';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FieldDef, FormData, GroupDef } from '../../lib/forms/types';
import { fieldPath } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import type { Finding } from '../../lib/rules/types';
import { inputId } from '../../lib/ui/field-path';
import { canRemoveRow, displayRows, filledRows } from '../../lib/ui/form-data';
import { FieldInput } from './field-input';
import { FindingNote } from './finding-note';
import { itemTitle } from './item-title';

/** Ask a group to open one of its rows (a finding in a collapsed row was clicked). */
export const REVEAL_ROW = 'guoyou:reveal-row';
export type RevealDetail = { group: string; row: number };

/** Groups longer than this start with only their first rows open: 200 schools × 16 inputs would make typing slow. */
const OPEN_ALL_UP_TO = 12;
const OPEN_FIRST = 5;

function initiallyOpen(count: number): Set<number> {
  return new Set(Array.from({ length: count <= OPEN_ALL_UP_TO ? count : OPEN_FIRST }, (_, i) => i));
}

/** A cheap fingerprint of a row's findings, so an unchanged row skips re-rendering on every keystroke elsewhere. */
function signature(lists: Finding[][]): string {
  return lists.map((l) => l.map((f) => `${f.ruleId}:${f.severity}:${f.message.zh}:${f.fields.join(',')}`).join(';')).join('|');
}

/**
 * A repeated group (the recommended schools): one card per row with every column as a labelled input, a summary
 * line per row (name, its findings), add and remove. At least `minRows` rows are always shown (§2: ≥ 5 schools).
 * The region has the id `group-<key>` so a group-level finding (too few rows) can focus it. Closed rows render no
 * inputs; opening one (or clicking one of its findings) renders it.
 */
export function GroupEditor(props: {
  group: GroupDef;
  data: FormData;
  findingsAt: (path: string) => Finding[];
  groupFindings: Finding[];
  onCell: (path: string, value: string) => void;
  onBlur: (path: string) => void;
  onAddRow: () => void;
  onRemoveRow: (row: number) => void;
}) {
  const { group, data } = props;
  const rows = displayRows(data, group);
  const [open, setOpen] = useState<Set<number>>(() => initiallyOpen(rows.length));
  const removable = canRemoveRow(data, group);
  const stored = data.groups[group.key]?.length ?? 0;
  const removeRef = useRef(props.onRemoveRow);
  removeRef.current = props.onRemoveRow;
  const onRemove = useCallback((i: number) => removeRef.current(i), []);
  const toggle = useCallback(
    (i: number) =>
      setOpen((s) => {
        const next = new Set(s);
        if (next.has(i)) next.delete(i);
        else next.add(i);
        return next;
      }),
    [],
  );
  useEffect(() => {
    const onReveal = (e: Event) => {
      const { group: g, row } = (e as CustomEvent<RevealDetail>).detail;
      if (g === group.key) setOpen((s) => (s.has(row) ? s : new Set(s).add(row)));
    };
    addEventListener(REVEAL_ROW, onReveal);
    return () => removeEventListener(REVEAL_ROW, onReveal);
  }, [group.key]);
  const addRow = () => {
    setOpen((s) => new Set(s).add(rows.length));
    props.onAddRow();
  };
  const allOpen = open.size >= rows.length;

  return (
    <section class="group card" id={`group-${group.key}`} tabIndex={-1} aria-labelledby={`group-${group.key}-title`}>
      <header class="row group-head">
        <h2 id={`group-${group.key}-title`}>{pick(group.label)}</h2>
        <span class="muted">{t('editor.group.count', { filled: filledRows(data, group), min: group.minRows })}</span>
        <span class="spacer" />
        <button type="button" class="btn btn-small" onClick={() => setOpen(allOpen ? new Set() : new Set(rows.map((_, i) => i)))}>
          {allOpen ? t('editor.group.collapseAll') : t('editor.group.expandAll')}
        </button>
      </header>
      {props.groupFindings.length > 0 && (
        <ul class="field-findings group-findings">
          {props.groupFindings.map((f, i) => (
            <li key={i}>
              <FindingNote finding={f} />
            </li>
          ))}
        </ul>
      )}
      <ol class="group-rows">
        {rows.map((row, i) => {
          const lists = group.fields.map((f) => props.findingsAt(fieldPath({ group: group.key, row: i, key: f.key })));
          return (
            <GroupRow
              key={i}
              group={group}
              index={i}
              row={row}
              findings={lists}
              sig={signature(lists)}
              open={open.has(i)}
              removable={removable && i < stored}
              onToggle={toggle}
              onCell={props.onCell}
              onBlur={props.onBlur}
              onRemove={onRemove}
            />
          );
        })}
      </ol>
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={group.maxRows !== undefined && stored >= group.maxRows}
          onClick={addRow}
          data-testid={`add-${group.key}`}
        >
          {t('editor.group.add', { item: pick(group.itemLabel) })}
        </button>
      </div>
    </section>
  );
}

interface RowProps {
  group: GroupDef;
  index: number;
  row: Record<string, string>;
  /** Findings per column, in `group.fields` order. */
  findings: Finding[][];
  sig: string;
  open: boolean;
  removable: boolean;
  onToggle: (i: number) => void;
  onCell: (path: string, value: string) => void;
  onBlur: (path: string) => void;
  onRemove: (i: number) => void;
}

const GroupRow = memo(
  function GroupRow(p: RowProps) {
    const { group, index: i, row } = p;
    const all = p.findings.flat();
    const errors = all.filter((f) => f.severity === 'error').length;
    const warnings = all.length - errors;
    const name = itemTitle(group, i);
    const titleField: FieldDef | undefined = group.fields[0];
    const bodyId = `${group.key}-row-${i}`;
    return (
      <li class="group-row" data-row={i}>
        <div class="row group-row-head">
          <button
            type="button"
            class="link-btn group-row-toggle"
            aria-expanded={p.open}
            aria-controls={bodyId}
            onClick={() => p.onToggle(i)}
          >
            <span aria-hidden="true">{p.open ? '▾' : '▸'}</span> <strong>{name}</strong>
            {titleField && row[titleField.key] ? <span class="muted"> · {row[titleField.key]}</span> : null}
          </button>
          {errors > 0 && <span class="badge badge-error">{t('editor.findings.errors', { n: errors })}</span>}
          {warnings > 0 && <span class="badge badge-warning">{t('editor.findings.warnings', { n: warnings })}</span>}
          <span class="spacer" />
          {p.removable && (
            <button
              type="button"
              class="btn btn-small btn-danger"
              aria-label={t('editor.group.removeNamed', { item: name })}
              onClick={() => p.onRemove(i)}
            >
              {t('editor.group.remove')}
            </button>
          )}
        </div>
        {p.open && (
          <div id={bodyId} class="field-grid">
            {group.fields.map((f, k) => {
              const path = fieldPath({ group: group.key, row: i, key: f.key });
              return (
                <FieldInput
                  key={f.key}
                  field={f}
                  id={inputId(path)}
                  value={row[f.key] ?? ''}
                  findings={p.findings[k] ?? []}
                  onInput={(v) => p.onCell(path, v)}
                  onBlur={() => p.onBlur(path)}
                />
              );
            })}
          </div>
        )}
      </li>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.sig === b.sig &&
    a.open === b.open &&
    a.removable === b.removable &&
    a.index === b.index &&
    a.group === b.group &&
    a.onCell === b.onCell &&
    a.onBlur === b.onBlur,
);
