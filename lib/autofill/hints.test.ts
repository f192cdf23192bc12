import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { besideTexts, dateFormatIn, formatDate, wantedDateFormat } from './hints';

describe('dateFormatIn: the wordings systems use for a date format', () => {
  it.each([
    ['（格式：yyyymmdd）', 'YYYYMMDD'],
    ['格式：YYYYMMDD', 'YYYYMMDD'],
    ['yyyy-mm-dd', 'YYYY-MM-DD'],
    ['格式：yyyy/mm/dd', 'YYYY/MM/DD'],
    ['YYYY/MM/DD', 'YYYY/MM/DD'],
    ['yyyy.mm.dd', 'YYYY.MM.DD'],
    ['YYYY年MM月DD日', 'YYYY年MM月DD日'],
    ['yyyy年m月d日', 'YYYY年M月D日'],
    ['（yyyy-mm）', 'YYYY-MM'],
    ['yyyymm', 'YYYYMM'],
    ['YYYY年MM月', 'YYYY年MM月'],
    ['ｙｙｙｙ／ｍｍ／ｄｄ', 'YYYY/MM/DD'],
    ['例：2024-01-01', 'YYYY-MM-DD'],
    ['如 2024/1/1', 'YYYY/M/D'],
    ['例如2024.06.30', 'YYYY.MM.DD'],
    ['示例：2024年01月01日', 'YYYY年MM月DD日'],
    ['如：2024年6月', 'YYYY年M月'],
    ['（8位数字，如20240630）', 'YYYYMMDD'],
    ['例：202406', 'YYYYMM'],
    ['e.g. 20240101', 'YYYYMMDD'],
    ['请填写8位数字', 'YYYYMMDD'],
    ['6位数字', 'YYYYMM'],
  ])('%s → %s', (text, format) => expect(dateFormatIn(text)).toBe(format));

  it.each(['请选择日期', '选择日期', '请输入', '2024-2025学年', '18位统一社会信用代码', '联系电话 0571-87054321', '20240101', ''])(
    '%s names no format',
    (text) => expect(dateFormatIn(text)).toBeUndefined(),
  );
});

describe('formatDate', () => {
  it.each([
    ['YYYYMMDD', '20240805'],
    ['YYYY/MM/DD', '2024/08/05'],
    ['YYYY年MM月DD日', '2024年08月05日'],
    ['YYYY年M月D日', '2024年8月5日'],
    ['YYYY-MM', '2024-08'],
    ['YYYYMM', '202408'],
    ['YYYY.M.D', '2024.8.5'],
  ])('2024-08-05 as %s → %s', (format, out) => expect(formatDate('2024-08-05', format)).toBe(out));

  it('leaves values that are no YYYY-MM-DD date alone', () => {
    expect(formatDate('2024/08/05', 'YYYYMMDD')).toBe('2024/08/05');
    expect(formatDate('', 'YYYYMMDD')).toBe('');
  });
});

function page(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

describe('wantedDateFormat: read from the control and its surroundings', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['placeholder', '<input id="x" placeholder="yyyymmdd">', 'YYYYMMDD'],
    ['title', '<input id="x" title="格式：yyyy-mm-dd">', 'YYYY-MM-DD'],
    ['hint span beside', '<div><input id="x"><span class="hint">（格式：yyyymmdd）</span></div>', 'YYYYMMDD'],
    ['text node beside', '<td><input id="x"> 例：2024/01/01</td>', 'YYYY/MM/DD'],
    [
      'next grid column (Bootstrap)',
      '<div class="row"><label>出生日期</label><div class="col"><input id="x"></div><div class="col"><span>（格式：yyyymmdd）</span></div><div class="col"><input id="y"></div></div>',
      'YYYYMMDD',
    ],
    [
      'help line of the form item (antd extra)',
      '<div class="item"><label>填报时间</label><div class="ctl"><div class="in"><div class="picker"><input id="x"></div></div><div class="extra">（格式：yyyy/mm/dd）</div></div></div>',
      'YYYY/MM/DD',
    ],
    ['maxlength 8', '<input id="x" maxlength="8">', 'YYYYMMDD'],
    ['maxlength 6', '<input id="x" maxlength="6">', 'YYYYMM'],
    ['a hint beats maxlength', '<input id="x" maxlength="10" placeholder="yyyy/mm/dd">', 'YYYY/MM/DD'],
    ['aria-describedby', '<input id="x" aria-describedby="h"><p id="h">日期格式：YYYY年MM月DD日</p>', 'YYYY年MM月DD日'],
    ['nothing says', '<input id="x" placeholder="请选择日期" maxlength="20">', undefined],
    ["the next control's hint is not this control's", '<div><input id="x"><input id="y"><span>（格式：yyyymmdd）</span></div>', undefined],
  ];
  it.each(cases)('%s', (_, html, format) => {
    const doc = page(html);
    const el = doc.getElementById('x') as HTMLElement;
    expect(wantedDateFormat(el, el)).toBe(format);
  });

  it('a label carrying the format counts', () => {
    const doc = page('<input id="x">');
    const el = doc.getElementById('x') as HTMLElement;
    expect(wantedDateFormat(el, el, ['出生日期（yyyymmdd）'])).toBe('YYYYMMDD');
  });

  it('beside texts stop at the next control', () => {
    const doc = page('<div><input id="x"><span>a</span><input><span>b</span></div>');
    expect(besideTexts(doc.getElementById('x')!)).toEqual(['a']);
  });
});
