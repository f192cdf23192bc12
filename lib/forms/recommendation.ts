/**
 * 教育实践学校推荐表 — the practice-school recommendation form of 教师厅函〔2024〕16号 §2 (附件2).
 * The attachment's exact columns are not public in the seed: this is the shipped default layout (domain.md), kept as
 * data so an official template can replace it.
 */
import provinces from '../reference/data/provinces.json';
import { bi, field, opt, pattern, PHONE_RE, EMAIL_RE } from './field';
import { defineForm } from './types';

const provinceOptions = provinces.items.map((p) => ({
  value: p.name,
  label: bi(p.name, p.name),
  synonyms: [...p.aliases, p.code],
}));

const phone = (key: string, zh: string, en: string, synonyms: string[], codes: string[]) =>
  field({ key, label: bi(zh, en), synonyms, codes, type: 'phone', required: true, checkedBy: 'contact.phone', schema: pattern(PHONE_RE), width: 14 });
const email = (key: string, zh: string, en: string, synonyms: string[], codes: string[], required: boolean) =>
  field({ key, label: bi(zh, en), synonyms, codes, type: 'email', required, checkedBy: 'contact.email', schema: pattern(EMAIL_RE), width: 22 });

export default defineForm({
  id: 'recommendation',
  version: 1,
  title: bi('“国优计划”教育实践学校推荐表', '"Guoyou Plan" practice-school recommendation form'),
  source: bi('教师厅函〔2024〕16号 附件2（默认版式）', 'Notice 教师厅函〔2024〕16号, annex 2 (default layout)'),
  deadline: '2024-08-09',
  fields: [
    field({
      key: 'province', label: bi('省份', 'Province'), type: 'select', required: true, options: provinceOptions,
      synonyms: ['省份', '推荐省份', '省（区、市）', '省(区、市)', '省区市', '所在省份', '地区', '省级单位'],
      codes: ['SF', 'SHENG', 'PROVINCE', 'SSDM'],
      help: bi('推荐学校须位于本省域内（§2）', 'Schools must lie within this province (§2)'),
    }),
    field({
      key: 'recommendingUnit', label: bi('推荐单位', 'Recommending unit'), type: 'text', required: true, maxLength: 60,
      synonyms: ['推荐单位', '推荐单位名称', '填报单位', '报送单位', '单位名称（盖章）', '省级教育行政部门'],
      codes: ['TJDW', 'TBDW', 'DWMC'], width: 30,
    }),
    field({
      key: 'filler', label: bi('填表人', 'Filled in by'), type: 'text', required: true, maxLength: 30,
      synonyms: ['填表人', '填报人', '经办人', '联系人'], codes: ['TBR', 'TBRXM', 'JBR'], width: 12,
    }),
    phone('contactPhone', '联系电话', 'Contact phone', ['联系电话', '电话', '手机', '手机号码', '联系方式', '办公电话'], ['LXDH', 'DH', 'SJHM']),
    email('contactEmail', '电子邮箱', 'E-mail', ['电子邮箱', '邮箱', '电子邮件', 'Email', 'E-mail'], ['DZYX', 'YX', 'EMAIL'], true),
    field({
      key: 'fillDate', label: bi('填表日期', 'Date'), type: 'date', required: true,
      synonyms: ['填表日期', '填报日期', '日期', '报送日期'], codes: ['TBRQ', 'RQ'], width: 12,
    }),
  ],
  groups: [
    {
      key: 'schools',
      label: bi('推荐学校', 'Recommended schools'),
      itemLabel: bi('学校', 'school'),
      minRows: 5,
      maxRows: 200,
      fields: [
        field({
          key: 'schoolName', label: bi('学校名称', 'School name'), type: 'text', required: true, maxLength: 60,
          synonyms: ['学校名称', '学校全称', '校名', '单位名称', '实践学校名称', '学校（全称）', '推荐学校'],
          codes: ['XXMC', 'XXQC', 'DWMC'], width: 28,
        }),
        field({
          key: 'schoolStage', label: bi('学段', 'School stage'), type: 'select', required: true,
          options: [
            opt('小学', 'Primary school', ['小', '初等教育']),
            opt('初中', 'Junior secondary', ['初级中学', '初']),
            opt('高中', 'Senior secondary', ['高级中学', '普通高中', '高']),
            opt('完全中学', 'Complete secondary (junior + senior)', ['完中', '完全']),
            opt('九年一贯制', '9-year school (primary + junior)', ['九年一贯制学校', '九年制', '9年一贯制']),
            opt('十二年一贯制', '12-year school (primary to senior)', ['十二年一贯制学校', '十二年制', '12年一贯制']),
          ],
          synonyms: ['学段', '学校类型', '学段/学校类型', '学校类别', '办学类型', '学校层次'],
          codes: ['XD', 'XXLX', 'BXLX'], width: 12,
        }),
        field({
          key: 'city', label: bi('所在市（州）', 'City / prefecture'), type: 'text', required: true, maxLength: 30,
          synonyms: ['所在市（州）', '所在市(州)', '所在市', '市（州）', '地市', '所在地市', '市州', '城市'],
          codes: ['SZS', 'DS', 'SZSZ'], width: 12,
        }),
        field({
          key: 'county', label: bi('所在县（区）', 'County / district'), type: 'text', required: true, maxLength: 30,
          synonyms: ['所在县（区）', '所在县(区)', '所在县区', '县（区）', '区县', '县区', '所在区县'],
          codes: ['SZX', 'QX', 'SZXQ'], width: 12,
        }),
        field({
          key: 'schoolNature', label: bi('办学性质', 'Public or private'), type: 'select', required: true,
          options: [opt('公办', 'Public', ['公立', '国办', '公办学校']), opt('民办', 'Private', ['私立', '民营', '民办学校'])],
          synonyms: ['办学性质', '学校性质', '举办性质', '办学类别', '公办/民办'],
          codes: ['BXXZ', 'XXXZ'], width: 10,
        }),
        field({
          key: 'creditCode', label: bi('统一社会信用代码', 'Unified social credit code'), type: 'code', required: true,
          checkedBy: 'school.credit-code',
          schema: pattern(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
          synonyms: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '组织机构代码', '法人证书号'],
          codes: ['TYSHXYDM', 'XYDM', 'SHXYDM'], width: 22,
          help: bi('18 位，公办学校多以 12 开头，民办学校多以 52 开头', '18 characters; public schools usually start with 12, private ones with 52'),
        }),
        field({
          key: 'principal', label: bi('校长姓名', 'Principal'), type: 'text', required: true, maxLength: 30,
          synonyms: ['校长姓名', '校长', '负责人', '法定代表人', '学校负责人'], codes: ['XZXM', 'XZ', 'FZR'], width: 10,
        }),
        field({
          key: 'contactName', label: bi('联系人', 'Contact person'), type: 'text', required: true, maxLength: 30,
          synonyms: ['联系人', '联系人姓名', '学校联系人'], codes: ['LXR', 'LXRXM'], width: 10,
        }),
        phone('contactPhone', '联系电话', 'Contact phone', ['联系电话', '联系人电话', '电话', '手机', '联系方式'], ['LXDH', 'DH', 'LXRDH']),
        email('contactEmail', '电子邮箱', 'E-mail', ['电子邮箱', '邮箱', '电子邮件', 'Email', 'E-mail'], ['DZYX', 'YX', 'EMAIL'], false),
        field({
          key: 'address', label: bi('通讯地址', 'Postal address'), type: 'text', required: true, maxLength: 100,
          synonyms: ['通讯地址', '通信地址', '学校地址', '地址', '详细地址', '联系地址'], codes: ['TXDZ', 'DZ', 'XXDZ'], width: 30,
        }),
        field({
          key: 'scienceTeachers', label: bi('科学类课程专任教师数', 'Science teachers (full-time)'), type: 'integer', required: true,
          synonyms: ['科学类课程专任教师数', '科学类专任教师数', '科学类课程教师数', '理科专任教师数', '专任教师数'],
          codes: ['KXLJSS', 'ZRJSS'], width: 10,
        }),
        field({
          key: 'traineeCapacity', label: bi('可接收“国优计划”研究生实践人数', 'Guoyou trainees it can host'), type: 'integer', required: true,
          synonyms: ['可接收“国优计划”研究生实践人数', '可接收"国优计划"研究生实践人数', '可接收研究生实践人数', '可接收实践人数', '接收人数'],
          codes: ['KJSRS', 'JSRS'], width: 10,
        }),
        field({
          key: 'mentorCount', label: bi('可提供实践导师人数', 'Practice mentors it can provide'), type: 'integer', required: true,
          synonyms: ['可提供实践导师人数', '实践导师人数', '可提供导师人数', '导师人数'], codes: ['SJDSRS', 'DSRS'], width: 10,
        }),
        field({
          key: 'reason', label: bi('推荐理由', 'Reason for recommending'), type: 'textarea', required: true, maxLength: 500,
          synonyms: ['推荐理由', '推荐意见', '推荐说明', '学校简介及推荐理由', '理由'], codes: ['TJLY', 'LY'], width: 40,
          help: bi('不超过 500 字', 'At most 500 characters'),
        }),
        field({
          key: 'remarks', label: bi('备注', 'Remarks'), type: 'text', maxLength: 200,
          synonyms: ['备注', '说明', '其他'], codes: ['BZ'], width: 16,
        }),
      ],
    },
  ],
  rules: [
    'field.required', 'field.format', 'school.min-count', 'school.in-province', 'school.stage', 'school.duplicate',
    'school.credit-code', 'school.credit-code-nature', 'contact.phone', 'contact.email', 'form.deadline',
  ],
  layout: {
    sheetTitle: bi('“国优计划”教育实践学校推荐表', '"Guoyou Plan" practice-school recommendation form'),
    headerFields: ['province', 'recommendingUnit', 'filler', 'contactPhone', 'contactEmail', 'fillDate'],
    signature: bi('推荐单位（盖章）', 'Recommending unit (official seal)'),
    rowsPerPage: 10,
  },
});
