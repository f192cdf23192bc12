/**
 * Rules on the recommended schools (family `school.*`, 教师厅函〔2024〕16号 §2): how many, where, what kind, no
 * repeats, and their 统一社会信用代码 (GB 32100-2015).
 */
import {
  findProvince,
  findProvinceByCode,
  findUniversityByName,
  placeCodes,
  placeName,
  placeReadings,
  provincesOfCodes,
} from '../reference/lookup';
import type { ReferenceData } from '../reference/types';
import { nameKey, normalizeCode } from '../normalize/text';
import { creditCodeProblem } from './identifiers';
import { defineRule, type Finding } from './types';
import { describe, NOTICE, rows, val, type RowView } from './helpers';

const GROUP = 'schools';

export const schoolMinCount = defineRule('school.min-count', {
  severity: 'error',
  clause: `${NOTICE} §2`,
  description: { zh: '每省份推荐不少于5所省域内优质中小学', en: 'Each province recommends at least 5 schools' },
  check(ctx, emit) {
    const group = ctx.form.groups.find((g) => g.key === GROUP);
    if (!group) return [];
    // The minimum is the form pack's (5 for the 2024 round), so a later round changes data, not this rule.
    const min = group.minRows;
    const n = rows(ctx, GROUP).length;
    if (n >= min) return [];
    // The fix speaks of what is on screen: blank school blocks are filled in before any is added.
    const missing = min - n;
    const blank = Math.min(missing, (ctx.data.groups[GROUP]?.length ?? 0) - n);
    const added = missing - blank;
    const fix =
      blank === 0
        ? { zh: `再添加 ${added} 所学校`, en: `Add ${added} more school(s)` }
        : added === 0
          ? { zh: `在空白的学校栏中填写 ${blank} 所学校`, en: `Fill in ${blank} school(s) in the blank school blocks` }
          : {
              zh: `在空白的学校栏中填写 ${blank} 所学校，再添加 ${added} 所`,
              en: `Fill in ${blank} school(s) in the blank blocks and add ${added} more`,
            };
    return [
      emit(
        [GROUP],
        { zh: `推荐学校不少于 ${min} 所，目前填写了 ${n} 所`, en: `At least ${min} schools must be recommended; ${n} filled in` },
        { fix },
      ),
    ];
  },
});

// ——— school.in-province ———

/** 兵团 units sit geographically in 新疆 and its places are coded under 65: either counts as the other. */
const SAME_AREA = [['新疆维吾尔自治区', '新疆生产建设兵团']];
function sameProvince(a: string, b: string): boolean {
  return a === b || SAME_AREA.some((g) => g.includes(a) && g.includes(b));
}
/** The one province (up to 新疆 ≈ 兵团) several readings agree on, or `undefined` when they disagree: not evidence. */
function oneProvince(provinces: string[]): string | undefined {
  const [first, ...rest] = provinces;
  return first && rest.every((p) => sameProvince(p, first)) ? first : undefined;
}

/** The recommending province: the header field, else what the recommending unit's name starts with (`河北省教育厅`). */
function recommendingProvince(refs: ReferenceData, province: string, unit: string): string | undefined {
  return (
    (province && findProvince(refs, province)?.name) ||
    (unit ? oneProvince(provincesOfCodes(refs, placeCodes(refs, unit, 'full'))) : undefined)
  );
}

/**
 * Where 所在市 and 所在县 place a school: the (city, county) pairs that agree (`宁波市`+`江北区` → 330205), else the
 * city alone — a county name never overrides a city —, else the county alone. `fields` says which fields it took.
 */
function locationOf(refs: ReferenceData, city: string, county: string): { codes: string[]; fields: string[] } {
  const whole = (text: string) => {
    const k = nameKey(text).length;
    const all = placeReadings(refs, text).filter((r) => r.length === k);
    return all.length ? all.map((r) => r.code) : placeCodes(refs, text);
  };
  // The city field names a province-level city, a prefecture, or a county-level city (昆山市): the widest reading.
  const cityAll = city ? whole(city) : [];
  const wide = cityAll.filter((c) => c.length <= 4);
  const cities = wide.length ? wide : cityAll;
  const counties = county ? whole(county) : [];
  const pairs = counties.filter((c) => cities.some((p) => c.startsWith(p)));
  if (pairs.length) return { codes: pairs, fields: ['city', 'county'] };
  if (cities.length) return { codes: cities, fields: ['city'] };
  return { codes: counties, fields: ['county'] };
}

interface Evidence {
  fields: string[];
  province: string;
  /** How it reads in a message: `所在市（州）“宁波市”、所在县（区）“江北区”（浙江省宁波市江北区）`. */
  what: { zh: string; en: string };
}

const LABELS: Record<string, [string, string]> = {
  city: ['所在市（州）', 'city'],
  county: ['所在县（区）', 'county'],
  address: ['通讯地址', 'address'],
  creditCode: ['统一社会信用代码', 'credit code'],
};

function evidenceOf(refs: ReferenceData, r: RowView): Evidence[] {
  const out: Evidence[] = [];
  const quote = (keys: string[], zh: string, en: string) => ({
    zh: `${keys.map((k) => `${LABELS[k]![0]}“${r.get(k)}”`).join('、')}${zh}`,
    en: `${keys.map((k) => `${LABELS[k]![1]} "${r.get(k)}"`).join(', ')}${en}`,
  });
  const loc = locationOf(refs, r.get('city'), r.get('county'));
  const locProvince = oneProvince(provincesOfCodes(refs, loc.codes));
  if (locProvince) {
    const place = loc.codes.length === 1 ? placeName(refs, loc.codes[0]!) : locProvince;
    out.push({ fields: loc.fields, province: locProvince, what: quote(loc.fields, `（${place}）`, ` (${place})`) });
  }
  const address = r.get('address');
  const addrCodes = address ? placeCodes(refs, address, 'full') : [];
  const addrProvince = oneProvince(provincesOfCodes(refs, addrCodes));
  if (addrProvince) {
    const place = addrCodes.length === 1 ? placeName(refs, addrCodes[0]!) : addrProvince;
    out.push({ fields: ['address'], province: addrProvince, what: quote(['address'], `（${place}）`, ` (${place})`) });
  }
  // Chars 3–8 of a credit code are the registering authority's GB/T 2260 division. Only a well-formed code is
  // evidence: a mistyped one is school.credit-code's finding, not a location.
  const code = normalizeCode(r.get('creditCode'));
  if (code && !creditCodeProblem(code)) {
    const division = code.slice(2, 8);
    const province = findProvinceByCode(refs, division.slice(0, 2))?.name;
    if (province) {
      const place = placeName(
        refs,
        division.endsWith('0000') ? division.slice(0, 2) : division.endsWith('00') ? division.slice(0, 4) : division,
      );
      out.push({
        fields: ['creditCode'],
        province,
        what: {
          zh: `统一社会信用代码第 3–8 位 ${division}（登记地${place}）`,
          en: `credit code characters 3–8 ${division} (registered in ${place})`,
        },
      });
    }
  }
  return out;
}

export const schoolInProvince = defineRule('school.in-province', {
  severity: 'error',
  clause: `${NOTICE} §2`,
  description: { zh: '推荐的须是省域内中小学', en: 'Recommended schools must lie within the recommending province' },
  check(ctx, emit) {
    const home = recommendingProvince(ctx.refs, val(ctx, 'province'), val(ctx, 'recommendingUnit'));
    if (!home) return [];
    const out: Finding[] = [];
    for (const r of rows(ctx, GROUP)) {
      const evidence = evidenceOf(ctx.refs, r);
      const outside = evidence.filter((e) => !sameProvince(e.province, home));
      if (!outside.length) continue;
      const inside = evidence.filter((e) => sameProvince(e.province, home));
      const paths = [...outside, ...inside].flatMap((e) => e.fields.map((k) => r.path(k)));
      const said = (list: Evidence[], lang: 'zh' | 'en') => list.map((e) => e.what[lang]).join(lang === 'zh' ? '；' : '; ');
      if (!inside.length) {
        // The finding stands on the school's own fields: outlining the header's 省份 too made the province look wrong
        // on every row's error (the fix still says to check it).
        out.push(
          emit(
            paths,
            {
              zh: `第 ${r.index + 1} 行学校不在推荐省份（${home}）内：${said(outside, 'zh')}`,
              en: `Row ${r.index + 1} is outside the recommending province (${home}): ${said(outside, 'en')}`,
            },
            {
              fix: {
                zh: '§2 只能推荐本省域内的中小学：换成本省的学校，或核对省份、所在市县、地址和信用代码是否填错',
                en: 'Only schools within the province may be recommended (§2): replace the school, or correct the province, place, address or code',
              },
            },
          ),
        );
        continue;
      }
      // Some evidence places the school at home, some elsewhere: a typo somewhere, not a verdict.
      out.push(
        emit(
          paths,
          {
            zh: `第 ${r.index + 1} 行学校的所在地不一致：${said(inside, 'zh')}在${home}，而${said(outside, 'zh')}不在`,
            en: `Row ${r.index + 1}: the location disagrees: ${said(inside, 'en')} in ${home}, but ${said(outside, 'en')} elsewhere`,
          },
          {
            severity: 'warning',
            fix: {
              zh: '对照学校的法人证书核对所在市县、地址和信用代码，改正填错的一项',
              en: "Check the place, address and code against the school's registration certificate and correct the wrong one",
            },
          },
        ),
      );
    }
    return out;
  },
});

// ——— school.stage ———

/** Names that say the institution is not a 中小学 at all (§2): universities and kindergartens. Campus notes in brackets are ignored. */
const NOT_SCHOOL: Array<{ re: RegExp; what: { zh: string; en: string } }> = [
  {
    re: /(大学|高等专科学校|专科学校|研究院|研究所|党校)(分校|校区)?$/,
    what: { zh: '高等学校或研究机构', en: 'a university or institute' },
  },
  { re: /(幼儿园|幼稚园|托儿所|保育院|托育中心)$/, what: { zh: '幼儿园', en: 'a kindergarten' } },
];

/** Schools that are not 中小学 in the sense of §2 (普通中小学), but are schools: a warning. */
const OTHER_SCHOOL: Array<{ re: RegExp; what: { zh: string; en: string } }> = [
  {
    re: /(职业|职高|中等专业学校|中专|技工学校|技师学院|职教中心|卫生学校|艺术学校|体育运动学校)/,
    what: { zh: '职业学校（中职、中专、技工学校）', en: 'a vocational school' },
  },
  { re: /(特殊教育|特教|聋|盲|培智|启智|启明|启聪|残疾)/, what: { zh: '特殊教育学校', en: 'a special-education school' } },
];

/** Name endings that imply a stage, and the stages consistent with them (first match wins). */
const STAGE_BY_NAME: Array<{ re: RegExp; stages: string[] }> = [
  { re: /初级中学$/, stages: ['初中', '完全中学', '九年一贯制', '十二年一贯制'] },
  { re: /高级中学$/, stages: ['高中', '完全中学', '十二年一贯制'] },
  { re: /(九年一贯制学校|九年制学校)$/, stages: ['九年一贯制'] },
  { re: /(十二年一贯制学校|十二年制学校)$/, stages: ['十二年一贯制'] },
  { re: /小学$/, stages: ['小学', '九年一贯制', '十二年一贯制'] },
  { re: /中学$/, stages: ['初中', '高中', '完全中学', '九年一贯制', '十二年一贯制'] },
];

export const schoolStage = defineRule('school.stage', {
  severity: 'error',
  clause: `${NOTICE} §2`,
  description: {
    zh: '推荐的须是中小学（非高校、非幼儿园；职业、特殊教育学校提示），学段与校名相符',
    en: 'Schools must be primary/secondary schools (not universities or kindergartens), with a stage that fits the name',
  },
  check(ctx, emit) {
    const out: Finding[] = [];
    for (const r of rows(ctx, GROUP)) {
      const raw = r.get('schoolName');
      const name = raw.replace(/\([^)]*\)$/, '').trim();
      if (!name) continue;
      const d = describe(ctx.form, r.path('schoolName'));
      const st = r.get('schoolStage');
      const known = findUniversityByName(ctx.refs, name);
      const bad = known ? NOT_SCHOOL[0] : NOT_SCHOOL.find((x) => x.re.test(name));
      if (bad) {
        out.push(
          emit(
            [r.path('schoolName')],
            {
              zh: `${d.zh}“${raw}”${known ? `是高校名单（${ctx.refs.universities.version}）中的高校` : `看起来是${bad.what.zh}`}，§2 要求推荐中小学`,
              en: `${d.en} "${raw}" ${known ? `is a university (list of ${ctx.refs.universities.version})` : `looks like ${bad.what.en}`}; §2 asks for primary or secondary schools`,
            },
            { fix: { zh: '换成本省的一所中小学', en: 'Replace it with a primary or secondary school of the province' } },
          ),
        );
        continue;
      }
      const other = OTHER_SCHOOL.find((x) => x.re.test(name));
      if (other) {
        out.push(
          emit(
            [r.path('schoolName')],
            {
              zh: `${d.zh}“${raw}”看起来是${other.what.zh}，不是 §2 所说的普通中小学`,
              en: `${d.en} "${raw}" looks like ${other.what.en}, not a general primary or secondary school in the sense of §2`,
            },
            {
              severity: 'warning',
              fix: {
                zh: '确认该校开设普通中小学科学类课程；否则换一所普通中小学',
                en: 'Make sure it teaches general science courses; otherwise choose a general school',
              },
            },
          ),
        );
        continue;
      }
      // `…学院` is a university's name — or an international or secondary school's. The list did not know it; a K-12
      // 学段 or a county-registered credit code says it is a school, and without either it is worth a look.
      if (/学院$/.test(name) && !st && !countyRegistered(r.get('creditCode'))) {
        out.push(
          emit(
            [r.path('schoolName')],
            {
              zh: `${d.zh}“${raw}”以“学院”结尾，可能是高校；§2 要求推荐中小学`,
              en: `${d.en} "${raw}" ends in 学院 and may be a college; §2 asks for primary or secondary schools`,
            },
            {
              severity: 'warning',
              fix: { zh: '填写学段；若是高校，换成一所中小学', en: 'Fill in the stage; if it is a college, replace it with a school' },
            },
          ),
        );
        continue;
      }
      const expect = STAGE_BY_NAME.find((x) => x.re.test(name));
      if (st && expect && !expect.stages.includes(st)) {
        out.push(
          emit(
            [r.path('schoolName'), r.path('schoolStage')],
            {
              zh: `第 ${r.index + 1} 行学校名称“${name}”与学段“${st}”不符（可能为：${expect.stages.join('、')}）`,
              en: `Row ${r.index + 1}: the name "${name}" does not fit the stage "${st}" (expected one of ${expect.stages.join(', ')})`,
            },
            { severity: 'warning', fix: { zh: '核对学段', en: 'Check the stage' } },
          ),
        );
      }
    }
    return out;
  },
});

/** A well-formed credit code registered by a county-level authority (chars 7–8 not `00`): schools are, universities are not. */
function countyRegistered(raw: string): boolean {
  const code = normalizeCode(raw);
  return !!code && !creditCodeProblem(code) && /^\d{6}$/.test(code.slice(2, 8)) && !code.slice(2, 8).endsWith('00');
}

// ——— school.duplicate ———

export const schoolDuplicate = defineRule('school.duplicate', {
  severity: 'error',
  clause: `${NOTICE} §2`,
  description: {
    zh: '同一学校不能重复推荐（同一信用代码为错误；同名而代码或县区不同为提示）',
    en: 'A school must not be listed twice (same credit code: error; same name, different code or county: warning)',
  },
  check(ctx, emit) {
    const out: Finding[] = [];
    const byCode = new Map<string, RowView>();
    const byName = new Map<string, RowView>();
    for (const r of rows(ctx, GROUP)) {
      const code = normalizeCode(r.get('creditCode'));
      const name = nameKey(r.get('schoolName'));
      const sameCode = code ? byCode.get(code) : undefined;
      const sameName = name ? byName.get(name) : undefined;
      if (sameCode) {
        out.push(
          emit(
            [sameCode.path('creditCode'), r.path('creditCode')],
            {
              zh: `第 ${r.index + 1} 行与第 ${sameCode.index + 1} 行的统一社会信用代码相同（${code}），同一学校重复推荐`,
              en: `Rows ${sameCode.index + 1} and ${r.index + 1} have the same credit code (${code}): the school is listed twice`,
            },
            { fix: { zh: '删除重复的一行，或改正录错的代码', en: 'Delete the repeated row, or correct the mistyped code' } },
          ),
        );
      } else if (sameName) {
        // Two 城关小学 in two counties are two schools; the same name with no other difference is one school twice.
        const otherCode = normalizeCode(sameName.get('creditCode'));
        const differs =
          (!!code && !!otherCode && code !== otherCode) ||
          (!!r.get('county') && !!sameName.get('county') && nameKey(r.get('county')) !== nameKey(sameName.get('county'))) ||
          (!!r.get('city') && !!sameName.get('city') && nameKey(r.get('city')) !== nameKey(sameName.get('city')));
        out.push(
          emit(
            [sameName.path('schoolName'), r.path('schoolName')],
            differs
              ? {
                  zh: `第 ${r.index + 1} 行与第 ${sameName.index + 1} 行的学校名称相同（${r.get('schoolName')}），但信用代码或所在县区不同，请确认是两所学校`,
                  en: `Rows ${sameName.index + 1} and ${r.index + 1} have the same name (${r.get('schoolName')}) but different codes or counties: make sure they are two schools`,
                }
              : {
                  zh: `第 ${r.index + 1} 行与第 ${sameName.index + 1} 行的学校名称相同（${r.get('schoolName')}），同一学校重复推荐`,
                  en: `Rows ${sameName.index + 1} and ${r.index + 1} have the same school name (${r.get('schoolName')}): the school is listed twice`,
                },
            differs
              ? {
                  severity: 'warning',
                  fix: { zh: '同名学校可在名称后注明县区以便区分', en: 'Add the county to the names to tell them apart' },
                }
              : { fix: { zh: '删除重复的一行', en: 'Delete the repeated row' } },
          ),
        );
      }
      if (code && !byCode.has(code)) byCode.set(code, r);
      if (name && !byName.has(name)) byName.set(name, r);
    }
    return out;
  },
});

// ——— school.credit-code, school.credit-code-nature (GB 32100-2015) ———

export const schoolCreditCode = defineRule('school.credit-code', {
  severity: 'error',
  clause: 'GB 32100-2015',
  description: {
    zh: '统一社会信用代码须为 18 位且校验位正确',
    en: 'Credit codes must have 18 valid characters and a correct check character',
  },
  check(ctx, emit) {
    const out: Finding[] = [];
    for (const r of rows(ctx, GROUP)) {
      const raw = r.get('creditCode');
      if (!raw) continue;
      const code = normalizeCode(raw);
      const p = creditCodeProblem(code);
      if (!p) continue;
      const d = describe(ctx.form, r.path('creditCode'));
      const why =
        p.kind === 'charset'
          ? {
              zh: `含有不允许的字符 ${p.chars.join(' ')}（不使用 I、O、Z、S、V）`,
              en: `contains characters not allowed: ${p.chars.join(' ')} (I, O, Z, S, V are never used)`,
            }
          : p.kind === 'length'
            ? { zh: `应为 18 位，现为 ${p.length} 位`, en: `must be 18 characters, has ${p.length}` }
            : {
                zh: `校验位错误：最后一位应为 ${p.expected}，填写的是 ${p.actual}，可能有字符录错`,
                en: `check character is wrong: expected ${p.expected}, got ${p.actual}; a character was probably mistyped`,
              };
      out.push(
        emit(
          [r.path('creditCode')],
          { zh: `${d.zh}“${raw}”${why.zh}`, en: `${d.en} "${raw}" ${why.en}` },
          {
            fix: {
              zh: '对照学校的事业单位法人证书（或民办学校办学许可证、登记证书）逐位核对：第 1–2 位登记管理部门及机构类别，第 3–8 位登记地行政区划码，第 9–17 位主体标识码，第 18 位校验码',
              en: "Check it character by character against the school's registration certificate: 1–2 registering authority and kind, 3–8 division code, 9–17 body code, 18 check character",
            },
          },
        ),
      );
    }
    return out;
  },
});

/** Registration-authority prefix (chars 1–2) expected for each 办学性质: 12 事业单位 (public), 52 民办非企业单位 (private). */
const PREFIX_BY_NATURE: Record<string, { prefix: string; zh: string; en: string }> = {
  公办: { prefix: '12', zh: '事业单位（12 开头）', en: 'a public institution (prefix 12)' },
  民办: { prefix: '52', zh: '民办非企业单位（52 开头）', en: 'a private non-enterprise unit (prefix 52)' },
};

export const schoolCreditCodeNature = defineRule('school.credit-code-nature', {
  severity: 'warning',
  clause: 'GB 32100-2015',
  description: {
    zh: '公办学校代码多以 12 开头，民办学校多以 52 开头',
    en: 'Public schools usually have codes starting 12, private ones 52',
  },
  check(ctx, emit) {
    const out: Finding[] = [];
    for (const r of rows(ctx, GROUP)) {
      const code = normalizeCode(r.get('creditCode'));
      const n = r.get('schoolNature');
      const expected = PREFIX_BY_NATURE[n];
      if (!expected || code.length < 2) continue;
      // Only a code of the *other* nature is suspicious; 11 (机关), 53 etc. are left alone.
      const other = Object.entries(PREFIX_BY_NATURE).find(([k, v]) => k !== n && code.startsWith(v.prefix));
      if (!other) continue;
      out.push(
        emit(
          [r.path('creditCode'), r.path('schoolNature')],
          {
            zh: `第 ${r.index + 1} 行办学性质为“${n}”，但统一社会信用代码以 ${other[1].prefix} 开头，通常属于${other[1].zh}`,
            en: `Row ${r.index + 1} is marked "${n}" but its credit code starts with ${other[1].prefix}, usually ${other[1].en}`,
          },
          {
            fix: {
              zh: '代码第 1–2 位是登记管理部门和机构类别：核对办学性质，或代码是否抄错',
              en: 'Characters 1–2 are the registering authority and kind: check the nature, or whether the code was copied wrongly',
            },
          },
        ),
      );
    }
    return out;
  },
});
