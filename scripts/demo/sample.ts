/**
 * The demo's sample drafts, as the backup file a user would import from the dashboard: the fixture systems' clean
 * recommendation (Zhejiang, five schools) and degree record, plus a recommendation with typical mistakes so the
 * editor shows its findings.
 */
import type { FormData } from '../../lib/forms/types';
import { creditCodeCheckChar } from '../../lib/rules/identifiers';
import { backupOf, degreeData, DRAFT_IDS, recommendationData as fixtureRecommendation } from '../../test/fixtures/systems/drafts';

/**
 * The fixture systems' recommendation with every 统一社会信用代码 given its GB 32100 check character, so the clean
 * sample is clean (the fixture's codes are only shaped right; the fill tests don't need more).
 */
export const recommendationData: FormData = {
  ...fixtureRecommendation,
  groups: {
    ...fixtureRecommendation.groups,
    schools: (fixtureRecommendation.groups.schools ?? []).map((s) => {
      const body = (s.creditCode ?? '').slice(0, 17);
      return { ...s, creditCode: body + (creditCodeCheckChar(body) ?? '') };
    }),
  },
};

export const SAMPLE_IDS = { ...DRAFT_IDS, flawed: 'demo-recommendation-flawed' } as const;

/** Four schools (fewer than §2's five), one outside the province, a wrong check character, a malformed e-mail. */
export function flawedRecommendation(): FormData {
  const schools = structuredClone(recommendationData.groups.schools ?? []).slice(0, 4);
  schools[1] = { ...schools[1]!, schoolName: '南京市第一中学', city: '南京市', county: '秦淮区' };
  const code = schools[2]!.creditCode!;
  schools[2] = { ...schools[2]!, creditCode: code.slice(0, 17) + (code.endsWith('A') ? 'B' : 'A') };
  return {
    fields: { ...recommendationData.fields, contactEmail: 'jsc@zjedu', contactPhone: '0571-870543' },
    groups: { ...recommendationData.groups, schools },
  };
}

export function sampleBackup(): string {
  return backupOf([
    { id: SAMPLE_IDS.recommendation, formId: 'recommendation', title: '浙江省“国优计划”教育实践学校推荐表', data: recommendationData },
    { id: SAMPLE_IDS.degree, formId: 'degreeRecord', title: '李华 · 学位授予信息', data: degreeData },
    { id: SAMPLE_IDS.flawed, formId: 'recommendation', title: '推荐表（示例：含常见错误）', data: flawedRecommendation() },
  ]);
}
