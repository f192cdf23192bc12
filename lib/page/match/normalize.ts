import { toHalfWidth } from '../../normalize/text';

/**
 * The comparison form of a label, a field name or a context text: what a person reads past is dropped, words that
 * systems spell differently are written one way. `* 专任科学教师数（名）：` → `专任科学教师数`, `请输入移动电话` → `手机`,
 * `获学位时间` → `获学位日期`, `单位名称（全称）` → `单位名称`. Both sides of a comparison go through it.
 */

/** Bracketed asides that carry no meaning for matching: units, 全称, 必填, formats, examples, length limits. */
const FILLER_ASIDE =
  /\((?:[名人个所元岁年天次项位份篇门张%]|万元|人数|全称|简称|盖章|签字|签名|必填|选填|可选|非必填|如有|若有|可不填|单选|多选|可多选|手写|[^()]*(?:\/|格式|例|如:|yyyy|限|字以内|不超过|填写|位数字|以内|请)[^()]*)\)/g;

/** Spellings written one way, longest first within a family (a declarative table: extend it here). */
const CANONICAL: Array<[RegExp, string]> = [
  [/移动电话|手机号码|手机号|移动手机/g, '手机'],
  [/电子邮件地址|电子邮箱地址|邮箱地址|电子邮件|电子信箱|邮件地址|e-?mail|邮件/g, '邮箱'],
  [/年月日|时间|年月/g, '日期'],
  [/号码|编号/g, '号'],
  [/电话/g, '手机'],
  [/人数/g, '数'],
  [/人姓名$/, '人'],
  [/证书/g, '证'],
  [/院校|高校|大学/g, '学校'],
  [/通信/g, '通讯'],
  [/所属/g, '所在'],
  [/^有效|^拟/g, ''],
  [/学员/g, '学生'],
];

const DECORATION = /[\s\u00a0\u200b\u3000*※★☆✱"'“”‘’《》「」『』【】<>]+/g;

const memo = new Map<string, string>();

/** Normalised label (memoised: labels repeat down tables). */
export function normalizeLabel(text: string): string {
  let out = memo.get(text);
  if (out !== undefined) return out;
  let s = toHalfWidth(text)
    .toLowerCase()
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(DECORATION, '');
  s = s
    .replace(/(?:例|如|格式|示例)[:：].*$/, '')
    .replace(/^(?:\d{1,2}[.、)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.])(?=\D)/, '')
    .replace(/请(?:输入|选择|填写|录入|上传|填入|勾选)/g, '')
    .replace(FILLER_ASIDE, '')
    .replace(/[()]/g, '')
    .replace(/[:;,，。、.?？!！]+$/, '')
    .replace(/^[:]+/, '');
  for (const [re, to] of CANONICAL) s = s.replace(re, to);
  // `单位名称`, `学校名称`: the head noun names the thing, `名称` adds nothing (kept when it is all there is).
  out = s.length > 3 && /(?:名称|情况)$/.test(s) ? s.slice(0, -2) : s;
  if (memo.size > 5000) memo.clear();
  memo.set(text, out);
  return out;
}
