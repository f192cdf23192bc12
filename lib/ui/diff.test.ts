import { describe, expect, it } from 'vitest';
import type { FormData } from '../forms/types';
import { diffData } from './diff';

const d = (fields: Record<string, string>, schools: Array<Record<string, string>> = []): FormData => ({ fields, groups: { schools } });

describe('diffData', () => {
  it.each<[string, FormData, FormData, Array<[string, string, string]>]>([
    ['identical', d({ a: '1' }), d({ a: '1' }), []],
    ['changed field', d({ a: '1' }), d({ a: '2' }), [['a', '1', '2']]],
    ['missing equals empty', d({ a: '' }), d({}), []],
    ['added field', d({}), d({ b: 'x' }), [['b', '', 'x']]],
    ['changed cell', d({}, [{ name: 'A' }]), d({}, [{ name: 'B' }]), [['schools[0].name', 'A', 'B']]],
    ['blank extra row', d({}, [{ name: 'A' }]), d({}, [{ name: 'A' }, { name: '' }]), []],
    ['removed row', d({}, [{ name: 'A' }, { name: 'B' }]), d({}, [{ name: 'A' }]), [['schools[1].name', 'B', '']]],
  ])('%s', (_name, a, b, expected) => {
    expect(diffData(a, b).map((c) => [c.path, c.before, c.after])).toEqual(expected);
  });
});
