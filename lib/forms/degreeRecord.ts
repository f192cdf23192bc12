/**
 * 国优计划 学位授予信息 — one 国优计划 graduate's degree record, as reported by the degree-granting unit (教师厅函〔2024〕16号
 * §1, §4, §5, §6). Field names follow the national degree-information reporting templates where they exist.
 */
import { bi, field, opt, pattern, yesNoOptions } from './field';
import { defineForm } from './types';

/** 学科门类 (GB/T 13745 / 学位授予和人才培养学科目录 2022), with their two-digit codes. 07 理学 and 08 工学 are the ones §1 allows. */
const categoryOptions = [
  ['01', '哲学', 'Philosophy'], ['02', '经济学', 'Economics'], ['03', '法学', 'Law'], ['04', '教育学', 'Education'],
  ['05', '文学', 'Literature'], ['06', '历史学', 'History'], ['07', '理学', 'Science'], ['08', '工学', 'Engineering'],
  ['09', '农学', 'Agriculture'], ['10', '医学', 'Medicine'], ['11', '军事学', 'Military science'], ['12', '管理学', 'Management'],
  ['13', '艺术学', 'Arts'], ['14', '交叉学科', 'Interdisciplinary'],
].map(([code, zh, en]) => opt(zh!, en!, [code!, `${code}${zh}`, `${code} ${zh}`]));

const certYes = (key: string, zh: string, en: string, synonyms: string[], codes: string[], required = false) =>
  field({ key, label: bi(zh, en), type: 'select', options: yesNoOptions, synonyms, codes, required, width: 8 });

const unitCode = (key: string, zh: string, en: string, synonyms: string[], codes: string[]) =>
  field({ key, label: bi(zh, en), type: 'code', schema: pattern(/^\d{5}$/), synonyms, codes, width: 8,
    help: bi('5 位院校（单位）代码', 'The 5-digit institution code') });

export default defineForm({
  id: 'degreeRecord',
  version: 1,
  title: bi('“国优计划”研究生学位授予信息', '"Guoyou Plan" graduate degree record'),
  source: bi('教师厅函〔2024〕16号 §1、§4、§5、§6', 'Notice 教师厅函〔2024〕16号 §1, §4, §5, §6'),
  fields: [
    field({ key: 'name', label: bi('姓名', 'Name'), type: 'text', required: true, maxLength: 50,
      synonyms: ['姓名', '学生姓名', '研究生姓名', '考生姓名'], codes: ['XM', 'XSXM'], width: 10 }),
    field({ key: 'gender', label: bi('性别', 'Gender'), type: 'select', required: true,
      options: [opt('男', 'Male', ['1', 'M', 'male', '男性']), opt('女', 'Female', ['2', 'F', 'female', '女性'])],
      synonyms: ['性别'], codes: ['XB', 'XBM'], width: 6 }),
    field({ key: 'idType', label: bi('证件类型', 'ID document type'), type: 'select', required: true,
      options: [
        opt('居民身份证', 'Resident identity card', ['身份证', '01', '1', '中华人民共和国居民身份证']),
        opt('护照', 'Passport', ['03', '外国护照', '中国护照']),
        opt('港澳居民来往内地通行证', 'Mainland travel permit (HK/Macao)', ['回乡证', '港澳通行证']),
        opt('台湾居民来往大陆通行证', 'Mainland travel permit (Taiwan)', ['台胞证']),
        opt('港澳台居民居住证', 'Residence permit (HK/Macao/Taiwan)', ['居住证']),
        opt('外国人永久居留身份证', 'Foreign permanent resident ID', ['永居证', '外国人永久居留证']),
        opt('其他', 'Other', ['其它']),
      ],
      synonyms: ['证件类型', '身份证件类型', '证件种类'], codes: ['ZJLX', 'SFZJLX', 'ZJLXM'], width: 12 }),
    field({ key: 'idNumber', label: bi('证件号码', 'ID number'), type: 'idNumber', required: true, checkedBy: 'id.resident-id',
      synonyms: ['证件号码', '身份证号', '身份证号码', '身份证件号', '公民身份号码', '证件号'], codes: ['ZJHM', 'SFZH', 'SFZJH'], width: 20 }),
    field({ key: 'studentNo', label: bi('学号', 'Student number'), type: 'code', required: true, maxLength: 30,
      schema: pattern(/^[0-9A-Za-z_-]{1,30}$/),
      synonyms: ['学号', '研究生学号', '学生编号'], codes: ['XH', 'XSBH'], width: 14 }),
    field({ key: 'birthDate', label: bi('出生日期', 'Date of birth'), type: 'date', required: true,
      synonyms: ['出生日期', '出生年月日', '生日'], codes: ['CSRQ'], width: 12 }),
    field({ key: 'admissionMode', label: bi('录取方式', 'Admission route'), type: 'select', required: true,
      options: [
        opt('推免', 'Recommended exemption (fresh undergraduate)', ['推荐免试', '免试攻读', '推免生', '免推']),
        opt('二次遴选', 'Re-selection of enrolled graduate', ['遴选', '在读遴选', '在读研究生二次遴选']),
      ],
      synonyms: ['录取方式', '选拔方式', '录取类别', '入选方式', '招录方式'], codes: ['LQFS', 'XBFS'], width: 10,
      help: bi('§1：推免或在读理工科研究生二次遴选', '§1: recommended exemption or re-selection of enrolled graduates') }),
    field({ key: 'homeUniversity', label: bi('学籍所在高校', 'Home university'), type: 'text', required: true, maxLength: 60,
      synonyms: ['学籍所在高校', '学籍所在单位', '培养单位', '所在高校', '学校名称', '就读学校'], codes: ['XJSZGX', 'PYDW', 'XXMC'], width: 20 }),
    unitCode('homeUniversityCode', '学籍高校代码', 'Home university code', ['学籍高校代码', '培养单位代码', '学校代码', '院校代码'], ['XJGXDM', 'PYDWDM', 'XXDM']),
    field({ key: 'jointUniversity', label: bi('联合培养师范大学', 'Joint-training normal university'), type: 'text', maxLength: 60,
      synonyms: ['联合培养师范大学', '联合培养单位', '联合培养高校', '合作师范大学', '合作培养单位'], codes: ['LHPYDW', 'LHPYGX'], width: 20,
      help: bi('跨校联合培养时填写（§4、§5）', 'Fill in for cross-university joint training (§4, §5)') }),
    field({ key: 'mainDegreeCategory', label: bi('主学位门类', 'Main degree category'), type: 'select', required: true, options: categoryOptions,
      synonyms: ['主学位门类', '学科门类', '学位门类', '理学/工学学位门类', '门类'], codes: ['XKML', 'XWML', 'MLDM'], width: 10,
      help: bi('§1：理学（07）或工学（08）', '§1: Science (07) or Engineering (08)') }),
    field({ key: 'mainDegreeDiscipline', label: bi('一级学科（专业学位类别）', 'First-level discipline'), type: 'text', required: true, maxLength: 40,
      synonyms: ['一级学科', '一级学科（专业学位类别）', '学科专业', '专业学位类别', '学科', '专业', '授予学位学科'],
      codes: ['YJXK', 'XKDM', 'ZYDM', 'XKZY'], width: 16,
      help: bi('如“0701 数学”“0854 电子信息”', 'e.g. "0701 数学", "0854 电子信息"') }),
    field({ key: 'mainDegreeType', label: bi('学位类型', 'Degree type'), type: 'select', required: true,
      options: [opt('学术学位', 'Academic degree', ['学术型', '学硕', '学术']), opt('专业学位', 'Professional degree', ['专业型', '专硕', '专业'])],
      synonyms: ['学位类型', '学位类别', '学位性质'], codes: ['XWLX', 'XWLB'], width: 10 }),
    field({ key: 'mainDegreeLevel', label: bi('学位层次', 'Degree level'), type: 'select', required: true,
      options: [opt('硕士', "Master's", ['硕士研究生', '硕士学位', '3']), opt('博士', 'Doctoral', ['博士研究生', '博士学位', '2'])],
      synonyms: ['学位层次', '学位级别', '培养层次', '攻读学位'], codes: ['XWCC', 'XWJB', 'PYCC'], width: 8 }),
    field({ key: 'mainDegreeDate', label: bi('理学/工学学位授予日期', 'Science/engineering degree date'), type: 'date', required: true,
      synonyms: ['理学/工学学位授予日期', '学位授予日期', '获学位日期', '授予学位日期', '主学位授予日期'], codes: ['XWSYRQ', 'HXWRQ'], width: 12 }),
    field({ key: 'mainDegreeCertNo', label: bi('学位证书编号', 'Degree certificate number'), type: 'code', required: true,
      checkedBy: 'cert.degree-number', schema: pattern(/^\d{16}$/),
      synonyms: ['学位证书编号', '学位证书号', '学位证编号', '学位证号', '理学/工学学位证书编号'], codes: ['XWZSBH', 'XWZH'], width: 20 }),
    field({ key: 'mainDegreeUnit', label: bi('学位授予单位', 'Degree-granting unit'), type: 'text', required: true, maxLength: 60,
      synonyms: ['学位授予单位', '学位授予单位名称', '授予单位', '授予学位单位'], codes: ['XWSYDW', 'XWSYDWMC'], width: 20 }),
    unitCode('mainDegreeUnitCode', '学位授予单位代码', 'Degree-granting unit code', ['学位授予单位代码', '授予单位代码'], ['XWSYDWDM', 'SYDWDM']),
    certYes('eduMasterAwarded', '是否同时获得教育硕士', 'Also awarded Master of Education', ['是否同时获得教育硕士', '是否获得教育硕士学位', '同时获得教育硕士', '教育硕士'], ['SFHDJYSS', 'JYSS']),
    field({ key: 'eduMasterDate', label: bi('教育硕士学位授予日期', 'Master of Education degree date'), type: 'date', requiredWhen: { key: 'eduMasterAwarded', values: ['是'] },
      synonyms: ['教育硕士学位授予日期', '教育硕士授予日期', '教育硕士获学位日期'], codes: ['JYSSXWSYRQ', 'JYSSRQ'], width: 12 }),
    field({ key: 'eduMasterCertNo', label: bi('教育硕士学位证书编号', 'Master of Education certificate number'), type: 'code', requiredWhen: { key: 'eduMasterAwarded', values: ['是'] },
      checkedBy: 'cert.degree-number', schema: pattern(/^\d{16}$/),
      synonyms: ['教育硕士学位证书编号', '教育硕士证书编号', '教育硕士学位证号'], codes: ['JYSSXWZSBH', 'JYSSZSBH'], width: 20 }),
    field({ key: 'eduMasterUnit', label: bi('教育硕士学位授予单位', 'Master of Education granting unit'), type: 'text', maxLength: 60, requiredWhen: { key: 'eduMasterAwarded', values: ['是'] },
      synonyms: ['教育硕士学位授予单位', '教育硕士授予单位'], codes: ['JYSSXWSYDW', 'JYSSSYDW'], width: 20 }),
    unitCode('eduMasterUnitCode', '教育硕士学位授予单位代码', 'Master of Education granting unit code', ['教育硕士学位授予单位代码', '教育硕士授予单位代码'], ['JYSSXWSYDWDM']),
    field({ key: 'graduationDate', label: bi('毕业日期', 'Graduation date'), type: 'date', required: true,
      synonyms: ['毕业日期', '毕业时间', '毕业年月'], codes: ['BYRQ', 'BYSJ'], width: 12 }),
    field({ key: 'graduationCertNo', label: bi('毕业证书编号', 'Graduation certificate number'), type: 'code', required: true,
      checkedBy: 'cert.graduation-number', schema: pattern(/^\d{18}$/),
      synonyms: ['毕业证书编号', '毕业证书号', '毕业证编号', '毕业证号'], codes: ['BYZSBH', 'BYZH'], width: 22 }),
    certYes('freshGraduate', '是否应届毕业生', 'Fresh graduate', ['是否应届毕业生', '是否应届', '应届毕业生', '应届生'], ['SFYJ', 'SFYJBYS'], true),
    certYes('filingMark', '师范生管理信息系统备案标记', 'Marked in the teacher-student register', ['师范生管理信息系统备案标记', '备案标记', '是否备案', '国优计划备案标记', '是否国优计划'], ['BABJ', 'SFBA', 'GYJHBJ'], true),
    field({ key: 'teacherCertStage', label: bi('教师资格学段', 'Teacher qualification stage'), type: 'select',
      options: [
        opt('幼儿园', 'Kindergarten', ['幼儿']),
        opt('小学', 'Primary school'),
        opt('初级中学', 'Junior secondary', ['初中']),
        opt('高级中学', 'Senior secondary', ['高中']),
        opt('中等职业学校', 'Secondary vocational', ['中职', '中等职业学校专业课', '中等职业学校实习指导']),
      ],
      synonyms: ['教师资格学段', '资格种类', '教师资格种类', '任教学段', '认定学段'], codes: ['JSZGXD', 'ZGZL'], width: 10,
      help: bi('§6：免试认定的学段', '§6: stage of the exam-exempt qualification') }),
    field({ key: 'teacherCertSubject', label: bi('教师资格学科', 'Teacher qualification subject'), type: 'text', maxLength: 30,
      synonyms: ['教师资格学科', '任教学科', '认定学科', '资格学科'], codes: ['JSZGXK', 'RJXK'], width: 10 }),
    field({ key: 'remarks', label: bi('备注', 'Remarks'), type: 'text', maxLength: 200, synonyms: ['备注', '说明'], codes: ['BZ'], width: 16 }),
  ],
  groups: [],
  rules: [
    'field.required', 'field.format', 'degree.main-field', 'degree.filing-mark', 'degree.same-year', 'degree.edu-date-order',
    'degree.fresh-graduate', 'degree.double-first-class', 'id.resident-id', 'cert.degree-number', 'cert.graduation-number',
  ],
  layout: {
    sheetTitle: bi('“国优计划”研究生学位授予信息', '"Guoyou Plan" graduate degree record'),
    headerFields: [],
    signature: bi('学位授予单位（盖章）', 'Degree-granting unit (official seal)'),
  },
});
