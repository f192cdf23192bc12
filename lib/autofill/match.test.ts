import { describe, expect, it } from 'vitest';
import { matchControls, type Matchable } from './match';
import type { FieldHint, LabelSource } from '../page/types';
import { forms } from '../forms';
import { formHints } from './hints';

const hint = (path: string, names: string[], codes: string[] = []): FieldHint => {
  const group = /^(\w+)\[\]\./.exec(path)?.[1];
  return { path, key: path.split('.').pop()!, label: names[0]!, names, codes, type: 'text', ...(group ? { group } : {}) };
};

const hints = [
  hint('contactPhone', ['联系电话'], ['lxdh']),
  hint('filler', ['填表人'], ['tbr']),
  hint('schools[].schoolName', ['学校名称'], ['xxmc']),
  hint('schools[].contactPhone', ['联系电话'], ['lxdh']),
];

type Control = Matchable & { id: string };
const control = (id: string, label: string, source: LabelSource, extra: Partial<Matchable> = {}): Control => ({
  id,
  labels: label ? [{ text: label, source }] : [],
  code: { key: '' },
  ...extra,
});
const paths = (controls: Control[], skip?: Set<string>) => matchControls(controls, hints, skip).map((a) => [a.control.id, a.path, a.via]);

describe('matchControls', () => {
  it('gives a path to the best evidence first, then to document order among equals', () => {
    const controls = [
      control('placeholder', '填表人', 'placeholder'),
      control('label', '填表人', 'label-for'),
      control('second', '填表人', 'label-for'),
    ];
    expect(paths(controls)).toEqual([['label', 'filler', 'label-for']]);
  });

  it('puts controls under a column header into their row, and a control outside the table to the top-level field', () => {
    const controls = [
      control('phone', '联系电话', 'cell-left'),
      control('r0', '联系电话', 'column-header', { row: { index: 0 } }),
      control('r1', '联系电话', 'column-header', { row: { index: 1 } }),
    ];
    expect(paths(controls)).toEqual([
      ['r0', 'schools[0].contactPhone', 'column-header'],
      ['r1', 'schools[1].contactPhone', 'column-header'],
      ['phone', 'contactPhone', 'cell-left'],
    ]);
  });

  it('numbers a block repeated per school in document order, after the rows a name index already claimed', () => {
    const controls = [
      control('a', '学校名称', 'cell-left'),
      control('indexed', '', 'cell-left', { code: { key: 'xxmc', index: 0 } }),
      control('b', '学校名称', 'cell-left'),
    ];
    expect(paths(controls)).toEqual([
      ['indexed', 'schools[0].schoolName', 'code'],
      ['a', 'schools[1].schoolName', 'cell-left'],
      ['b', 'schools[2].schoolName', 'cell-left'],
    ]);
  });

  it('reads names that number rows from 1 as rows 0, 1, … and names from 0 as they are', () => {
    const named = (base: number) => [0, 1].map((i) => control(`n${i}`, '', 'cell-left', { code: { key: 'xxmc', index: base + i } }));
    expect(paths(named(1)).map(([id, path]) => [id, path])).toEqual([
      ['n0', 'schools[0].schoolName'],
      ['n1', 'schools[1].schoolName'],
    ]);
    expect(paths(named(0)).map(([, path]) => path)).toEqual(['schools[0].schoolName', 'schools[1].schoolName']);
  });

  it('never assigns a path in `skip` (filled by an adapter or in another frame)', () => {
    const controls = [control('r0', '学校名称', 'column-header', { row: { index: 0 } }), control('top', '填表人', 'label-for')];
    expect(paths(controls, new Set(['schools[0].schoolName', 'filler']))).toEqual([]);
    const block = [control('a', '学校名称', 'cell-left'), control('b', '学校名称', 'cell-left')];
    expect(paths(block, new Set(['schools[0].schoolName']))).toEqual([
      ['a', 'schools[1].schoolName', 'cell-left'],
      ['b', 'schools[2].schoolName', 'cell-left'],
    ]);
  });

  it('leaves a control unmatched below the threshold rather than guessing', () => {
    expect(paths([control('weak', '审核意见', 'label-for')])).toEqual([]);
    expect(paths([control('strong', '电话', 'label-for')])).toEqual([['strong', 'contactPhone', 'label-for']]);
  });
});

describe('matchControls on a form pack', () => {
  const { hints: degree, groups } = formHints(forms.degreeRecord);
  const at = (label: string, context: string, id = label + context): Control => ({
    id,
    labels: [{ text: label, source: 'form-item' }],
    code: { key: '' },
    context,
  });
  const match = (controls: Control[]) =>
    Object.fromEntries(matchControls(controls, degree, new Set(), groups).map((a) => [a.control.id, a.path]));

  it('sends short labels under a heading naming the 教育硕士 degree to its fields, the same labels elsewhere to the main degree', () => {
    const controls = ['授予单位', '授予日期', '证书编号'].flatMap((l) => [
      at(l, '主学位（理学/工学）', `main ${l}`),
      at(l, '教育硕士学位信息', `edu ${l}`),
    ]);
    expect(match(controls)).toEqual({
      'main 授予单位': 'mainDegreeUnit',
      'main 授予日期': 'mainDegreeDate',
      'main 证书编号': 'mainDegreeCertNo',
      'edu 授予单位': 'eduMasterUnit',
      'edu 授予日期': 'eduMasterDate',
      'edu 证书编号': 'eduMasterCertNo',
    });
  });

  it('gives a field to the control that names it best anywhere on the page, and leaves the loser unmatched', () => {
    const controls = [at('获得教育硕士', '', 'weaker'), at('是否获得教育硕士学位', '', 'exact')];
    expect(match(controls)).toEqual({ exact: 'eduMasterAwarded' });
  });

  it('does not take the form’s own title for a section scope', () => {
    const { hints: rec, groups: recGroups } = formHints(forms.recommendation);
    const controls = [at('联系电话', '教育实践学校推荐表', 'unit')];
    expect(matchControls(controls, rec, new Set(), recGroups).map((a) => a.path)).toEqual(['contactPhone']);
  });

  it('leaves an ambiguous short label without context unmatched', () => {
    expect(match([at('日期', '', 'd')])).toEqual({});
  });

  it('tells a radio group by the options it offers when its label fits two fields (办学类型: 学段 or 办学性质)', () => {
    const { hints: rec, groups: recGroups } = formHints(forms.recommendation);
    const group = (id: string, label: string, options: string[]): Control => ({
      ...control(id, label, 'form-item'),
      radios: options.map((text) => ({ text })),
    });
    const controls = [group('nature', '办学类型', ['公办', '民办学校']), group('stage', '办学类型', ['小学', '初中', '完全中学'])];
    expect(matchControls(controls, rec, new Set(), recGroups).map((a) => [a.control.id, a.path])).toEqual([
      ['nature', 'schools[0].schoolNature'],
      ['stage', 'schools[0].schoolStage'],
    ]);
    // Yes/no as the page words it is still yes/no.
    expect(match([group('filed', '备案标记', ['已备案', '未备案'])])).toEqual({ filed: 'filingMark' });
  });
});

describe('matchControls on the recommendation pack: cards and cascaders', () => {
  const { hints: rec, groups } = formHints(forms.recommendation);
  const at = (id: string, label: string, context: string, extra: Partial<Matchable> = {}): Control => ({
    id,
    labels: [{ text: label, source: 'form-item' }],
    code: { key: '' },
    context,
    ...extra,
  });
  const match = (controls: Control[]) =>
    Object.fromEntries(matchControls(controls, rec, new Set(), groups).map((a) => [a.control.id, a.path]));

  it('numbers a card’s phone among the schools and leaves the unit’s phone to a control outside the cards', () => {
    const cards = [1, 2, 3].map((n) => at(`card${n}`, '手机号码', `第${n}所学校`));
    expect(match(cards)).toEqual({ card1: 'schools[0].contactPhone', card2: 'schools[1].contactPhone', card3: 'schools[2].contactPhone' });
    expect(match([at('unit', '联系电话', '推荐单位信息'), ...cards])).toMatchObject({
      unit: 'contactPhone',
      card1: 'schools[0].contactPhone',
    });
  });

  it('takes no scope from a title over both the unit’s fields and the schools’ table (the form’s own title)', () => {
    const title = '“国优计划”实践学校推荐';
    const unit = ['联系人', '联系电话', '电子邮箱'].map((l, i) => at(`u${i}`, l, title));
    const row = (n: number) => ({ row: { index: n } });
    const table = [at('r0', '学校名称', title, row(0)), at('r0c', '姓名', '学校联系人', row(0)), at('r0p', '电话', '学校联系人', row(0))];
    expect(match([...unit, ...table])).toEqual({
      u0: 'filler',
      u1: 'contactPhone',
      u2: 'contactEmail',
      r0: 'schools[0].schoolName',
      r0c: 'schools[0].contactName',
      r0p: 'schools[0].contactPhone',
    });
  });

  it('gives a cascader labelled as a place the deepest level of the longest region chain, per card', () => {
    const labels = ['学校所在地（省/市/县）', '所在地区', '学校地址（省市区）'];
    const cascaders = labels.map((l, i) => at(`c${i}`, l, `学校${i + 1}`, { cascade: true }));
    expect(match(cascaders)).toEqual({ c0: 'schools[0].county', c1: 'schools[1].county', c2: 'schools[2].county' });
    // In a table row, the row says which school.
    expect(match([at('row', '所在地', '', { cascade: true, row: { index: 3 } })])).toEqual({ row: 'schools[3].county' });
  });

  it('lets a cascader that names a level keep it, and leaves a plain input or a cascader not named as a place unmatched', () => {
    expect(match([at('city', '所在市（州）', '学校1', { cascade: true })])).toEqual({ city: 'schools[0].city' });
    expect(match([at('plain', '学校所在地', '学校1')])).toEqual({});
    expect(match([at('subject', '学科门类/一级学科', '学校1', { cascade: true })])).toEqual({});
  });

  it('takes a radio group whose choices are one field’s options for that field, whatever its label says', () => {
    const radios = (...t: string[]) => ({ radios: t.map((text) => ({ text })) });
    expect(
      match([at('kind', '办学体制', '学校1', radios('公办', '民办')), at('kind2', '体制', '学校2', radios('公办学校', '民办学校'))]),
    ).toEqual({
      kind: 'schools[0].schoolNature',
      kind2: 'schools[1].schoolNature',
    });
    // Choices that fit several fields (yes/no) or none name nothing by themselves.
    expect(match([at('yn', '办学体制', '学校1', radios('是', '否')), at('odd', '办学体制', '学校2', radios('公办', '其他'))])).toEqual({});
  });

  it('takes a select whose options are one field’s for that field when its label names nothing', () => {
    const choices = (...c: string[]) => ({ choices: c });
    expect(match([at('kind', '分类', '学校1', choices('小学', '初中', '高中'))])).toEqual({ kind: 'schools[0].schoolStage' });
    expect(match([at('yn', '分类', '学校1', choices('是', '否'))])).toEqual({});
  });
});
