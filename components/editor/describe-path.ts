import { fieldAt, parseFieldPath } from '../../lib/forms';
import type { FormDefinition } from '../../lib/forms/types';
import { pick } from '../../lib/i18n';
import { itemTitle } from './item-title';

/** Where a path is, in words: `学校 3 · 统一社会信用代码` / `联系电话`. */
export function describePath(form: FormDefinition, path: string): string {
  const ref = parseFieldPath(path);
  const group = form.groups.find((g) => g.key === (ref?.group ?? path.replace(/\[\d+\]$/, '')));
  const label = ref ? fieldAt(form, ref)?.label : undefined;
  if (ref?.group !== undefined && group) {
    const item = itemTitle(group, ref.row);
    return label ? `${item} · ${pick(label)}` : item;
  }
  if (label) return pick(label);
  return group ? pick(group.label) : path;
}
