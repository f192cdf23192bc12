import { fail, input, ok, settled, valueOf, writeText, type Driver } from '../drivers';
import { fire, sleep } from '../events';

/**
 * A library's number box (el-input-number, iView InputNumber): typed text is taken on input/change, then clamped to
 * min/max and rounded to its precision, so what it shows afterwards is the read-back (`12000` in a box with max 9999
 * shows 9999: rejected, not filled).
 */
export const numberBox: Driver = {
  snapshot: valueOf,
  read: valueOf,
  async write(c, value) {
    const el = input(c);
    const r = writeText(el, value);
    if (!r.ok || !r.changed) return r;
    await sleep(0);
    const same = () => el.value !== '' && Number(el.value) === Number(value);
    return (await settled(same, 300)) ? ok(true, el.value) : fail('rejected', el.value);
  },
  async restore(c, snap) {
    const el = input(c);
    if (el.value === snap) return true;
    writeText(el, snap);
    fire(el, 'change');
    return settled(() => el.value === snap, 500);
  },
};
