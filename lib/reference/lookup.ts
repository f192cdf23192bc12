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

/** Whether a unit (by name, common short name, or 5-digit code) is on the 双一流 list. */
export function isDoubleFirstClass(refs: Pick<ReferenceData, 'doubleFirstClass'>, name: string, code?: string): boolean {
  const idx = indexOf(refs.doubleFirstClass, 'nameOrCode', (u) => [u.name, ...(u.aliases ?? []), u.code ? `#${u.code}` : undefined]);
  return idx.has(nameKey(name)) || (!!code && idx.has(`#${code.trim()}`));
}

/**
 * Whether a unit is a 双一流 construction university: `yes` (on the list by name, short name or code, or its code
 * from the university list is), `no` only when the university list knows the unit and the 双一流 list does not, else
 * `unknown` — a name neither list knows (a typo, a new name) is never a false "not 双一流".
 */
export function doubleFirstClassStatus(
  refs: Pick<ReferenceData, 'doubleFirstClass' | 'universities'>,
  name: string,
  code?: string,
): 'yes' | 'no' | 'unknown' {
  if (isDoubleFirstClass(refs, name, code)) return 'yes';
  const known = findUniversityByName(refs, name) ?? (code && /^\d{5}$/.test(code.trim()) ? findUniversityByCode(refs, code) : undefined);
  if (!known) return 'unknown';
  return isDoubleFirstClass(refs, known.name, known.code) ? 'yes' : 'no';
}

/** The province a text names: full name, alias (`河北`, `冀`), or GB/T 2260 code (`13`). */
export function findProvince(refs: Pick<ReferenceData, 'provinces'>, text: string): Province | undefined {
  return indexOf(refs.provinces, 'any', (p) => [p.name, p.code, ...p.aliases]).get(nameKey(text))?.[0];
}

export function findProvinceByCode(refs: Pick<ReferenceData, 'provinces'>, code: string): Province | undefined {
  return refs.provinces.items.find((p) => p.code === code);
}

/** How a place text may be read: every name at its full length, or short names too (`石家庄`, `正定`, `河北`). */
export type PlaceNames = 'full' | 'short';

/** One way to read a place text: the division it names (2, 4 or 6 digits) and how many characters the names took. */
export interface PlaceReading {
  code: string;
  length: number;
}

/**
 * The readings of a place text as province → prefecture → county names, each level inside the one before, matched
 * from the start of the text; reading stops where no name fits (the street of an address). Every full chain is
 * returned: `宁波市江北区` → `330205` (not 重庆's 江北区, which is not inside 宁波市), `朝阳区` → `110105` and `220104`.
 * With `full`, a province needs its full name or short name + 省/市/自治区, and prefectures and counties their full
 * names (an address's `正定路` is not 正定县); `short` also accepts `石家庄`, `正定`, `河北`.
 */
export function placeReadings(
  refs: Pick<ReferenceData, 'provinces' | 'divisions'>,
  text: string,
  names: PlaceNames = 'short',
): PlaceReading[] {
  const t = nameKey(text);
  if (!t) return [];
  const table = placeTable(refs);
  const out: PlaceReading[] = [];
  const visit = (pos: number, parent: string) => {
    const next = matchesAt(table, t, pos, parent, names);
    if (!next.length && parent && !out.some((r) => r.code === parent && r.length === pos)) out.push({ code: parent, length: pos });
    for (const m of next) visit(pos + m.len, m.code);
  };
  visit(0, '');
  return out;
}

/**
 * The best readings of a place text: those that take the most characters, then the most specific. `朝阳区` →
 * `110105`, `220104`; `宁波市江北区` → `330205`. Empty when nothing is recognised.
 */
export function placeCodes(refs: Pick<ReferenceData, 'provinces' | 'divisions'>, text: string, names: PlaceNames = 'short'): string[] {
  const all = placeReadings(refs, text, names);
  const len = all.reduce((m, r) => Math.max(m, r.length), 0);
  const longest = all.filter((r) => r.length === len);
  const depth = longest.reduce((m, r) => Math.max(m, r.code.length), 0);
  return longest.filter((r) => r.code.length === depth).map((r) => r.code);
}

/** The province names of place codes, without repeats (`['110105', '220104']` → `['北京市', '吉林省']`). */
export function provincesOfCodes(refs: Pick<ReferenceData, 'provinces'>, codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => findProvinceByCode(refs, c.slice(0, 2))?.name).filter((n): n is string => !!n))];
}

/** The name of a division code, `北京市朝阳区`-style: province, prefecture and county names of its levels. */
export function placeName(refs: Pick<ReferenceData, 'provinces' | 'divisions'>, code: string): string {
  const byCode = placeTable(refs).byCode;
  const parts = [
    findProvinceByCode(refs, code.slice(0, 2))?.name,
    byCode.get(code.slice(0, 4)),
    code.length > 4 ? byCode.get(code) : undefined,
  ];
  return parts.filter(Boolean).join('');
}

interface PlaceTable {
  /** name key → codes, per kind of name. */
  full: Map<string, string[]>;
  short: Map<string, string[]>;
  byCode: Map<string, string>;
  maxLen: number;
}
const placeCache = new WeakMap<object, WeakMap<object, PlaceTable>>();

/** Division suffixes a short name drops (`石家庄市` → `石家庄`, `正定县` → `正定`); the rest must keep 2 characters. */
const SUFFIX = /(自治州|自治县|自治旗|地区|林区|特区|新区|市|县|区|旗|盟)$/;

/** The ethnic-group part of an autonomous division's name (`朝鲜族`, `苗族侗族`, `各族`), stripped from the end. */
const ETHNIC =
  /(朝鲜|蒙古|哈萨克|柯尔克孜|达斡尔|鄂温克|鄂伦春|土家|布依|傈僳|景颇|哈尼|拉祜|纳西|普米|独龙|撒拉|保安|东乡|裕固|锡伯|仡佬|毛南|仫佬|各|[苗侗藏彝回傣白壮瑶羌满畲佤怒水土黎京])族$/;

function placeTable(refs: Pick<ReferenceData, 'provinces' | 'divisions'>): PlaceTable {
  let byDivisions = placeCache.get(refs.provinces);
  if (!byDivisions) placeCache.set(refs.provinces, (byDivisions = new WeakMap()));
  let table = byDivisions.get(refs.divisions);
  if (table) return table;
  const full = new Map<string, string[]>();
  const short = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, name: string, code: string) => {
    const k = nameKey(name);
    const list = map.get(k);
    if (!list) map.set(k, [code]);
    else if (!list.includes(code)) list.push(code);
  };
  for (const p of refs.provinces.items) {
    add(full, p.name, p.code);
    for (const a of p.aliases.filter((x) => x.length >= 2)) {
      for (const suffix of ['省', '市', '自治区']) add(full, a + suffix, p.code);
      add(short, a, p.code);
    }
  }
  const byCode = new Map<string, string>();
  for (const d of refs.divisions.items) {
    byCode.set(d.code, d.name);
    add(full, d.name, d.code);
    const stem = d.name.replace(SUFFIX, '');
    if (stem !== d.name && stem.length >= 2) add(short, stem, d.code);
    // Autonomous prefectures and counties go by their place name: 延边朝鲜族自治州 → 延边, 延边州.
    const auto = /自治(州|县|旗)$/.exec(d.name);
    if (auto) {
      let place = d.name.slice(0, auto.index);
      while (ETHNIC.test(place)) place = place.replace(ETHNIC, '');
      if (place.length >= 2 && place !== d.name) for (const n of [place, place + auto[1]]) add(short, n, d.code);
    }
  }
  const maxLen = [...full.keys(), ...short.keys()].reduce((m, k) => Math.max(m, k.length), 0);
  table = { full, short, byCode, maxLen };
  byDivisions.set(refs.divisions, table);
  return table;
}

/** Names starting at `pos` that are a level below `parent` (any level at the start), longest first. */
function matchesAt(table: PlaceTable, t: string, pos: number, parent: string, names: PlaceNames): Array<{ code: string; len: number }> {
  const out: Array<{ code: string; len: number }> = [];
  for (let n = Math.min(table.maxLen, t.length - pos); n >= 2; n--) {
    const key = t.slice(pos, pos + n);
    const codes = [...(table.full.get(key) ?? []), ...(names === 'short' ? (table.short.get(key) ?? []) : [])];
    for (const code of codes) if (code.length > parent.length && code.startsWith(parent)) out.push({ code, len: n });
  }
  return out;
}
