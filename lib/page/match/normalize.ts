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
 * any Chinese label is. Words not listed stay as they are (and weigh as unknown words). Each pattern is tried only when
 * one of its words (the third column: every match holds one) is in the text, so a page compiles only the few it needs.
 */
const ENGLISH: Array<[RegExp, string, string[]]> = [
  [/date of birth|birth ?date|birthday/g, '出生日期', ['birth']],
  [/student (?:id|no|number)|student/g, '学号', ['student']],
  [/(?:id|identity|id card) ?(?:card )?(?:no|number)|id ?card|identity/g, '证件号', ['id']],
  [/(?:contact )?(?:tel|telephone|phone|mobile)(?: no| number)?|contact number/g, '电话', ['tel', 'phone', 'mobile', 'contact number']],
  [/e-?mail(?: address)?/g, '邮箱', ['mail']],
  [/(school|university|college|unit|organi[sz]ation|institution|employer) name/g, '$1 名称', [' name']],
  [/full name|name/g, '姓名', ['name']],
  [/gender|sex/g, '性别', ['gender', 'sex']],
  [/fill(?:ing)? date|date (?:of )?filling/g, '填表日期', ['fill']],
  [/filled (?:in )?by|filler|prepared by/g, '填表人', ['fille', 'prepared by']],
  [/recommend(?:ing|ed|ation)?/g, '推荐', ['recommend']],
  [/nature/g, '性质', ['nature']],
  [/stage/g, '学段', ['stage']],
  [/date|time/g, '日期', ['date', 'time']],
  [/certificate|cert/g, '证书', ['cert']],
  [/\b(?:no|number)\b/g, '号', ['no', 'number']],
  [/\bcode\b/g, '代码', ['code']],
  [/degree/g, '学位', ['degree']],
  [/school|university|college|institution/g, '学校', ['school', 'university', 'college', 'institution']],
  [/unit|organi[sz]ation|employer/g, '单位', ['unit', 'organi', 'employer']],
  [/address/g, '地址', ['address']],
  [/province/g, '省', ['province']],
  [/city/g, '市', ['city']],
  [/county|district/g, '县', ['county', 'district']],
  [/remarks?|notes?|comments?/g, '备注', ['remark', 'note', 'comment']],
  [/contact person|contact/g, '联系人', ['contact']],
  [/principal|headmaster/g, '校长', ['principal', 'headmaster']],
  [/discipline|major|subject/g, '学科', ['discipline', 'major', 'subject']],
  [/category/g, '门类', ['category']],
  [/type/g, '类型', ['type']],
  [/level/g, '层次', ['level']],
  [/graduation/g, '毕业', ['graduation']],
  [/award(?:ed|ing)?|conferred/g, '授予', ['award', 'conferred']],
  [/reason/g, '理由', ['reason']],
  [/teachers?/g, '教师', ['teacher']],
  [/postcode|zip(?: code)?|postal code/g, '邮编', ['postcode', 'zip', 'postal code']],
  [/website|homepage/g, '网址', ['website', 'homepage']],
  [/\b(?:of|the|and|a|an|in|for|by)\b/g, '', ['of', 'the', 'and', 'a', 'in', 'for', 'by']],
];

/**
 * Spellings written one way: each rule's words (longest first) are replaced, in the order of the rules. Plain words,
 * not regular expressions: a cold page normalises every field name once, and a string search costs no compilation.
 * Administrative divisions come first, each level written as its one character.
 */
const SPELLINGS: Array<[string[], string]> = [
  [['省级行政区划', '省级行政区', '省区市', '省市区', '省份'], '省'],
  [['地级行政区划', '地级行政区', '地级市', '地市州', '市州', '地市'], '市'],
  [['县级行政区划', '县级行政区', '县市区', '县区', '区县'], '县'],
  [['移动电话', '手机号码', '手机号', '移动手机'], '手机'],
  [['电子邮件地址', '电子邮箱地址', '邮箱地址', '电子邮件', '电子信箱', '邮件地址', 'e-mail', 'email', '邮件'], '邮箱'],
  [['年月日', '时间', '年月'], '日期'],
  [['号码', '编号'], '号'],
  [['电话'], '手机'],
  [['人数'], '数'],
  [['证书'], '证'],
  [['院校', '高校', '大学'], '学校'],
  [['通信', '邮寄'], '通讯'],
  [['指导教师', '指导老师'], '导师'],
  [['所属'], '所在'],
  // Whether a degree was awarded or obtained is one yes/no from either side (`是否授予` = `是否获得`).
  [['是否授予', '是否取得'], '是否获得'],
  [['学员'], '学生'],
  // A named master's or doctor's degree is one kind of degree whether or not it is called professional
  // (`教育硕士专业学位` = 教育硕士学位): `专业` there is no word of the discipline (一级学科（专业学位类别）).
  [['硕士专业学位'], '硕士学位'],
  [['博士专业学位'], '博士学位'],
];

/**
 * Words naming what a contact is for (`实践工作联系人`, `业务联系电话`, `项目联系人`): the person or phone is the same
 * contact of the unit or school in scope, so they are dropped before `联系`. A qualifier naming whose contact it is
 * (`学校联系人`, `推荐单位联系人`) is no purpose and stays.
 */
const CONTACT_PURPOSE = /(?:教育实践|实践|实习|见习|工作|业务|项目|日常|事务|对接)+(?=联系)/g;

/** A leading `已` before a verb of two characters or more. */
const DONE = /^已(?=\p{Script=Han}{2})/u;

/** Trailing punctuation of a label (`学校名称：`, `电话,`). */
const TRAILING_PUNCT = /[:;,，。、.?？!！]+$/;
const TRAILING_PUNCT_CHARS = ':;,，。、.?？!！';

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
  for (let i = 0; i < ENGLISH.length; i++) {
    const [re, to, words] = ENGLISH[i]!;
    if (!words.some((w) => out.includes(w))) continue;
    out = out.replace(re, (_, g1: unknown) => {
      if (to) known = true;
      return to.replace('$1', typeof g1 === 'string' ? g1 : '');
    });
  }
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
  if (TRAILING_PUNCT_CHARS.includes(s[s.length - 1] ?? ':')) s = s.replace(TRAILING_PUNCT, '');
  if (s[0] === ':') s = s.replace(/^:+/, '');
  for (let r = 0; r < SPELLINGS.length; r++) {
    const words = SPELLINGS[r]![0];
    for (let i = 0; i < words.length; i++) if (s.includes(words[i]!)) s = s.replaceAll(words[i]!, SPELLINGS[r]![1]);
    // (`…人姓名` → `…人` once the phone and count words are settled, as the table's order has it.)
    if (r === 8 && s.endsWith('人姓名')) s = s.slice(0, -2);
  }
  if (s.includes('联系')) s = s.replace(CONTACT_PURPOSE, '');
  // A leading `有效`/`拟` (`有效证件号`, `拟推荐学校`) says nothing of the field.
  if (s.startsWith('有效')) s = s.slice(2);
  else if (s.startsWith('拟')) s = s.slice(1);
  // A status said as done (`已获得`, `已备案`) names the same yes/no as its verb.
  if (s[0] === '已') s = s.replace(DONE, '');
  // A yes/no recorded as a state or a mark (`备案状态`, `备案标志`, `备案标记`).
  if (s.endsWith('状态') || s.endsWith('标志') || s.endsWith('标识')) s = s.slice(0, -2) + '标记';
  // `单位名称`, `学校名称`: the head noun names the thing, `名称` adds nothing (kept when it is all there is).
  out = s.length > 3 && (s.endsWith('名称') || s.endsWith('情况')) ? s.slice(0, -2) : s;
  if (memo.size > 5000) memo.clear();
  memo.set(text, out);
  return out;
}
