/**
 * Reference lists for the rules: shipped data files (each naming its source and version) merged with lists an admin
 * imported. The university list is ~400 KB: it is imported lazily and cached, so a bundle that never calls
 * `loadReferenceData` (the content script) never contains it.
 */
import type { ReferenceData, ReferenceListId } from './types';
import { parseReferenceImport, type AnyReferenceList } from './schema';

export { parseReferenceImport, referenceListIds, type AnyReferenceList } from './schema';
export * from './lookup';
export type * from './types';

let shipped: Promise<ReferenceData> | undefined;

async function loadShipped(): Promise<ReferenceData> {
  const [universities, doubleFirstClass, pilotUniversities, provinces, divisions] = await Promise.all([
    import('./data/universities-2017.json'),
    import('./data/double-first-class-2022.json'),
    import('./data/pilot-universities-2024.json'),
    import('./data/provinces.json'),
    import('./data/divisions.json'),
  ]);
  const u = universities.default;
  return {
    universities: {
      id: 'universities',
      version: '2017-05-31',
      source: `${u.source}. ${u.note}`,
      items: u.universities.map(({ identifier: _identifier, ...rest }) => rest),
    },
    doubleFirstClass: { ...doubleFirstClass.default, id: 'doubleFirstClass' },
    pilotUniversities: { ...pilotUniversities.default, id: 'pilotUniversities' },
    provinces: { ...provinces.default, id: 'provinces' },
    divisions: { ...divisions.default, id: 'divisions' },
  };
}

/** A list as stored by the database (`ReferenceListRow`) or as returned by `parseReferenceImport`. */
export interface StoredList {
  id: string;
  version: string;
  source: string;
  items: unknown[];
}

/**
 * The reference data the rules use: the shipped lists, each replaced by an admin-imported list with the same id when
 * one is given. Stored lists are re-validated; one that no longer validates is skipped (the shipped list is kept),
 * so a damaged database row can never break validation.
 */
export async function loadReferenceData(overrides: Iterable<StoredList> | Partial<ReferenceData> = []): Promise<ReferenceData> {
  shipped ??= loadShipped();
  const base = await shipped;
  const merged: ReferenceData = { ...base };
  const lists: unknown[] = Symbol.iterator in overrides ? [...(overrides as Iterable<StoredList>)] : Object.values(overrides);
  for (const stored of lists) {
    const r = parseReferenceImport(stored);
    if (r.ok) setList(merged, r.list);
  }
  return merged;
}

function setList(data: ReferenceData, list: AnyReferenceList): void {
  (data as Record<ReferenceListId, AnyReferenceList>)[list.id] = list;
}
