import { describe, expect, it } from 'vitest';
import { safeFileName } from './download';

describe('safeFileName', () => {
  const day = new Date('2024-08-01T03:00:00Z');
  it.each([
    ['江苏省推荐表', 'json', '江苏省推荐表-2024-08-01.json'],
    ['a/b:c*?"<>|d', 'json', 'a_b_c_d-2024-08-01.json'],
    ['   ', 'json', 'guoyou-2024-08-01.json'],
    ['x'.repeat(100), 'xlsx', `${'x'.repeat(80)}-2024-08-01.xlsx`],
  ])('%j', (base, ext, expected) => {
    expect(safeFileName(base, ext, day)).toBe(expected);
  });
});
