import { ADD_ROW_SELECTOR, TOOLTIPS } from '../page/kits';
import { labelKey } from '../page/label-text';
import type { GroupHint } from './types';

/**
 * The page's add-row control for a group of rows: a button or link whose name says "add" — its text, value, title,
 * ARIA name, tooltip, or, for an icon-only control, its icon (`＋`, an svg or icon font whose class or test id says
 * add/plus). A control that names the row item (`添加学校`) wins; an unqualified `＋` is taken when it is the only one,
 * or when it sits closest to the group's rows. Never a submit button, a hidden one (a template row's), or the step
 * button of a number box.
 */

/** Texts of add-row controls: `+ 添加学校`, `新增一行`, `增加`, or a bare `＋` (an icon's name). */
const ADD_TEXT = /^(\+?(添加|新增|增加|加一行|add)|\+$)/i;

/** Attributes that carry a control's name or tooltip when it shows no text. */
const NAME_ATTRS = ['aria-label', 'title', 'data-bs-original-title', 'data-original-title', 'data-tooltip', 'data-tip', 'data-title'];

/** Icon class names, icon ids and test ids that mean "add": `ivu-icon-md-add`, `el-icon-plus`, `fa-plus`, `AddIcon`. */
const ADD_ICON_CLASS = /(^|[\s_-])(add|plus)([\s_-]|$)|(^|\s)(Add|Plus)(Circle|Box)?(Outline|Outlined|Rounded|Sharp)?Icon(\s|$)/i;

/** Glyphs a person reads as "add". */
const ADD_GLYPH = /^[+＋⊕➕]$/;

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[\u200b\ufeff]/g, '').trim();

function isSubmit(b: Element): boolean {
  const type = (b.getAttribute('type') ?? '').toLowerCase();
  if (b.tagName === 'INPUT') return type === 'submit' || type === 'image';
  if (b.tagName === 'BUTTON') return (type === '' || type === 'submit') && !!(b as HTMLButtonElement).form;
  return false;
}

/** Whether the icons inside (or the element itself) say "add" by their class, icon name or test id. */
function hasAddIcon(b: Element): boolean {
  for (const el of [b, ...Array.from(b.querySelectorAll('i, svg, span, use, img'))]) {
    const names = [
      el.getAttribute('class'),
      el.getAttribute('data-icon'),
      el.getAttribute('data-testid'),
      el.getAttribute('href'),
      el.getAttribute('xlink:href'),
    ];
    if (names.some((n) => n && ADD_ICON_CLASS.test(n))) return true;
  }
  return false;
}

/** The tooltip a kit renders beside its trigger (iView keeps it in the DOM, hidden until hovered). */
function tooltipText(b: Element): string {
  for (const t of TOOLTIPS) {
    const around = b.closest(t.around);
    const tip = around?.querySelector(t.text);
    if (tip && !tip.contains(b)) return text(tip);
  }
  return '';
}

/** What a person would call the control: its text, else its ARIA name or tooltip, else `+` for an add icon. */
export function addControlName(b: Element): string {
  const own = text(b) || (b as HTMLInputElement).value || '';
  if (own && !ADD_GLYPH.test(own)) return labelKey(own);
  for (const attr of NAME_ATTRS) {
    const v = b.getAttribute(attr)?.trim();
    if (v) return labelKey(v);
  }
  const doc = b.ownerDocument;
  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    const named = (b.getAttribute(attr) ?? '')
      .split(/\s+/)
      .map((id) => text(id ? doc.getElementById(id) : null))
      .join('');
    if (named) return labelKey(named);
  }
  const titled = text(b.querySelector('svg > title')) || b.querySelector('[aria-label]')?.getAttribute('aria-label')?.trim();
  if (titled) return labelKey(titled);
  const tip = tooltipText(b);
  if (tip) return labelKey(tip);
  return own || hasAddIcon(b) ? '+' : ''; // (own is a bare glyph here)
}

const isRendered = (el: Element): boolean => el.checkVisibility?.() ?? !el.closest('[hidden]');

/** Names and icons of a number box's down step: `−`, `减少`, `decrease`, an icon named minus/remove. */
const STEP_DOWN = /^(-|−|－|减少|减|decrease|minus)/i;
const STEP_DOWN_ICON = /(^|[\s_-])(minus|remove|reduce|subtract|decrease)([\s_-]|$)/i;

/** The up step of a number box: beside its input, paired with a down step (`− [ 3 ] ＋`). Not an add-row control. */
function stepsAControl(b: Element): boolean {
  const wrap = b.parentElement;
  if (!wrap) return false;
  // The wrapper of one number box, not a block that holds number boxes and the add button beside them.
  const boxes = Array.from(wrap.querySelectorAll('input:not([type=hidden]), [role=spinbutton]'));
  if (boxes.filter((e) => !boxes.some((o) => o !== e && o.contains(e))).length !== 1) return false;
  return Array.from(wrap.querySelectorAll('button, a, [role=button]')).some((o) => {
    if (o === b) return false;
    const name = text(o) || o.getAttribute('aria-label') || o.getAttribute('title') || '';
    return (
      STEP_DOWN.test(name.trim()) ||
      STEP_DOWN_ICON.test(`${o.getAttribute('class') ?? ''} ${o.querySelector('[class]')?.getAttribute('class') ?? ''}`)
    );
  });
}

/** How deep the nearest common ancestor of `a` and `b` is: the larger, the closer `a` sits to `b`. */
function sharedDepth(a: Element, b: Element): number {
  let p: Element | null = a;
  while (p && !p.contains(b)) p = p.parentElement;
  let depth = 0;
  for (; p; p = p.parentElement) depth++;
  return depth;
}

/**
 * The add-row control for `group`. `selector` is a site adapter's own (trusted when it matches); `rows` are controls of
 * the group's rows already on the page, which tell apart unqualified `＋` controls by where they sit.
 */
export function findAddButton(doc: Document, group: GroupHint, selector?: string, rows: Element[] = []): HTMLElement | undefined {
  if (selector) {
    try {
      const b = doc.querySelector<HTMLElement>(selector);
      if (b) return isSubmit(b) ? undefined : b;
    } catch {
      /* an invalid selector in an adapter falls back to the heuristic */
    }
  }
  const last = rows[rows.length - 1];
  const scored = Array.from(doc.querySelectorAll<HTMLElement>(ADD_ROW_SELECTOR))
    .filter((b) => !isSubmit(b) && !(b as HTMLButtonElement).disabled && b.getAttribute('aria-disabled') !== 'true')
    .map((b) => ({ b, t: addControlName(b) }))
    .filter((x) => ADD_TEXT.test(x.t) && x.t.length <= 12 && isRendered(x.b) && !stepsAControl(x.b))
    .map((x) => ({
      ...x,
      s: group.itemNames.some((n) => x.t.includes(n)) ? 2 : /行/.test(x.t) ? 1 : 0,
      near: last ? sharedDepth(x.b, last) : 0,
    }))
    .sort((a, b) => b.s - a.s || b.near - a.near);
  const [best, next] = scored;
  // An unqualified `添加`/`＋` is only trusted when it is the page's only one, or the one nearest the group's rows.
  if (!best || (best.s === 0 && next && next.near >= best.near)) return undefined;
  return best.b;
}
