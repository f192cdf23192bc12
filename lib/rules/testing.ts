/**
 * Test fixtures for rule tests (and for other areas' tests): a complete, valid draft of each form, and a runner for
 * a single rule. Identifier check characters are computed here; the algorithms themselves are tested against real
 * published codes in identifiers.test.ts.
 */
import { emptyData, forms, type FormId } from '../forms/index';
import type { FormData, FormDefinition } from '../forms/types';
import { loadReferenceData } from '../reference/index';
import type { ReferenceData } from '../reference/types';
import { creditCodeCheckChar } from './identifiers';
import { rules, type RuleId } from './index';
import type { Finding, Rule, ValidateOptions } from './types';

/** Appends the GB 32100 check character to a 17-character body. */
export function creditCode(body17: string): string {
  return body17 + creditCodeCheckChar(body17)!;
}

/** Appends the GB 11643 check character to 17 digits. */
export function residentIdNumber(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * w[i]!;
  return body17 + '10X98765432'[s % 11]!;
}

/** Five public schools in 河北省, all valid. */
export function validRecommendation(): FormData {
  const d = emptyData(forms.recommendation);
  d.fields = {
    province: '河北省',
    recommendingUnit: '河北省教育厅',
    filler: '王芳',
    contactPhone: '0311-66005678',
    contactEmail: 'jsc@hee.gov.cn',
    fillDate: '2024-08-05',
  };
  const schools: Array<[string, string, string, string, string]> = [
    ['河北正定中学', '高中', '石家庄市', '正定县', '1301234'],
    ['石家庄市第二中学', '完全中学', '石家庄市', '长安区', '1301022'],
    ['唐山市第一中学', '高中', '唐山市', '路北区', '1302033'],
    ['保定市第十七中学', '初中', '保定市', '竞秀区', '1306044'],
    ['邯郸市汉光小学', '小学', '邯郸市', '邯山区', '1304055'],
  ];
  d.groups.schools = schools.map(([schoolName, schoolStage, city, county, n], i) => ({
    schoolName,
    schoolStage,
    city,
    county,
    schoolNature: '公办',
    creditCode: creditCode(`12${n.slice(0, 4)}00${n.slice(4)}40000${i}`.padEnd(17, '1').slice(0, 17)),
    principal: '李明',
    contactName: '赵强',
    contactPhone: `1391234567${i}`,
    contactEmail: `office${i}@school.he.cn`,
    address: `河北省${city}${county}育才路 ${i + 1} 号`,
    scienceTeachers: '36',
    traineeCapacity: '10',
    mentorCount: '8',
    reason: '省级示范性学校，科学类课程师资雄厚。',
    remarks: '',
  }));
  return d;
}

/** A Guoyou master's student of 清华大学, jointly trained with 北京师范大学 (which grants the 教育硕士). */
export function validDegreeRecord(): FormData {
  return {
    fields: {
      name: '张晓',
      gender: '女',
      idType: '居民身份证',
      idNumber: residentIdNumber('11010820000512002'),
      studentNo: '2022310123',
      birthDate: '2000-05-12',
      admissionMode: '推免',
      homeUniversity: '清华大学',
      homeUniversityCode: '10003',
      jointUniversity: '北京师范大学',
      mainDegreeCategory: '理学',
      mainDegreeDiscipline: '0701 数学',
      mainDegreeType: '学术学位',
      mainDegreeLevel: '硕士',
      mainDegreeDate: '2025-06-20',
      mainDegreeCertNo: '1000332025000123',
      mainDegreeUnit: '清华大学',
      mainDegreeUnitCode: '10003',
      eduMasterAwarded: '是',
      eduMasterDate: '2025-06-28',
      eduMasterCertNo: '1002732025000456',
      eduMasterUnit: '北京师范大学',
      eduMasterUnitCode: '10027',
      graduationDate: '2025-06-30',
      graduationCertNo: '100031202502000123',
      freshGraduate: '是',
      filingMark: '是',
      teacherCertStage: '高级中学',
      teacherCertSubject: '数学',
      remarks: '',
    },
    groups: {},
  };
}

/** A valid draft per form; total over `FormId`, so a new form pack without a fixture does not compile. */
export const validDrafts: Record<FormId, () => FormData> = {
  recommendation: validRecommendation,
  degreeRecord: validDegreeRecord,
};

let refs: Promise<ReferenceData> | undefined;
export function testRefs(): Promise<ReferenceData> {
  return (refs ??= loadReferenceData());
}

/** A copy of `data` with some top-level fields changed. */
export function withFields(data: FormData, fields: Record<string, string>): FormData {
  return { ...data, fields: { ...data.fields, ...fields } };
}

/** A copy of `data` with some columns of one school row changed. */
export function withRow(data: FormData, row: number, values: Record<string, string>, group = 'schools'): FormData {
  const rows = [...(data.groups[group] ?? [])];
  rows[row] = { ...rows[row], ...values };
  return { ...data, groups: { ...data.groups, [group]: rows } };
}

/** Findings of one rule only. `now` defaults to a day before the 2024 deadline. */
export async function runRule(
  id: RuleId,
  form: FormDefinition,
  data: FormData,
  now = new Date('2024-08-01T04:00:00Z'),
  r?: ReferenceData,
  options: ValidateOptions = {},
): Promise<Finding[]> {
  const rule: Rule = rules[id];
  return rule.check({ form, data, refs: r ?? (await testRefs()), now, options });
}
