import { describe, expect, it } from 'vitest';
import { forms } from '../forms';
import { formHints } from '../autofill/hints';
import { mapColumns, mapViewLabels } from './columns';

const { hints } = formHints(forms.degreeRecord);

describe('mapColumns', () => {
  it('reads short labels under a two-level header by their group, and gives 教育硕士 only to the column naming it', () => {
    const headers = ['姓名', '授予单位', '授予时间', '证书编号', '授予单位', '授予时间', '证书号', '教育硕士', '教育硕士证书号'];
    const groups = ['', '主学位', '主学位', '主学位', '教育硕士', '教育硕士', '教育硕士', '', ''];
    expect(mapColumns(headers, hints, groups)).toEqual([
      'name',
      'mainDegreeUnit',
      'mainDegreeDate',
      'mainDegreeCertNo',
      'eduMasterUnit',
      'eduMasterDate',
      undefined, // the cert number went to the column that names it best across the table
      'eduMasterAwarded',
      'eduMasterCertNo',
    ]);
  });

  it.each([
    ['学号', 'studentNo'],
    ['*姓名：', 'name'],
    ['证件号码', 'idNumber'],
    ['身份证号', 'idNumber'],
    ['学位授予日期', 'mainDegreeDate'],
    ['教育硕士学位授予日期', 'eduMasterDate'],
    ['学位证书编号', 'mainDegreeCertNo'],
    ['XWZSBH', 'mainDegreeCertNo'],
    ['ｘｗｚｓｂｈ', 'mainDegreeCertNo'],
    ['毕业证书编号', 'graduationCertNo'],
    ['备案标记', 'filingMark'],
    ['是否应届毕业生', 'freshGraduate'],
    ['学科门类', 'mainDegreeCategory'],
  ])('header %s → %s', (header, key) => {
    expect(mapColumns([header], hints)).toEqual([key]);
  });

  it.each([['序号'], ['操作'], [''], ['这是一段很长的说明文字而不是表头，它不应当被当作任何字段的名称来对待，也不会被映射']])(
    'leaves %j unmapped',
    (header) => {
      expect(mapColumns([header], hints)).toEqual([undefined]);
    },
  );

  it('gives each field to one column, the best-named one, whatever the order', () => {
    expect(mapColumns(['教育硕士学位授予单位', '学位授予单位', '学位授予日期', '教育硕士学位授予日期'], hints)).toEqual([
      'eduMasterUnit',
      'mainDegreeUnit',
      'mainDegreeDate',
      'eduMasterDate',
    ]);
    expect(mapColumns(['姓名', '学生姓名'], hints)).toEqual(['name', undefined]);
  });

  it('maps the labels of a read-only view the same way', () => {
    expect(mapViewLabels(['姓名：', '师范生管理信息系统备案标记：', '一级学科：'], hints)).toEqual([
      'name',
      'filingMark',
      'mainDegreeDiscipline',
    ]);
  });
});
