/** Degree-record rules from 教师厅函〔2024〕16号 §1 and §5: field of study, filing mark, fresh graduates, 双一流. */
import { fieldAt } from '../forms/index';
import { matchOption, normalizeYesNo } from '../normalize/options';
import { isDoubleFirstClass } from '../reference/lookup';
import { NOTICE } from './ids';
import { defineRule, type Finding, type Severity } from './types';
import { emitter, val } from './helpers';
import { eduMasterApplies, jointSeverity, JOINT_NOTE } from './degree-common';

/** §1/§5: the main degree is in 理学 (07) or 工学 (08). */
const ALLOWED_CATEGORIES: Record<string, string> = { '07': '理学', '08': '工学' };

const mainField = { id: 'degree.main-field', severity: 'error' as Severity, clause: `${NOTICE} §1、§5` };
export const degreeMainField = defineRule({
  ...mainField,
  description: { zh: '主学位须为理学（07）或工学（08）门类', en: 'The main degree must be in Science (07) or Engineering (08)' },
  check(ctx) {
    const emit = emitter(mainField);
    const out: Finding[] = [];
    const options = fieldAt(ctx.form, 'mainDegreeCategory')?.options ?? [];
    const rawCat = val(ctx, 'mainDegreeCategory');
    const category = rawCat ? (matchOption(options, rawCat)?.value ?? rawCat) : '';
    const allowed = Object.values(ALLOWED_CATEGORIES);
    if (category && !allowed.includes(category)) {
      out.push(
        emit(['mainDegreeCategory'], {
          zh: `主学位门类为“${category}”；“国优计划”研究生攻读的须是理学或工学门类学位`,
          en: `The main degree category is "${category}"; Guoyou graduates must study for a Science or Engineering degree`,
        }),
      );
    }
    const disc = val(ctx, 'mainDegreeDiscipline');
    const code = /^(\d{2})\d{2}/.exec(disc)?.[1];
    if (!code) return out;
    const discCategory = ALLOWED_CATEGORIES[code];
    if (!discCategory) {
      const name = matchOption(options, code)?.value ?? code;
      out.push(
        emit(['mainDegreeDiscipline'], {
          zh: `一级学科“${disc}”属于 ${code}（${name}）门类，不是理学（07）或工学（08）`,
          en: `The discipline "${disc}" belongs to category ${code} (${name}), not Science (07) or Engineering (08)`,
        }),
      );
    } else if (allowed.includes(category) && category !== discCategory) {
      out.push(
        emit(['mainDegreeCategory', 'mainDegreeDiscipline'], {
          zh: `主学位门类“${category}”与一级学科“${disc}”（${discCategory}）不一致`,
          en: `The category "${category}" does not match the discipline "${disc}" (${discCategory})`,
        }),
      );
    }
    return out;
  },
});

const filing = { id: 'degree.filing-mark', severity: 'error' as Severity, clause: `${NOTICE} §5` };
export const degreeFilingMark = defineRule({
  ...filing,
  description: { zh: '须在师范生管理信息系统中做好备案标记', en: 'The student must be marked in the teacher-student register' },
  check(ctx) {
    if (normalizeYesNo(val(ctx, 'filingMark')) !== '否') return [];
    return [
      emitter(filing)(
        ['filingMark'],
        {
          zh: '尚未在师范生管理信息系统中做“国优计划”备案标记',
          en: 'The student is not yet marked as Guoyou in the teacher-student register (师范生管理信息系统)',
        },
        {
          fix: {
            zh: '先在师范生管理信息系统中完成备案标记，再报送学位信息',
            en: 'Mark the student in the register before reporting the degree',
          },
        },
      ),
    ];
  },
});

const fresh = { id: 'degree.fresh-graduate', severity: 'error' as Severity, clause: `${NOTICE} §5` };
export const degreeFreshGraduate = defineRule({
  ...fresh,
  description: { zh: '以非应届毕业生身份申请教育硕士学位的不予受理', en: 'Non-fresh graduates cannot apply for the Master of Education' },
  check(ctx) {
    if (!eduMasterApplies(ctx) || normalizeYesNo(val(ctx, 'freshGraduate')) !== '否') return [];
    return [
      emitter(fresh)(
        ['freshGraduate', 'eduMasterAwarded'],
        {
          zh: `以非应届毕业生身份申请教育硕士学位的不予受理${JOINT_NOTE.zh}`,
          en: `A Master of Education is not granted to an applicant who is not a fresh graduate${JOINT_NOTE.en}`,
        },
        { severity: jointSeverity(ctx) },
      ),
    ];
  },
});

const dfc = { id: 'degree.double-first-class', severity: 'warning' as Severity, clause: `${NOTICE} §5` };
export const degreeDoubleFirstClass = defineRule({
  ...dfc,
  description: {
    zh: '教育硕士学位授予单位原则上应为“双一流”建设高校',
    en: 'The Master of Education should in principle be granted by a Double First-Class university',
  },
  check(ctx) {
    const unit = val(ctx, 'eduMasterUnit');
    if (!eduMasterApplies(ctx) || !unit) return [];
    if (isDoubleFirstClass(ctx.refs, unit, val(ctx, 'eduMasterUnitCode'))) return [];
    return [
      emitter(dfc)(['eduMasterUnit'], {
        zh: `教育硕士学位授予单位“${unit}”不在“双一流”建设高校名单（${ctx.refs.doubleFirstClass.version}）中；原则上应为“双一流”建设高校`,
        en: `The Master of Education granting unit "${unit}" is not on the Double First-Class list (${ctx.refs.doubleFirstClass.version}); it should in principle be one`,
      }),
    ];
  },
});
