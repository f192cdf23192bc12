import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { scanRoot } from '../scan';
import { DRIVERS } from '.';
import { NO_WAY } from '../drivers';

/**
 * TDesign Vue Next markup as its components render it (node_modules/tdesign-vue-next/es: form-item, select-input,
 * popup, switch): a form item's label, a select whose options live in a popup teleported to body, a switch `div`.
 */
function page(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { document: document as unknown as Document, controls: scanRoot(document as unknown as Document) };
}

const item = (label: string, control: string) =>
  `<div class="t-form__item"><div class="t-form__label t-form__label--top"><label>${label}</label></div><div class="t-form__controls"><div class="t-form__controls-content">${control}</div></div></div>`;

const select = (placeholder: string) =>
  `<div class="t-select__wrap"><div class="t-select-input t-select-input--empty t-select"><div class="t-input__wrap"><div class="t-input t-is-readonly t-input--suffix"><input class="t-input__inner" readonly placeholder="${placeholder}" type="text" value=""></div></div></div></div>`;

const popup = (id: string, options: string[], extra = '') =>
  `<div data-td-popup="${id}" class="t-popup t-select__dropdown${extra}"><div class="t-popup__content"><div class="t-select__dropdown-inner"><ul class="t-select__list">${options
    .map((o) => `<li class="t-select-option t-size-m" title="${o}"><span>${o}</span></li>`)
    .join('')}</ul></div></div></div>`;

/** linkedom has no layout: give an element a box and make it count as shown. */
function place(el: Element, top: number, left: number, height = 32): void {
  Object.defineProperty(el, 'getBoundingClientRect', {
    value: () => ({ top, left, bottom: top + height, right: left + 200, width: 200, height }),
  });
  Object.defineProperty(el, 'getClientRects', { value: () => [el.getBoundingClientRect()] });
}

describe('TDesign kit', () => {
  // linkedom has plain events only: mouse, keyboard and input events as plain events of their type.
  beforeAll(() => {
    const { Event } = parseHTML('<!doctype html><html></html>') as unknown as { Event: typeof globalThis.Event };
    for (const name of ['MouseEvent', 'KeyboardEvent', 'InputEvent', 'FocusEvent']) vi.stubGlobal(name, class extends Event {});
  });

  it('a switch is one control, labelled by its form item; pressed until it says what the draft wants', async () => {
    const { controls } = page(
      item(
        '师范生系统备案',
        `<div class="t-switch t-size-m"><span class="t-switch__handle"></span><div class="t-switch__content t-size-m"></div></div>`,
      ),
    );
    expect(controls.map((c) => c.kind)).toEqual(['td-switch']);
    const sw = controls[0]!;
    expect(sw.labels[0]!.text).toBe('师范生系统备案');
    // The component toggles its own class on click.
    sw.face.addEventListener('click', () => sw.face.classList.toggle('t-is-checked'));
    expect(DRIVERS['td-switch'].read(sw)).toBe('否');
    expect((await DRIVERS['td-switch'].write(sw, '是')).ok).toBe(true);
    expect(sw.face.classList.contains('t-is-checked')).toBe(true);
    expect(DRIVERS['td-switch'].read(sw)).toBe('是');
  });

  it('a disabled switch is blocked', () => {
    const { controls } = page(item('备案', `<div class="t-switch t-size-m t-is-disabled"></div>`));
    expect(controls[0]!.blocked).toBe('disabled');
  });

  it('picks from its own popup, not from the one of the select used before that is still fading out', async () => {
    const { document, controls } = page(
      item('门类', select('请选择')) +
        item('层次', select('请选择')) +
        popup('b', ['硕士', '博士']) +
        // Opened later than ours (popups are created on first open), so after it in the document.
        popup('a', ['理学', '管理学'], ' t-popup--animation-leave-active'),
    );
    const level = controls.find((c) => c.labels[0]?.text === '层次')!;
    const [own, fading] = Array.from(document.querySelectorAll('.t-popup'));
    place(level.face.querySelector('.t-input')!, 100, 400);
    place(fading!, 132, 0);
    place(own!, 132, 400);
    for (const li of Array.from(document.querySelectorAll('.t-select-option')))
      li.addEventListener('click', () => (level.face.querySelector('input')!.value = li.textContent!));
    const r = await DRIVERS['td-select'].write(level, '硕士');
    expect(r.ok).toBe(true);
    expect(DRIVERS['td-select'].read(level)).toBe('硕士');
  });

  it('clears a clearable select through the icon its input shows under the pointer', async () => {
    const { controls } = page(item('资格学段', select('请选择')));
    const sel = controls[0]!;
    const input = sel.face.querySelector('input')!;
    input.value = '高中';
    const box = sel.face.querySelector('.t-input')!;
    // The icon is rendered on the framework's next tick.
    box.addEventListener('mouseenter', () =>
      setTimeout(() => {
        const x = sel.face.ownerDocument.createElement('span');
        x.className = 't-input__suffix-clear';
        x.addEventListener('click', () => (input.value = ''));
        box.append(x);
      }, 20),
    );
    expect(await DRIVERS['td-select'].restore(sel, '')).toBe(true);
    expect(input.value).toBe('');
  });

  it('undo of a radio group that had no choice says so when the component keeps its choice', async () => {
    const radio = (v: string, t: string, on = false) =>
      `<label class="t-radio${on ? ' t-is-checked' : ''}" tabindex="0"><input type="radio" class="t-radio__former" name="" tabindex="-1" value="${v}"${on ? ' checked' : ''}><span class="t-radio__input"></span><span class="t-radio__label">${t}</span></label>`;
    const { document, controls } = page(
      item('录取类别', `<div class="t-radio-group t-size-m">${radio('TM', '推免', true)}${radio('ECLX', '二次遴选')}</div>`),
    );
    const group = controls[0]!;
    expect(group.kind).toBe('radio-group');
    // The former input is hidden behind the face (no box): the face says what is chosen.
    for (const r of group.radios!) Object.defineProperty(r.input, 'getClientRects', { value: () => [] });
    Object.defineProperty(document.defaultView!, 'getComputedStyle', { value: () => ({ opacity: '0' }) });
    expect(DRIVERS['radio-group'].read(group)).toBe('推免');
    // t-radio cannot be unchecked (allowUncheck is off): its face stays checked whatever the input says, and no person
    // could un-choose it either: undo says so, never "restored".
    expect(await DRIVERS['radio-group'].restore(group, '-1')).toBe(NO_WAY);
  });

  it('a cascader takes the draft path level by level from its popup menus and reads back what its box shows', async () => {
    const node = (t: string, leaf = false) =>
      `<li class="t-cascader__item t-size-m ${leaf ? 't-cascader__item--leaf' : 't-cascader__item--with-icon'}"><span title="${t}" class="t-cascader__item-label t-cascader__item-label--ellipsis" role="label">${t}</span>${leaf ? '' : '<svg class="t-icon t-icon-chevron-right t-cascader__item-icon"></svg>'}</li>`;
    const menu = (nodes: string) => `<ul class="t-cascader__menu narrow-scrollbar">${nodes}</ul>`;
    const { document, controls } = page(
      item(
        '学校所在地',
        `<div class="t-select-input t-select-input--empty t-cascader t-cascader--single"><div class="t-input__wrap"><div class="t-input t-is-readonly t-input--suffix"><input class="t-input__inner" readonly placeholder="请选择" type="text" value=""></div></div></div>`,
      ) +
        `<div class="t-popup t-cascader__popup"><div class="t-popup__content"><div class="t-cascader__panel t-cascader--normal">${menu(node('北京市') + node('浙江省'))}${menu(node('宁波市') + node('杭州市'))}${menu(node('上城区', true) + node('西湖区', true))}</div></div></div>`,
    );
    expect(controls.map((c) => c.kind)).toEqual(['td-cascader']);
    const c = controls[0]!;
    place(c.face, 100, 0);
    place(document.querySelector('.t-popup')!, 132, 0);
    const clicked: string[] = [];
    for (const li of Array.from(document.querySelectorAll('.t-cascader__item')))
      li.addEventListener('click', () => {
        clicked.push(li.textContent!);
        if (!li.querySelector('.t-cascader__item-icon')) c.face.querySelector('input')!.value = '浙江省 / 杭州市 / 西湖区';
      });
    const r = await DRIVERS['td-cascader'].write(c, '浙江省/杭州市/西湖区');
    expect(clicked).toEqual(['浙江省', '杭州市', '西湖区']);
    expect(r.ok).toBe(true);
    expect(DRIVERS['td-cascader'].read(c)).toBe('浙江省 / 杭州市 / 西湖区');
  });
});
