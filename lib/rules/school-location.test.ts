import { describe, expect, it } from 'vitest';
import { forms } from '../forms/index';
import { creditCode, runRule, validRecommendation, withFields, withRow } from './testing';

const rec = forms.recommendation;

describe("'school.in-province'", () => {
  it('passes schools inside the province', async () => {
    expect(await runRule('school.in-province', rec, validRecommendation())).toEqual([]);
  });

  it.each([
    ['city', { city: '北京市' }, '北京市'],
    ['city', { city: '苏州' }, '江苏省'],
    ['city', { city: '延边州' }, '吉林省'],
    ['address', { address: '山东省济南市历下区' }, '山东省'],
    ['address', { address: '天津市南开区' }, '天津市'],
    ['address', { address: '太原市小店区' }, '山西省'],
    ['creditCode', { creditCode: creditCode('12110108400012345') }, '北京市'],
  ])('warns when only the %s points elsewhere and the rest places the school at home', async (key, values, province) => {
    const [f, ...rest] = await runRule('school.in-province', rec, withRow(validRecommendation(), 1, values));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.fields).toContain(`schools[1].${key}`);
    expect(f!.message.zh).toContain(province);
  });

  it.each([
    ['宁波市', '江北区', '浙江省', '3302'],
    ['舟山市', '普陀区', '浙江省', '3309'],
    ['南通市', '通州区', '江苏省', '3206'],
    ['长春市', '朝阳区', '吉林省', '2201'],
    ['沈阳市', '和平区', '辽宁省', '2101'],
    ['福州市', '鼓楼区', '福建省', '3501'],
    ['石家庄市', '桥西区', '河北省', '1301'],
    ['杭州市', '西湖区', '浙江省', '3301'],
    ['兰州市', '城关区', '甘肃省', '6201'],
  ])('passes %s%s in %s: a county name shared elsewhere never overrides the city', async (city, county, province, div) => {
    let d = withFields(validRecommendation(), { province, recommendingUnit: `${province}教育厅` });
    d = { ...d, groups: { schools: d.groups.schools!.slice(0, 1) } };
    d = withRow(d, 0, { city, county, address: `${province}${city}${county}育才路 1 号`, creditCode: creditCode(`12${div}00400012345`) });
    expect(await runRule('school.in-province', rec, d)).toEqual([]);
  });

  it('passes a county that disagrees with a city inside the province, and an ambiguous county alone', async () => {
    const d = withRow(validRecommendation(), 0, { county: '北京市海淀区' });
    expect(await runRule('school.in-province', rec, d)).toEqual([]);
    const alone = withRow(validRecommendation(), 0, { city: '', county: '朝阳区', address: '', creditCode: '' });
    expect(await runRule('school.in-province', rec, alone)).toEqual([]);
  });

  it.each([
    ['北京市', '朝阳区', '北京市'],
    ['重庆市', '江北区', '重庆市'],
    ['上海市', '普陀区', '上海市'],
  ])('is an error for a school truly elsewhere: %s%s in 河北', async (city, county, province) => {
    const d = withRow(validRecommendation(), 2, { city, county, address: `${city}${county}某路 1 号`, creditCode: '' });
    const [f] = await runRule('school.in-province', rec, d);
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message.zh).toContain(province);
  });

  it("names every piece of evidence in one finding per school, on the school's fields only (not the header's 省份)", async () => {
    const d = withRow(validRecommendation(), 0, {
      city: '北京市',
      county: '海淀区',
      address: '北京市海淀区中关村大街',
      creditCode: creditCode('12110108400012345'),
    });
    const found = await runRule('school.in-province', rec, d);
    expect(found).toHaveLength(1);
    expect(found[0]!.fields).toEqual(['schools[0].city', 'schools[0].county', 'schools[0].address', 'schools[0].creditCode']);
  });

  it.each([
    [
      'an ambiguous city readable as inside',
      { province: '辽宁省', recommendingUnit: '辽宁省教育厅' },
      { city: '朝阳', address: '', creditCode: '' },
    ],
    ['a street named after another province', {}, { address: '石家庄市北京路 1 号' }],
    ['an address starting with a street name', {}, { address: '北京路 1 号' }],
    ['an unknown city', {}, { city: '某某市' }],
    ['a code registered at national level (division 10)', {}, { creditCode: creditCode('12100000400001234') }],
    ['a malformed code (left to school.credit-code)', {}, { creditCode: '12110108400012345Q' }],
  ])('passes %s', async (_what, header, row) => {
    const d = withRow(withFields(validRecommendation(), header), 0, row);
    const found = await runRule('school.in-province', rec, d);
    expect(found.filter((f) => f.fields[0]!.startsWith('schools[0]'))).toEqual([]);
  });

  it('treats 兵团 and 新疆 as one area', async () => {
    let d = withFields(validRecommendation(), { province: '新疆生产建设兵团', recommendingUnit: '新疆生产建设兵团教育局' });
    d = { ...d, groups: { schools: d.groups.schools!.slice(0, 1) } };
    d = withRow(d, 0, {
      city: '石河子市',
      county: '',
      address: '新疆维吾尔自治区石河子市北四路',
      creditCode: creditCode('12659001400012345'),
    });
    expect(await runRule('school.in-province', rec, d)).toEqual([]);
  });

  it('infers the province from the recommending unit when the province field is empty', async () => {
    const d = withRow(withFields(validRecommendation(), { province: '' }), 0, { city: '南京市', county: '', address: '', creditCode: '' });
    expect((await runRule('school.in-province', rec, d))[0]!.message.zh).toContain('推荐省份（河北省）');
  });

  it('says nothing when the recommending province is unknown', async () => {
    const d = withRow(withFields(validRecommendation(), { province: '', recommendingUnit: '教育厅' }), 0, { city: '南京市' });
    expect(await runRule('school.in-province', rec, d)).toEqual([]);
  });
});
