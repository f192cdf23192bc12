/** Name and code look-ups over reference lists. Indices are built once per list object and cached. */
import { nameKey } from '../normalize/text';
import type { Province, ReferenceData, ReferenceList, University } from './types';

/** list → index kind → key → items. Keyed by list object, so a replaced (imported) list gets fresh indices. */
const indexCache = new WeakMap<object, Map<string, Map<string, unknown[]>>>();

function indexOf<T>(list: ReferenceList<T>, kind: string, keys: (item: T) => Array<string | undefined>): Map<string, T[]> {
  let byKind = indexCache.get(list);
  if (!byKind) indexCache.set(list, (byKind = new Map()));
  let idx = byKind.get(kind) as Map<string, T[]> | undefined;
  if (!idx) {
    idx = new Map();
    for (const item of list.items) {
      for (const k of new Set(
        keys(item)
          .filter((x): x is string => !!x)
          .map(nameKey),
      )) {
        const bucket = idx.get(k);
        if (bucket) bucket.push(item);
        else idx.set(k, [item]);
      }
    }
    byKind.set(kind, idx as Map<string, unknown[]>);
  }
  return idx;
}

/** A university by its exact name (width/space-insensitive), or `undefined` (unknown is not an error). */
export function findUniversityByName(refs: Pick<ReferenceData, 'universities'>, name: string): University | undefined {
  return indexOf(refs.universities, 'name', (u) => [u.name]).get(nameKey(name))?.[0];
}

export function findUniversityByCode(refs: Pick<ReferenceData, 'universities'>, code: string): University | undefined {
  return indexOf(refs.universities, 'code', (u) => [`#${u.code}`]).get(`#${code.trim()}`)?.[0];
}

/** Whether a unit (by name, or by its 5-digit code) is on the 双一流 list. */
export function isDoubleFirstClass(refs: Pick<ReferenceData, 'doubleFirstClass'>, name: string, code?: string): boolean {
  const idx = indexOf(refs.doubleFirstClass, 'nameOrCode', (u) => [u.name, ...(u.aliases ?? []), u.code ? `#${u.code}` : undefined]);
  return idx.has(nameKey(name)) || (!!code && idx.has(`#${code.trim()}`));
}

/** The province a text names: full name, alias (`河北`, `冀`), or GB/T 2260 code (`13`). */
export function findProvince(refs: Pick<ReferenceData, 'provinces'>, text: string): Province | undefined {
  return indexOf(refs.provinces, 'any', (p) => [p.name, p.code, ...p.aliases]).get(nameKey(text))?.[0];
}

export function findProvinceByCode(refs: Pick<ReferenceData, 'provinces'>, code: string): Province | undefined {
  return refs.provinces.items.find((p) => p.code === code);
}

/** Names of every province that has a prefecture-level division (or municipal district) called `text`. */
export function provincesOfCity(refs: Pick<ReferenceData, 'cities'>, text: string): string[] {
  const hits = indexOf(refs.cities, 'name', (c) => [c.name, ...(c.aliases ?? [])]).get(nameKey(text)) ?? [];
  return [...new Set(hits.map((c) => c.province))];
}

/**
 * The provinces a place text (an address, or a county field) explicitly starts with: a province's full name or its
 * short name followed by 省/市/自治区, or a prefecture's full name. Street names like `北京路` in another city are not
 * taken as a province. Returns province names; empty when nothing is recognised.
 */
export function provincesAtStartOf(refs: Pick<ReferenceData, 'provinces' | 'cities'>, text: string): string[] {
  const t = nameKey(text);
  if (!t) return [];
  const { provinces, cities, maxLen } = prefixTable(refs);
  // Longest prefix first: `内蒙古自治区` before any shorter key. A province name wins over a prefecture name.
  for (let n = Math.min(maxLen, t.length); n >= 2; n--) {
    const p = provinces.get(t.slice(0, n));
    if (p) return [p];
  }
  const hits = new Set<string>();
  for (let n = Math.min(maxLen, t.length); n >= 3; n--) for (const p of cities.get(t.slice(0, n)) ?? []) hits.add(p);
  return [...hits];
}

interface PrefixTable {
  provinces: Map<string, string>;
  cities: Map<string, string[]>;
  maxLen: number;
}
const prefixCache = new WeakMap<object, WeakMap<object, PrefixTable>>();

/** Name keys a place text may start with, built once per (provinces, cities) pair of lists. */
function prefixTable(refs: Pick<ReferenceData, 'provinces' | 'cities'>): PrefixTable {
  let byCities = prefixCache.get(refs.provinces);
  if (!byCities) prefixCache.set(refs.provinces, (byCities = new WeakMap()));
  let table = byCities.get(refs.cities);
  if (!table) {
    const provinces = new Map<string, string>();
    for (const p of refs.provinces.items) {
      const names = [p.name, ...p.aliases.filter((a) => a.length >= 2).flatMap((a) => [`${a}省`, `${a}市`, `${a}自治区`])];
      for (const n of names) if (!provinces.has(nameKey(n))) provinces.set(nameKey(n), p.name);
    }
    const cities = new Map<string, string[]>();
    // Only full names of 3+ characters: short forms (`朝阳`) are too often the start of street or school names.
    for (const c of refs.cities.items) {
      if (c.name.length < 3) continue;
      const k = nameKey(c.name);
      cities.set(k, [...(cities.get(k) ?? []), c.province]);
    }
    const maxLen = [...provinces.keys(), ...cities.keys()].reduce((m, k) => Math.max(m, k.length), 0);
    table = { provinces, cities, maxLen };
    byCities.set(refs.cities, table);
  }
  return table;
}
