/**
 * Framework-aware DOM writes: what Vue, React and Angular listen to. Native `value` setter from the prototype (React
 * keeps its own tracker on the instance), then bubbling `input` and `change` (React #10135).
 */

export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  let proto: object | null = Object.getPrototypeOf(el);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  if (setter) setter.call(el, value);
  else el.value = value;
}

export function fire(el: Element, type: string, init: EventInit = {}): void {
  el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true, ...init }));
}

export function fireInputChange(el: Element): void {
  fire(el, 'input');
  fire(el, 'change');
}

/**
 * Move focus to `el` as a person's click or Tab does. A page in a window without system focus (the extension's popup
 * has it while the fill runs) gets no focus events from `focus()`: they are sent by hand then — `focus`, and the
 * bubbling `focusin` React's `onFocus` listens to (MUI's date field selects the section it is told is focused).
 */
export function focusLikeUser(el: HTMLElement): void {
  el.focus();
  if (el.ownerDocument.hasFocus?.()) return;
  el.dispatchEvent(new FocusEvent('focus'));
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
}

/** Leave `el` as focus moving away does: `blur` and the bubbling `focusout` when the page has no system focus. */
export function blurLikeUser(el: HTMLElement): void {
  el.blur();
  if (el.ownerDocument.hasFocus?.()) return;
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

/** A user-like click sequence; `mousedown` matters for Ant Design (its selects open on mousedown). */
export function press(el: Element): void {
  for (const type of ['mousedown', 'mouseup', 'click']) mouse(el, type);
}

export function mousedown(el: Element): void {
  mouse(el, 'mousedown');
}

export function mouse(el: Element, type: string): void {
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: el.ownerDocument.defaultView, button: 0 }));
}

export function key(el: Element, keyName: string, code = keyName): void {
  const init = { bubbles: true, cancelable: true, key: keyName, code, keyCode: keyName === 'Enter' ? 13 : keyName === 'Escape' ? 27 : 0 };
  el.dispatchEvent(new KeyboardEvent('keydown', init));
  el.dispatchEvent(new KeyboardEvent('keyup', init));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Poll `fn` every frame-ish until it returns something truthy or `timeoutMs` passes. */
export async function waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 1500, everyMs = 16): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) return undefined;
    await sleep(everyMs);
  }
}

export function isShown(el: Element): boolean {
  const h = el as HTMLElement;
  return h.offsetParent !== null || h.getClientRects().length > 0;
}

/**
 * The popup of `anchor` among several open ones (libraries that teleport popups to body without naming them): not
 * leaving (a closing popup keeps its `*-leave*` transition class a moment), and the nearest below or above the anchor.
 */
export function nearestPopup(popups: HTMLElement[], anchor: Element): HTMLElement | undefined {
  const a = anchor.getBoundingClientRect();
  let best: HTMLElement | undefined;
  let bestGap = Infinity;
  for (const p of popups) {
    if (/-leave/.test(p.className) || !isShown(p)) continue;
    const r = p.getBoundingClientRect();
    const gap = Math.min(Math.abs(r.top - a.bottom), Math.abs(a.top - r.bottom)) + Math.abs(r.left - a.left);
    if (gap < bestGap) [best, bestGap] = [p, gap];
  }
  return best;
}

/** Type `text` into an input as a user's keyboard does (value, then input), without moving real focus. */
export function typeInto(el: HTMLInputElement, text: string): void {
  setNativeValue(el, text);
  fire(el, 'input');
}
