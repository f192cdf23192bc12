/** school.in-province: each school lies in the recommending province (教师厅函〔2024〕16号 §2 “省域内”). */
import { findProvince, findProvinceByCode, provincesAtStartOf, provincesOfCity } from '../reference/lookup';
import type { ReferenceData } from '../reference/types';
import { normalizeCode } from '../normalize/text';
import { creditCodeProblem } from './identifiers';
import { NOTICE } from './ids';
import { defineRule, type Finding, type Severity } from './types';
import { emitter, rows, val } from './helpers';

/** 兵团 units sit geographically in 新疆 and its places are coded under 65: either counts as the other. */
const SAME_AREA = [['新疆维吾尔自治区', '新疆生产建设兵团']];
function sameProvince(a: string, b: string): boolean {
  return a === b || SAME_AREA.some((g) => g.includes(a) && g.includes(b));
}

/** The recommending province: the header field, else what the recommending unit's name starts with (`河北省教育厅`). */
function recommendingProvince(refs: ReferenceData, province: string, unit: string): string | undefined {
  return (province && findProvince(refs, province)?.name) || (unit ? provincesAtStartOf(refs, unit)[0] : undefined);
}

const meta = { id: 'school.in-province', severity: 'error' as Severity, clause: `${NOTICE} §2` };
export const schoolInProvince = defineRule({
  ...meta,
  description: { zh: '推荐学校须位于本省域内', en: 'Recommended schools must lie in the recommending province' },
  check(ctx) {
    const home = recommendingProvince(ctx.refs, val(ctx, 'province'), val(ctx, 'recommendingUnit'));
    if (!home) return [];
    const emit = emitter(meta);
    const out: Finding[] = [];
    for (const r of rows(ctx, 'schools')) {
      const evidence: Array<{ path: string; value: string; province: string }> = [];
      const note = (key: string, candidates: string[]) => {
        // Ambiguous names (朝阳 is in 北京 and 辽宁) count as inside when any reading is inside.
        if (candidates.length && !candidates.some((p) => sameProvince(p, home))) {
          evidence.push({ path: r.path(key), value: r.get(key), province: candidates.join('/') });
        }
      };
      const city = r.get('city');
      if (city) {
        const asProvince = findProvince(ctx.refs, city)?.name;
        note('city', [
          ...new Set([...provincesOfCity(ctx.refs, city), ...(asProvince ? [asProvince] : []), ...provincesAtStartOf(ctx.refs, city)]),
        ]);
      }
      for (const key of ['county', 'address']) {
        const v = r.get(key);
        if (v) note(key, provincesAtStartOf(ctx.refs, v));
      }
      const code = normalizeCode(r.get('creditCode'));
      // Chars 3–8 of a credit code are the registering authority's GB/T 2260 division; 3–4 its province.
      // Only a well-formed code is evidence: a mistyped one is school.credit-code's finding, not a location.
      const byCode = code && !creditCodeProblem(code) ? findProvinceByCode(ctx.refs, code.slice(2, 4))?.name : undefined;
      if (byCode) note('creditCode', [byCode]);
      if (!evidence.length) continue;
      out.push(
        emit(
          [...evidence.map((e) => e.path), 'province'],
          {
            zh: `第 ${r.index + 1} 行学校不在推荐省份（${home}）内：${evidence.map((e) => `${labelZh(e.path)}“${e.value}”属于${e.province}`).join('；')}`,
            en: `Row ${r.index + 1} is outside the recommending province (${home}): ${evidence.map((e) => `${labelEn(e.path)} "${e.value}" is in ${e.province}`).join('; ')}`,
          },
          {
            fix: {
              zh: '只能推荐本省域内的中小学；请核对省份、所在地或信用代码',
              en: 'Only schools within the province may be recommended; check the province, the location or the code',
            },
          },
        ),
      );
    }
    return out;
  },
});

const LABELS: Record<string, [string, string]> = {
  city: ['所在市（州）', 'city'],
  county: ['所在县（区）', 'county'],
  address: ['通讯地址', 'address'],
  creditCode: ['信用代码登记地', 'credit code registration area'],
};
const keyOf = (path: string) => path.slice(path.lastIndexOf('.') + 1);
const labelZh = (path: string) => LABELS[keyOf(path)]?.[0] ?? path;
const labelEn = (path: string) => LABELS[keyOf(path)]?.[1] ?? path;
