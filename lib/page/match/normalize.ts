import { toHalfWidth } from '../../normalize/text';

/**
 * The comparison form of a label, a field name or a context text: what a person reads past is dropped, words that
 * systems spell differently are written one way. `* 专任科学教师数（名）：` → `专任科学教师数`, `请输入移动电话` → `手机`,
 * `获学位时间` → `获学位日期`, `单位名称（全称）` → `单位名称`. Both sides of a comparison go through it.
 */

/** A count's unit in brackets (`科学教师（人）`): the label asks for a number of them. */
const COUNT_UNIT = /\((?:人|名|个|所|位|人数)\)/g;

/**
 * Bracketed asides that carry no meaning for matching: units, 全称, 必填, seals and signatures, formats, examples,
 * length limits (`（18位）`), what the value includes (`（含区号）`), alternatives (`（手机或座机）`,
 * `（自治区、直辖市）`), codes (`（0451）`).
 */
const FILLER_ASIDE =
  /\((?:[元岁年天次项份篇门张%]|万元|全称|简称|必填|选填|可选|非必填|如有|若有|可不填|单选|多选|可多选|手写|[\d\s.a-z-]+|[^()]*(?:\/|、|或|格式|例|如:|yyyy|限|字以内|不超过|填写|位数字|以内|请|\d+位|含|包括|盖章|公章|签字|签名)[^()]*)\)/g;

/** One or two characters in brackets inside a word are an alternative reading: `校（园）长` is 校长 or 园长. */
const INLINE_ALTERNATIVE = /(?<=[\u3400-\u9fff])\([\u3400-\u9fff]{1,2}\)(?=[\u3400-\u9fff])/g;

/**
 * English form words (labels of bilingual or English pages), phrases first: written in Chinese, then compared as
 * any Chinese label is. Words not listed stay as they are (and weigh as unknown words).
 */
const ENGLISH: Array<[RegExp, string]> = [
  [/date of birth|birth ?date|birthday/g, '出生日期'],
  [/student (?:id|no|number)|student/g, '学号'],
  [/(?:id|identity|id card) ?(?:card )?(?:no|number)|id ?card|identity/g, '证件号'],
  [/(?:contact )?(?:tel|telephone|phone|mobile)(?: no| number)?|contact number/g, '电话'],
  [/e-?mail(?: address)?/g, '邮箱'],
  [/(school|university|college|unit|organi[sz]ation|institution|employer) name/g, '$1 名称'],
  [/full name|name/g, '姓名'],
  [/gender|sex/g, '性别'],
  [/fill(?:ing)? date|date (?:of )?filling/g, '填表日期'],
  [/filled (?:in )?by|filler|prepared by/g, '填表人'],
  [/recommend(?:ing|ed|ation)?/g, '推荐'],
  [/nature/g, '性质'],
  [/stage/g, '学段'],
  [/date|time/g, '日期'],
  [/certificate|cert/g, '证书'],
  [/\b(?:no|number)\b/g, '号'],
  [/\bcode\b/g, '代码'],
  [/degree/g, '学位'],
  [/school|university|college|institution/g, '学校'],
  [/unit|organi[sz]ation|employer/g, '单位'],
  [/address/g, '地址'],
  [/province/g, '省'],
  [/city/g, '市'],
  [/county|district/g, '县'],
  [/remarks?|notes?|comments?/g, '备注'],
  [/contact person|contact/g, '联系人'],
  [/principal|headmaster/g, '校长'],
  [/discipline|major|subject/g, '学科'],
  [/category/g, '门类'],
  [/type/g, '类型'],
  [/level/g, '层次'],
  [/graduation/g, '毕业'],
  [/award(?:ed|ing)?|conferred/g, '授予'],
  [/reason/g, '理由'],
  [/teachers?/g, '教师'],
  [/postcode|zip(?: code)?|postal code/g, '邮编'],
  [/website|homepage/g, '网址'],
  [/\b(?:of|the|and|a|an|in|for|by)\b/g, ''],
];

/** Administrative divisions are worded many ways; each level is written as its one character. */
const DIVISIONS: Array<[RegExp, string]> = [
  [/省级行政区划?|省区市|省市区|省份/g, '省'],
  [/地级行政区划?|地级市|地市州|市州|地市/g, '市'],
  [/县级行政区划?|县市区|县区|区县/g, '县'],
];

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
  [/通信|邮寄/g, '通讯'],
  [/指导教师|指导老师/g, '导师'],
  [/所属/g, '所在'],
  [/^有效|^拟/g, ''],
  // A status said as done (`已获得`, `已备案`) names the same yes/no as its verb.
  [/^已(?=\p{Script=Han}{2})/u, ''],
  // Whether a degree was awarded or obtained is one yes/no from either side (`是否授予` = `是否获得`).
  [/是否(?:授予|取得)/g, '是否获得'],
  // A yes/no recorded as a state or a mark (`备案状态`, `备案标志`, `备案标记`).
  [/(?:状态|标志|标识)$/, '标记'],
  [/学员/g, '学生'],
];

const DECORATION = /[\s\u00a0\u200b\u3000*※★☆✱"'“”‘’《》「」『』【】<>]+/g;

const memo = new Map<string, string>();

const HAN = /[\u3400-\u9fff]/;

/** The English half of a bilingual label: `省份/Province`, `联系电话 Tel`. */
const ENGLISH_TAIL = /\/?[a-z][a-z .'-]*[a-z.]$/;

/** An English label in Chinese words (`Date of birth` → `出生日期`); a bilingual one keeps its Chinese (`省份/Province`). */
function fromEnglish(s: string): string {
  if (HAN.test(s)) return s.replace(ENGLISH_TAIL, (tail) => (/[a-z]{3}/.test(tail) ? '' : tail));
  if (!/[a-z]{2}/.test(s)) return s;
  let out = ` ${s.replace(/[.:_]/g, ' ')} `;
  let known = false;
  for (const [re, to] of ENGLISH)
    out = out.replace(re, (_, g1: unknown) => {
      if (to) known = true;
      return to.replace('$1', typeof g1 === 'string' ? g1 : '');
    });
  return known ? out : s;
}

/** Normalised label (memoised: labels repeat down tables). */
export function normalizeLabel(text: string): string {
  let out = memo.get(text);
  if (out !== undefined) return out;
  let s = toHalfWidth(text).toLowerCase().trim();
  // (Each step runs only when its mark is there: names and labels are normalised by the hundred on a cold page.)
  if (/[a-z]/.test(s)) s = fromEnglish(s);
  if (/[【〔［】〕］]/.test(s)) s = s.replace(/[【〔［]/g, '(').replace(/[】〕］]/g, ')');
  s = s.replace(DECORATION, '');
  if (/[:：]/.test(s)) s = s.replace(/(?:例|如|格式|示例)[:：].*$/, '');
  if (/^[\d(一二三四五六七八九十]/.test(s)) s = s.replace(/^(?:\d{1,2}[.、)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.])(?=\D)/, '');
  if (s.includes('请')) s = s.replace(/请(?:输入|选择|填写|录入|上传|填入|勾选)/g, '');
  if (/[()]/.test(s)) {
    s = s
      .replace(INLINE_ALTERNATIVE, '')
      .replace(COUNT_UNIT, (_, at: number, all: string) => (/数$/.test(all.slice(0, at)) ? '' : '数'))
      .replace(FILLER_ASIDE, '')
      .replace(/[()]/g, '');
  }
  s = s.replace(/[:;,，。、.?？!！]+$/, '').replace(/^[:]+/, '');
  for (const [re, to] of DIVISIONS) s = s.replace(re, to);
  for (const [re, to] of CANONICAL) s = s.replace(re, to);
  // `单位名称`, `学校名称`: the head noun names the thing, `名称` adds nothing (kept when it is all there is).
  out = s.length > 3 && /(?:名称|情况)$/.test(s) ? s.slice(0, -2) : s;
  if (memo.size > 5000) memo.clear();
  memo.set(text, out);
  return out;
}
