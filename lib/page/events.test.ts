import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { blurLikeUser, focusLikeUser } from './events';

const g = globalThis as { FocusEvent?: unknown };
const hadFocusEvent = 'FocusEvent' in g;
afterEach(() => {
  if (!hadFocusEvent) delete g.FocusEvent;
});

function page(hasFocus: boolean) {
  const { document, Event } = parseHTML(
    '<!doctype html><html><body><div id="field"><span id="s" tabindex="0">YYYY</span></div></body></html>',
  );
  g.FocusEvent ??= class extends (Event as typeof globalThis.Event) {};
  (document as unknown as { hasFocus: () => boolean }).hasFocus = () => hasFocus;
  const seen: string[] = [];
  const field = document.getElementById('field')!;
  for (const type of ['focusin', 'focusout']) field.addEventListener(type, () => seen.push(type));
  return { s: document.getElementById('s') as unknown as HTMLElement, seen };
}

describe('focus as a person moves it', () => {
  it('sends focusin/focusout that bubble to the widget when the page has no system focus', () => {
    const { s, seen } = page(false);
    focusLikeUser(s);
    blurLikeUser(s);
    expect(seen).toEqual(['focusin', 'focusout']);
  });

  it('leaves the events to the browser when the page has focus (no double focus)', () => {
    const { s, seen } = page(true);
    focusLikeUser(s);
    blurLikeUser(s);
    expect(seen).toEqual([]);
  });
});
