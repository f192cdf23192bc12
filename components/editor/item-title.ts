import type { GroupDef } from '../../lib/forms/types';
import { getLocale, pick, t } from '../../lib/i18n';

/** `学校 3` / `School 3`: one row of a group, numbered from 1 as users count. */
export function itemTitle(group: GroupDef, row: number): string {
  const item = pick(group.itemLabel);
  const name = getLocale() === 'en' ? item.charAt(0).toUpperCase() + item.slice(1) : item;
  return t('editor.group.item', { item: name, n: row + 1 });
}
