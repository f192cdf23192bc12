import type { ControlKind, LabelCandidate } from './types';
import { COMPONENTS, DRIVERS, FACES, GENERIC_COMPONENTS, isGeneratedId, onKitsChange } from './kits';
import { opensDatePicker } from './kits/aria';
import type { ComponentSpec } from './kit';
import {
  FORM_ITEM_SELECTOR,
  inferLabels,
  labelsForMap,
  newScanPass,
  newTableCache,
  textOf,
  type InferContext,
  type RowInfo,
} from './infer-label';
import { codeKey } from './label-text';

/**
 * Page scan: every fillable control of a document (and its open shadow roots) with its label candidates. Custom
 * components are recognised by the root markup their kit declares (lib/page/kits) and reported as one control whose
 * face is the component root.
 */

export interface ScannedControl {
  uid: number;
  /** The element that holds the value (input/select/textarea), or the component root when it has none. */
  el: HTMLElement;
  /** The element the user sees and clicks: the component root for custom controls, else `el`. */
  face: HTMLElement;
  kind: ControlKind;
  labels: LabelCandidate[];
  /** `name` or `id` attribute. */
  name: string;
  code: { key: string; index?: number };
  row?: RowInfo;
  /** Text that scopes the labels: column group, section heading, legend, card title ('' when none). */
  context: string;
  /** Radio groups: every radio of the group with its option text. */
  radios?: Array<{ input: HTMLInputElement; text: string }>;
  /** Why the control must not be touched, if so. */
  blocked?: 'disabled' | 'readonly';
  /** A cascader (its driver is `cascade`): it holds a path, 省 → 市 → 县. */
  cascade?: boolean;
  /** A select's option texts, once read (the fill opens selects no label named). */
  choices?: string[];
}

const QUERY = 'input, select, textarea';
// Built from the kits loaded in this frame, again when a library's kit is loaded later (lib/page/kits/registry.ts).
let COMPONENT_SELECTOR = '';
let FACE_SELECTOR = '';
let ANCESTOR_SELECTOR = '';
let SPECIFIC_SELECTOR = '';
let GENERIC_SELECTOR = '';
let ROOT_QUERY = '';
onKitsChange(() => {
  COMPONENT_SELECTOR = COMPONENTS.map((c) => c.root).join(', ');
  FACE_SELECTOR = FACES.map((f) => f.face).join(', ');
  ANCESTOR_SELECTOR = [COMPONENT_SELECTOR, FACE_SELECTOR].filter(Boolean).join(', ');
  /** A library's own roots (and faces) win over the generic ARIA roots, which many libraries also carry inside theirs. */
  SPECIFIC_SELECTOR = [...COMPONENTS.filter((c) => !GENERIC_COMPONENTS.includes(c)).map((c) => c.root), FACE_SELECTOR]
    .filter(Boolean)
    .join(', ');
  GENERIC_SELECTOR = GENERIC_COMPONENTS.map((c) => c.root).join(', ');
  /** One walk of a whole root finds the controls and the library markup the pass needs (see newScanPass). */
  ROOT_QUERY = [QUERY, ANCESTOR_SELECTOR, FORM_ITEM_SELECTOR, '.el-table'].filter(Boolean).join(', ');
});

/** The component spec of a root, if it qualifies (`has`). */
function specOf(el: Element): ComponentSpec<ControlKind> | undefined {
  return COMPONENTS.find((c) => el.matches(c.root) && (!c.has || el.querySelector(c.has)));
}

/** The component root or face around `el`: the nearest library root, else the nearest qualifying generic root. */
function rootOf(el: Element, ctx: ScanContext): HTMLElement | null {
  const own = SPECIFIC_SELECTOR && ctx.hasSpecific !== false ? el.closest<HTMLElement>(SPECIFIC_SELECTOR) : null;
  if (own || !GENERIC_SELECTOR || ctx.hasGeneric === false) return own;
  for (let g = el.closest<HTMLElement>(GENERIC_SELECTOR); g; g = g.parentElement?.closest<HTMLElement>(GENERIC_SELECTOR) ?? null)
    if (specOf(g)) return g;
  return null;
}

const SKIP_TYPES = new Set(['hidden', 'password', 'file', 'submit', 'button', 'image', 'reset', 'range', 'color']);
const TEXT_TYPES = new Set(['', 'text', 'search', 'tel', 'email', 'number', 'url']);
const DATE_TYPES = new Set(['date', 'datetime-local', 'month']);

const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

let nextUid = 1;

export interface ScanContext extends InferContext {
  /** Elements already reported (component roots, radio groups): a control is reported once. */
  seen: WeakSet<Element>;
  /** Set for one scan pass: whether the root holds any component root (else no ancestor walk per control). */
  hasComponents?: boolean;
  /** Set for one scan pass: whether it holds any library root or face / any generic ARIA root. */
  hasSpecific?: boolean;
  hasGeneric?: boolean;
}

export function newScanContext(root: Document | ShadowRoot): ScanContext {
  return { root, tables: newTableCache(), labelsFor: labelsForMap(root), seen: new WeakSet() };
}

/** checkVisibility() needs style, not layout: much cheaper than offsetParent (Chrome ≥ 105; DOMs in unit tests lack it). */
const isRendered = (el: Element): boolean => el.checkVisibility?.() ?? true;

function radioText(input: HTMLInputElement, ctx: InferContext): string {
  // layui renders the option text from `title` into its own face; icons there carry glyph characters.
  if (input.title) return input.title;
  const id = input.id;
  if (id && ctx.labelsFor.has(id)) return ctx.labelsFor.get(id)!;
  const wrap = input.closest('label');
  if (wrap) return textOf(wrap);
  const next = input.nextSibling;
  return next ? textOf(next) : input.value;
}

/** The element around a radio group (component group, else the nearest ancestor holding all of its radios). */
function radioGroupFace(radios: HTMLInputElement[]): HTMLElement {
  const first = radios[0]!;
  const comp = first.closest('.el-radio-group, .ant-radio-group, [role=radiogroup]');
  if (comp) return comp as HTMLElement;
  let p = first.parentElement!;
  while (p.parentElement && !radios.every((r) => p.contains(r))) p = p.parentElement;
  return p;
}

/** Classify one element found by the query; undefined when it is not a control we report. */
function classify(el: HTMLElement, ctx: ScanContext, rendered: boolean): ScannedControl | undefined {
  const tag = el.tagName;
  let kind: ControlKind | undefined;
  let face: HTMLElement = el;
  const target: HTMLElement = el;
  let blocked: ScannedControl['blocked'];
  // One ancestor walk finds both component roots and layui's select face (whose inner input is not a control).
  const anc = ctx.hasComponents === false ? null : rootOf(el, ctx);
  if (anc && FACE_SELECTOR && anc.matches(FACE_SELECTOR)) return undefined;
  const comp = anc;
  if (comp) {
    const spec = specOf(comp)!;
    if (spec.skip && comp.matches(spec.skip)) return undefined;
    if (ctx.seen.has(comp)) return undefined;
    ctx.seen.add(comp);
    // A component in a hidden template row is no control a person sees (its inner input may be hidden on purpose).
    if (!rendered && (comp === el || !isRendered(comp))) return undefined;
    kind = spec.kind;
    face = comp;
    if (comp.matches(spec.disabled) || comp.querySelector(spec.disabled) || (el as HTMLInputElement).disabled) blocked = 'disabled';
  } else if (tag === 'SELECT') {
    const next = el.nextElementSibling;
    const faced = next && FACES.find((f) => f.tag === tag && next.matches(f.face));
    if (faced) {
      kind = faced.kind;
      face = next as HTMLElement;
    } else {
      kind = 'native-select';
      if (!rendered) return undefined;
    }
    if ((el as HTMLSelectElement).disabled) blocked = 'disabled';
  } else if (el.getAttribute('aria-hidden') === 'true' && el.tabIndex < 0) {
    // A value holder hidden from people and from the keyboard (MUI keeps one beside its combobox, and a shadow
    // textarea to measure a growing one).
    return undefined;
  } else if (tag === 'TEXTAREA') {
    kind = 'textarea';
  } else if (tag === 'INPUT') {
    const input = el as HTMLInputElement;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (SKIP_TYPES.has(type)) return undefined;
    if (type === 'radio') {
      if (ctx.seen.has(input)) return undefined;
      // A radio in a hidden template row is no option a person sees (layui's hidden radios have their face beside).
      if (!rendered && !/layui-form-radio/.test(input.nextElementSibling?.className ?? '')) return undefined;
      const scope = input.form ?? ctx.root;
      // Radios without a name (component libraries) are grouped by their group component, else by their parent.
      const box =
        input.closest('.el-radio-group, .ant-radio-group, [role=radiogroup]') ?? input.parentElement?.parentElement?.parentElement;
      const radios = input.name
        ? Array.from(scope.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((r) => r.name === input.name)
        : box
          ? Array.from(box.querySelectorAll<HTMLInputElement>('input[type=radio]')).filter((r) => !r.name)
          : [input];
      for (const r of radios) ctx.seen.add(r);
      face = radioGroupFace(radios);
      const c = build(input, face, 'radio-group', ctx, radios.every((r) => r.disabled) ? 'disabled' : undefined);
      c.radios = radios.map((r) => ({ input: r, text: radioText(r, ctx) }));
      return c;
    }
    if (type === 'checkbox') kind = 'checkbox';
    else if (DATE_TYPES.has(type)) kind = 'date';
    else if (TEXT_TYPES.has(type)) kind = 'text';
    else return undefined;
  } else {
    return undefined;
  }
  // layui hides the real checkbox behind its own face (the next sibling: box or switch), which is what is rendered.
  const layuiFace = kind === 'checkbox' && /layui-form-(checkbox|switch)/.test(el.nextElementSibling?.className ?? '');
  if (!comp && !layuiFace && face === el && kind !== 'native-select' && !rendered) return undefined;
  const input = target as HTMLInputElement;
  // (The properties reflect the attributes on inputs and textareas; a select has no readOnly, a component root neither.)
  if (!blocked && (input.disabled ?? input.hasAttribute('disabled'))) blocked = 'disabled';
  // A read-only input is blocked, unless it is the face of a date picker dialog a button beside it opens (kits/aria.ts).
  if (!comp && kind === 'text' && readOnlyField(input) && opensDatePicker(input)) kind = 'aria-date-dialog';
  else if (!blocked && !comp && readOnlyField(input)) blocked = 'readonly';
  if (tag !== 'SELECT' || face === el) return build(target, face, kind, ctx, blocked);
  // A native select behind a library's face sits where the face is: its own neighbours label it (the face's
  // previous sibling is the select itself).
  const c = build(target, target, kind, ctx, blocked);
  c.face = face;
  return c;
}

/**
 * Whether a plain input (no component root around it) is read-only to a person. A readonly input is acceptable only as
 * the face of a known picker component (laydate marks its inputs `lay-key`).
 */
export function readOnlyField(input: HTMLInputElement): boolean {
  return (input.readOnly ?? input.hasAttribute('readonly')) && !input.hasAttribute('lay-key');
}

function build(
  el: HTMLElement,
  face: HTMLElement,
  kind: ControlKind,
  ctx: ScanContext,
  blocked?: ScannedControl['blocked'],
): ScannedControl {
  const { labels, context, row } = inferLabels(el, ctx, face);
  const name = el.getAttribute('name') || el.getAttribute('id') || face.getAttribute('id') || '';
  const code = name && !isGeneratedId(name) ? codeKey(name) : { key: '' };
  const c: ScannedControl = { uid: nextUid++, el, face, kind, labels, context, name, code };
  if (row) c.row = row;
  if (blocked) c.blocked = blocked;
  if (DRIVERS[kind].cascade) c.cascade = true;
  return c;
}

/** Scan `root` (a document or shadow root) and, recursively, the open shadow roots inside it. */
export function scanRoot(root: Document | ShadowRoot, ctx: ScanContext = newScanContext(root)): ScannedControl[] {
  const out: ScannedControl[] = [];
  scanInto(root, ctx, out);
  renumberRows(out);
  return out;
}

/**
 * Row numbers among the rows a person sees: a hidden template row that the page clones for "＋ 增加" holds controls
 * too, but it is not a row, and the first visible row is row 0.
 */
function renumberRows(controls: ScannedControl[]): void {
  const rank = new Map<Element, Map<number, number>>();
  for (let i = 0; i < controls.length; i++) {
    const row = controls[i]!.row;
    if (!row) continue;
    let m = rank.get(row.scope);
    if (!m) rank.set(row.scope, (m = new Map()));
    if (!m.has(row.index)) m.set(row.index, m.size);
  }
  rank.forEach((m) => {
    const sorted = Array.from(m.keys()).sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i++) m.set(sorted[i]!, i);
  });
  // (Each control's row object is its own, made by inferLabels: renumbered in place.)
  for (let i = 0; i < controls.length; i++) {
    const row = controls[i]!.row;
    if (row) row.index = rank.get(row.scope)!.get(row.index)!;
  }
}

function scanInto(root: Document | ShadowRoot | Element, ctx: ScanContext, out: ScannedControl[]): void {
  // A whole document or shadow root: learn once what the per-control ancestor walks could find (see ScanPass).
  const whole = root === ctx.root;
  const found: HTMLElement[] = [];
  const markup: HTMLElement[] = [];
  const all = root.querySelectorAll<HTMLElement>(ROOT_QUERY);
  for (let i = 0; i < all.length; i++) (CONTROL_TAGS.has(all[i]!.tagName) ? found : markup).push(all[i]!);
  // Visibility of every control in one tight loop: interleaved with the DOM reads of label inference, each call
  // costs about four times as much (measured in Chromium on the 2,000-control bench page).
  const rendered = found.map(isRendered);
  if (whole) {
    ctx.pass = newScanPass(ctx.root, found, markup);
    ctx.hasSpecific = !!SPECIFIC_SELECTOR && markup.some((el) => el.matches(SPECIFIC_SELECTOR));
    // (A generic root may be the input itself: `<input role=combobox>`.)
    ctx.hasGeneric = !!GENERIC_SELECTOR && root.querySelector(GENERIC_SELECTOR) !== null;
    ctx.hasComponents = ctx.hasGeneric || markup.some((el) => el.matches(ANCESTOR_SELECTOR));
  }
  try {
    for (let i = 0; i < found.length; i++) {
      const c = classify(found[i]!, ctx, rendered[i]!);
      if (c) out.push(c);
    }
    // Components without an inner input (Element Plus el-select renders a div unless filterable).
    for (const comp of markup) {
      if (ctx.seen.has(comp)) continue;
      const spec = specOf(comp);
      if (!spec || (spec.skip && comp.matches(spec.skip))) continue;
      // A generic root inside a library's component (or inside a larger generic one) is part of that component.
      if (GENERIC_COMPONENTS.includes(spec) && comp.parentElement && rootOf(comp.parentElement, ctx)) continue;
      ctx.seen.add(comp);
      if (!isRendered(comp)) continue;
      out.push(
        build(comp, comp, spec.kind, ctx, comp.matches(spec.disabled) || comp.querySelector(spec.disabled) ? 'disabled' : undefined),
      );
    }
  } finally {
    if (whole) {
      delete ctx.pass;
      delete ctx.hasComponents;
      delete ctx.hasSpecific;
      delete ctx.hasGeneric;
    }
  }
  for (const host of shadowHosts(root)) {
    const sr = host.shadowRoot!;
    const inner: ScanContext = { ...ctx, root: sr, labelsFor: labelsForMap(sr), tables: newTableCache() };
    scanInto(sr, inner, out);
  }
}

function shadowHosts(root: Document | ShadowRoot | Element): Element[] {
  const hosts: Element[] = [];
  // (A live collection walks faster than querySelectorAll('*'); shadow roots have only the latter.)
  const all = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) hosts.push(all[i]!);
  return hosts;
}

/** Scan only the subtree of `el` (newly added nodes); controls already seen are not reported again. */
export function scanSubtree(el: Element, ctx: ScanContext): ScannedControl[] {
  const out: ScannedControl[] = [];
  if (el.matches(QUERY)) {
    const c = classify(el as HTMLElement, ctx, isRendered(el));
    if (c) out.push(c);
  }
  scanInto(el, ctx, out);
  return out;
}

export type { RowInfo };
