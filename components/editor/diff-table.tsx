import type { ComponentChildren } from 'preact';
import type { FormDefinition } from '../../lib/forms/types';
import { t } from '../../lib/i18n';
import type { ValueChange } from '../../lib/ui/diff';
import { describePath } from './describe-path';

/** Field-by-field differences between two versions of a draft (conflict dialog, history): the first `limit` rows. */
export function DiffTable(props: {
  form: FormDefinition;
  changes: ValueChange[];
  beforeCol: string;
  afterCol: string;
  limit: number;
  caption?: ComponentChildren;
}) {
  return (
    <table class="grid diff">
      {props.caption && <caption class="muted small">{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('editor.diff.field')}</th>
          <th scope="col">{props.beforeCol}</th>
          <th scope="col">{props.afterCol}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.slice(0, props.limit).map((c) => (
          <tr key={c.path}>
            <th scope="row">{describePath(props.form, c.path)}</th>
            <td>{c.before || <span class="muted">{t('editor.diff.empty')}</span>}</td>
            <td>{c.after || <span class="muted">{t('editor.diff.empty')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
