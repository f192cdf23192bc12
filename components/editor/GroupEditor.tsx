import { useState } from 'preact/hooks';
import type { FormData, GroupDef } from '../../lib/forms/types';
import { fieldPath } from '../../lib/forms';
import { pick, t } from '../../lib/i18n';
import type { Finding } from '../../lib/rules/types';
import { inputId } from '../../lib/ui/fieldPath';
import { canRemoveRow, displayRows, filledRows } from '../../lib/ui/formData';
import { FieldInput } from './FieldInput';
import { itemTitle } from './itemTitle';

/**
 * A repeated group (the recommended schools): one card per row with every column as a labelled input, a summary
 * line per row (name, its findings), add and remove. At least `minRows` rows are always shown (§2: ≥ 5 schools).
 * The region has the id `group-<key>` so a group-level finding (too few rows) can focus it.
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
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const removable = canRemoveRow(data, group);
  const toggle = (i: number) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  const titleField = group.fields[0];
  return (
    <section class="group card" id={`group-${group.key}`} tabIndex={-1} aria-labelledby={`group-${group.key}-title`}>
      <header class="row group-head">
        <h2 id={`group-${group.key}-title`}>{pick(group.label)}</h2>
        <span class="muted">
          {t('editor.group.count', { filled: filledRows(data, group), min: group.minRows })}
        </span>
        <span class="spacer" />
        <button type="button" class="btn btn-small" onClick={() => setCollapsed(collapsed.size ? new Set() : new Set(rows.map((_, i) => i)))}>
          {collapsed.size ? t('editor.group.expandAll') : t('editor.group.collapseAll')}
        </button>
      </header>
      {props.groupFindings.length > 0 && (
        <ul class="field-findings group-findings">
          {props.groupFindings.map((f, i) => (
            <li key={i} class={`finding finding-${f.severity}`}>
              <span class={`badge badge-${f.severity}`}>{t(f.severity === 'error' ? 'common.error' : 'common.warning')}</span> {pick(f.message)}{' '}
              <span class="finding-clause">{t('editor.finding.clause', { clause: f.clause })}</span>
            </li>
          ))}
        </ul>
      )}
      <ol class="group-rows">
        {rows.map((row, i) => {
          const rowFindings = group.fields.flatMap((f) => props.findingsAt(fieldPath({ group: group.key, row: i, key: f.key })));
          const errors = rowFindings.filter((f) => f.severity === 'error').length;
          const warnings = rowFindings.length - errors;
          const isOpen = !collapsed.has(i);
          const itemName = itemTitle(group, i);
          return (
            <li key={i} class="group-row" data-row={i}>
              <div class="row group-row-head">
                <button
                  type="button"
                  class="link-btn group-row-toggle"
                  aria-expanded={isOpen}
                  aria-controls={`${group.key}-row-${i}`}
                  onClick={() => toggle(i)}
                >
                  <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> <strong>{itemName}</strong>
                  {titleField && row[titleField.key] ? <span class="muted"> · {row[titleField.key]}</span> : null}
                </button>
                {errors > 0 && <span class="badge badge-error">{t('editor.findings.errors', { n: errors })}</span>}
                {warnings > 0 && <span class="badge badge-warning">{t('editor.findings.warnings', { n: warnings })}</span>}
                <span class="spacer" />
                {removable && i < (data.groups[group.key]?.length ?? 0) && (
                  <button
                    type="button"
                    class="btn btn-small btn-danger"
                    aria-label={t('editor.group.removeNamed', { item: itemName })}
                    onClick={() => props.onRemoveRow(i)}
                  >
                    {t('editor.group.remove')}
                  </button>
                )}
              </div>
              <div id={`${group.key}-row-${i}`} class="field-grid" hidden={!isOpen}>
                {group.fields.map((f) => {
                  const path = fieldPath({ group: group.key, row: i, key: f.key });
                  return (
                    <FieldInput
                      key={f.key}
                      field={f}
                      id={inputId(path)}
                      value={row[f.key] ?? ''}
                      findings={props.findingsAt(path)}
                      onInput={(v) => props.onCell(path, v)}
                      onBlur={() => props.onBlur(path)}
                    />
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={group.maxRows !== undefined && (data.groups[group.key]?.length ?? 0) >= group.maxRows}
          onClick={props.onAddRow}
        >
          {t('editor.group.add', { item: pick(group.itemLabel) })}
        </button>
      </div>
    </section>
  );
}
