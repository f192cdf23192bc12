import { describe, expect, it, onTestFinished } from 'vitest';
import { parseHTML } from 'linkedom';
import { scanRoot } from '../scan';
import { DRIVERS } from '.';
import { NO_WAY } from '../drivers';
import { clearButton } from './aria';

function scan(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return scanRoot(document as unknown as Document);
}

describe('generic ARIA controls (no kit)', () => {
  it('finds a select-only combobox, its hidden value input left out, labelled by aria-labelledby', () => {
    const cs = scan(`
      <div id="l1">省份</div>
      <div role="combobox" aria-expanded="false" aria-haspopup="listbox" aria-labelledby="l1" tabindex="0">浙江省</div>
      <input aria-hidden="true" tabindex="-1" value="33">`);
    expect(cs.map((c) => c.kind)).toEqual(['aria-combobox']);
    expect(cs[0]!.labels[0]).toEqual({ text: '省份', source: 'aria-labelledby' });
    expect(DRIVERS['aria-combobox'].read(cs[0]!)).toBe('浙江省');
  });

  it('an input with role=combobox is one control; the library root around it wins when a kit knows it', () => {
    const cs = scan(`
      <label for="a">学校</label><input id="a" role="combobox" aria-expanded="false" value="杭二中">
      <div class="ant-select"><input role="combobox" id="b" readonly></div>`);
    expect(cs.map((c) => c.kind)).toEqual(['aria-combobox', 'antd-select']);
    expect(DRIVERS['aria-combobox'].read(cs[0]!)).toBe('杭二中');
  });

  it.each([':r9:', '«R1a»', '_r_9_', 'form-_r_2_-label', 'v-1-9', 'mat-input-9', 'mui-9', 'headlessui-input-9'])(
    'an id a framework numbers itself (%s) gives no field code and no row',
    (id) => {
      const [c] = scan(`<label for="${id}">备注</label><input id="${id}">`);
      expect(c!.code).toEqual({ key: '' });
    },
  );

  it('an id a page author chose still gives its code and row', () => {
    const [c] = scan(`<input id="bz_9">`);
    expect(c!.code.key).not.toBe('');
    expect(c!.code.index).toBe(9);
  });

  it('a group of toggle buttons (aria-pressed) is one choice, labelled by aria-labelledby, driven by pressing', async () => {
    const { document, Event } = parseHTML(`<!doctype html><html><body>
      <p id="t">办学类型</p>
      <div role="group" aria-labelledby="t"><button type="button" aria-pressed="false">公办</button><button type="button" aria-pressed="false">民办</button></div>
      </body></html>`);
    for (const b of Array.from(document.querySelectorAll('button')))
      b.addEventListener('click', () => {
        for (const o of Array.from(document.querySelectorAll('button'))) o.setAttribute('aria-pressed', String(o === b));
      });
    // The drivers dispatch with the global constructors; linkedom's listeners see only its own events.
    const g = globalThis as { MouseEvent?: unknown };
    const had = 'MouseEvent' in g;
    g.MouseEvent ??= class extends (Event as typeof globalThis.Event) {};
    onTestFinished(() => {
      if (!had) delete g.MouseEvent;
    });
    const cs = scanRoot(document as unknown as Document);
    expect(cs.map((c) => c.kind)).toEqual(['aria-toggles']);
    expect(cs[0]!.labels[0]).toEqual({ text: '办学类型', source: 'aria-labelledby' });
    const d = DRIVERS['aria-toggles'];
    expect(await d.write(cs[0]!, '民办')).toMatchObject({ ok: true, shown: '民办' });
    expect(d.read(cs[0]!)).toBe('民办');
    expect(await d.write(cs[0]!, '私立')).toMatchObject({ ok: false, reason: 'noOption' });
  });

  it.each([
    [
      '<input id="d" readonly><button type="button" aria-label="选择日期"><svg aria-hidden="true"></svg></button>',
      'aria-date-dialog',
      undefined,
    ],
    ['<input id="d" readonly aria-haspopup="dialog">', 'aria-date-dialog', undefined],
    ['<input id="d" readonly><button type="button" title="Open calendar">📅</button>', 'aria-date-dialog', undefined],
    ['<input id="d" readonly disabled><button type="button" aria-label="选择日期"></button>', 'aria-date-dialog', 'disabled'],
    ['<input id="d" readonly>', 'text', 'readonly'],
    ['<input id="d" readonly><button type="button">选择学校</button>', 'text', 'readonly'],
  ])('a read-only input beside its picker button is a date picker dialog, not blocked: %s', (html, kind, blocked) => {
    const [c] = scan(`<span><label for="d">出生日期</label>${html}</span>`);
    expect([c!.kind, c!.blocked]).toEqual([kind, blocked]);
  });

  it('a custom checkbox or switch with no other name is named by its own text', () => {
    const cs = scan(`<div role="checkbox" tabindex="0" aria-checked="false">乡村学校</div>
      <span id="n">已备案</span><div role="switch" tabindex="0" aria-checked="false" aria-labelledby="n"><span>开</span></div>`);
    expect(cs.map((c) => c.labels[0])).toEqual([
      { text: '乡村学校', source: 'aria-label' },
      { text: '已备案', source: 'aria-labelledby' },
    ]);
  });

  it('a radiogroup of role=radio, a switch and a checkbox with aria-checked', () => {
    const cs = scan(`
      <div role="radiogroup" aria-label="办学性质"><span role="radio" aria-checked="false">公办</span><span role="radio" aria-checked="true">民办</span></div>
      <button role="switch" aria-checked="true" aria-label="已备案"></button>
      <div role="checkbox" aria-checked="false" aria-label="乡村学校"></div>`);
    expect(cs.map((c) => c.kind)).toEqual(['aria-radio', 'aria-check', 'aria-check']);
    expect(cs.map((c) => DRIVERS[c.kind].read(c))).toEqual(['民办', '是', '否']);
  });

  it('a radiogroup of native radios stays a native radio group', () => {
    const cs = scan(
      `<div role="radiogroup"><label><input type="radio" name="x" value="1">是</label><label><input type="radio" name="x" value="0">否</label></div>`,
    );
    expect(cs.map((c) => c.kind)).toEqual(['radio-group']);
  });

  it('a date field of spinbutton sections is one control; a plain role=group is not', () => {
    const cs = scan(`
      <div role="group" aria-label="填表日期"><span role="spinbutton" aria-label="年份" aria-valuenow="2024">2024</span>-<span role="spinbutton" aria-label="月份" aria-valuenow="8">08</span>-<span role="spinbutton" aria-label="日期" aria-valuenow="5">05</span></div>
      <div role="group"><label>备注 <input name="bz"></label></div>`);
    expect(cs.map((c) => c.kind).sort()).toEqual(['aria-date', 'text']);
    const date = cs.find((c) => c.kind === 'aria-date')!;
    expect(date.labels[0]).toEqual({ text: '填表日期', source: 'aria-label' });
    expect(DRIVERS['aria-date'].read(date)).toBe('2024-8-5');
  });
});

describe('scan: faces and template rows', () => {
  it('a select behind select2 is labelled by its own neighbours', () => {
    const cs = scan(
      `<div><label>所属省份</label><div><select name="sf" class="select2-hidden-accessible" aria-hidden="true"><option>浙江省</option></select><span class="select2 select2-container"><span class="select2-selection"><span class="select2-selection__rendered" title="浙江省">浙江省</span></span></span></div></div>`,
    );
    expect(cs.map((c) => c.kind)).toEqual(['select2']);
    expect(cs[0]!.face.className).toContain('select2-container');
    expect(DRIVERS.select2.read(cs[0]!)).toBe('浙江省');
  });

  it('leaves out the widgets of a hidden template block (comboboxes, radio groups, spin buttons)', () => {
    const { document, window } = parseHTML(
      `<!doctype html><html><body>${['', ' hidden']
        .map(
          (h, i) => `<fieldset${h}><span id="l${i}">学段</span><div role="combobox" aria-labelledby="l${i}" tabindex="0"></div>
        <div role="radiogroup" aria-label="办学性质"><div role="radio" aria-checked="false">公办</div><div role="radio" aria-checked="false">民办</div></div>
        <input role="spinbutton" aria-label="导师数"></fieldset>`,
        )
        .join('')}</body></html>`,
    );
    // (linkedom has no layout: a hidden ancestor is what a browser's checkVisibility() would see.)
    const proto = window.Element.prototype as { checkVisibility?: () => boolean };
    proto.checkVisibility = function (this: Element) {
      return !this.closest('[hidden]');
    };
    try {
      const cs = scanRoot(document as unknown as Document);
      expect(cs.map((c) => c.face.closest('fieldset')!.hasAttribute('hidden'))).toEqual([false, false, false]);
    } finally {
      delete proto.checkVisibility;
    }
  });
});

describe('undo to empty, as a person could', () => {
  /** The drivers dispatch with the global event constructors; linkedom's listeners see only its own events. */
  function withEvents(Event: unknown): void {
    const g = globalThis as Record<string, unknown>;
    for (const name of ['MouseEvent', 'KeyboardEvent', 'InputEvent', 'FocusEvent']) {
      if (name in g) continue;
      g[name] = class extends (Event as typeof globalThis.Event) {};
      onTestFinished(() => {
        delete g[name];
      });
    }
  }

  it('a radiogroup chosen before nothing was: no way to un-choose, said so (not "restored")', async () => {
    const [c] = scan(
      `<div role="radiogroup" aria-label="办学性质"><span role="radio" aria-checked="true">公办</span><span role="radio" aria-checked="false">民办</span></div>`,
    );
    expect(await DRIVERS['aria-radio'].restore(c!, '-1')).toBe(NO_WAY);
  });

  it('a select-only combobox without a clear button: no way to empty it', async () => {
    const [c] = scan(`<div role="combobox" aria-label="学段" aria-expanded="false" tabindex="0">高中</div>`);
    expect(await DRIVERS['aria-combobox'].restore(c!, '')).toBe(NO_WAY);
  });

  it('a select-only combobox that showed its placeholder held nothing: no way to empty it either', async () => {
    const { document, Event } = parseHTML(`<!doctype html><html><body>
      <div role="combobox" aria-label="学段" aria-expanded="false" tabindex="0">高中</div></body></html>`);
    withEvents(Event);
    const [c] = scanRoot(document as unknown as Document);
    expect(await DRIVERS['aria-combobox'].restore(c!, '--请选择--')).toBe(NO_WAY);
    expect(await DRIVERS['aria-combobox'].restore(c!, '初中')).toBe(false);
  });

  it('the clear button beside a combobox is its own, never a neighbour’s', () => {
    const cs = scan(`
      <div class="field"><div class="box"><input role="combobox" aria-label="学校" value="杭二中"><span><button type="button" aria-label="Clear" title="Clear">×</button><button type="button" aria-label="Open">▾</button></span></div></div>
      <div class="field"><div class="box"><input role="combobox" aria-label="学段" value="高中"></div></div>`);
    expect(cs.map((c) => clearButton(c)?.getAttribute('aria-label'))).toEqual(['Clear', undefined]);
  });

  it('a combobox with a clear button is emptied by it', async () => {
    const { document, Event } = parseHTML(`<!doctype html><html><body>
      <div><input role="combobox" aria-label="学校" value="杭二中"><button type="button" title="清除">×</button></div></body></html>`);
    withEvents(Event);
    const input = document.querySelector('input')!;
    document.querySelector('button')!.addEventListener('click', () => (input.value = ''));
    const [c] = scanRoot(document as unknown as Document);
    expect(await DRIVERS['aria-combobox'].restore(c!, '')).toBe(true);
    expect(input.value).toBe('');
  });

  it('an editable combobox without one is emptied by deleting its text', async () => {
    const { document, Event } = parseHTML(`<!doctype html><html><body>
      <input role="combobox" aria-label="任教学科" aria-autocomplete="list" value="物理"></body></html>`);
    withEvents(Event);
    const input = document.querySelector('input')!;
    let model = '物理';
    input.addEventListener('input', () => (model = input.value));
    const [c] = scanRoot(document as unknown as Document);
    expect(await DRIVERS['aria-combobox'].restore(c!, '')).toBe(true);
    expect(model).toBe('');
  });
});
