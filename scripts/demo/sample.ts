/**
 * The demo's sample drafts, as the backup file a user would import from the dashboard: the fixture systems' clean
 * recommendation (Zhejiang, five schools) and degree record, plus a recommendation with typical mistakes so the
 * editor shows its findings.
 */
import type { FormData } from '../../lib/forms/types';
import { backupOf, degreeData, DRAFT_IDS, recommendationData } from '../../test/fixtures/systems/drafts';

export const SAMPLE_IDS = { ...DRAFT_IDS, flawed: 'demo-recommendation-flawed' } as const;

/** Four schools (fewer than §2's five), one outside the province, a wrong check character, a malformed e-mail. */
export function flawedRecommendation(): FormData {
  const schools = structuredClone(recommendationData.groups.schools ?? []).slice(0, 4);
  schools[1] = { ...schools[1]!, schoolName: '南京市第一中学', city: '南京市', county: '秦淮区' };
  schools[2] = { ...schools[2]!, creditCode: schools[2]!.creditCode!.slice(0, 17) + (schools[2]!.creditCode!.endsWith('A') ? 'B' : 'A') };
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
