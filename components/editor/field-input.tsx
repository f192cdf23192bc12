import type { FieldDef } from '../../lib/forms/types';
import type { Finding } from '../../lib/rules/types';
import { pick, t } from '../../lib/i18n';
import { FindingNote } from './finding-note';

/**
 * One field of a form pack, rendered by its type, with its findings right under it. The input's id is the field
 * path's DOM id, so clicking a finding in the panel can focus it; errors set `aria-invalid` and are announced through
 * `aria-describedby`.
 */
export function FieldInput(props: {
  field: FieldDef;
  id: string;
  value: string;
  findings: Finding[];
  onInput: (value: string) => void;
  onBlur?: () => void;
  /** Hide the visible label (table cells have a column header); the label stays for screen readers. */
  compact?: boolean;
}) {
  const { field, id, value, findings } = props;
  const helpId = `${id}-help`;
  const notesId = `${id}-notes`;
  const describedBy = [field.help ? helpId : '', findings.length ? notesId : ''].filter(Boolean).join(' ') || undefined;
  const invalid = findings.some((f) => f.severity === 'error');
  const common = {
    id,
    name: field.key,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
    'data-field': field.key,
    onBlur: props.onBlur,
  };
  const onInput = (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value);

  let control;
  switch (field.type) {
    case 'select':
      control = (
        <select {...common} value={value} onChange={onInput}>
          <option value="">{t('editor.field.choose')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {pick(o.label)}
            </option>
          ))}
          {value && !field.options?.some((o) => o.value === value) && <option value={value}>{value}</option>}
        </select>
      );
      break;
    case 'textarea':
      control = <textarea {...common} value={value} rows={3} onInput={onInput} />;
      break;
    case 'date':
      // A date picker cannot show a value it cannot parse (e.g. an imported "2024/8/1"): it would look empty while
      // the draft holds text. Show such a value as text so the user sees it and can correct it.
      control =
        value && !/^\d{4}-\d{2}-\d{2}$/.test(value) ? (
          <input {...common} type="text" placeholder="YYYY-MM-DD" value={value} onInput={onInput} />
        ) : (
          <input {...common} type="date" value={value} onInput={onInput} onChange={onInput} />
        );
      break;
    case 'integer':
      control = <input {...common} type="text" inputMode="numeric" value={value} onInput={onInput} />;
      break;
    case 'phone':
      control = <input {...common} type="tel" autoComplete="off" value={value} onInput={onInput} />;
      break;
    case 'email':
      control = <input {...common} type="email" autoComplete="off" value={value} onInput={onInput} />;
      break;
    case 'code':
    case 'idNumber':
      control = <input {...common} type="text" spellcheck={false} autoComplete="off" value={value} onInput={onInput} class="mono" />;
      break;
    default:
      control = <input {...common} type="text" value={value} onInput={onInput} />;
  }

  const length = [...value].length;
  return (
    <div class={`field field-${field.type}${invalid ? ' has-error' : findings.length ? ' has-warning' : ''}`}>
      <label for={id} class={props.compact ? 'sr-only' : 'field-label'}>
        {pick(field.label)}
        {field.required && (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {control}
      <div class="field-meta">
        {field.help && (
          <span id={helpId} class="field-help">
            {pick(field.help)}
          </span>
        )}
        {field.maxLength !== undefined && field.type === 'textarea' && (
          <span class={length > field.maxLength ? 'counter over' : 'counter'} aria-live="polite">
            {t('editor.field.counter', { n: length, max: field.maxLength })}
          </span>
        )}
      </div>
      {findings.length > 0 && (
        <ul id={notesId} class="field-findings">
          {findings.map((f, i) => (
            <li key={`${f.ruleId}-${i}`}>
              <FindingNote finding={f} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
