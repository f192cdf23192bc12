/**
 * The in-page display of findings: a marker on each offending control or cell (an outline plus a focusable badge whose
 * tooltip gives the message and the clause), a findings panel with jump-to links, and one click to hide everything.
 *
 * All of it lives in one host element with a CLOSED shadow root: page styles cannot restyle it, page scripts cannot
 * reach into it, and it is positioned over the page (absolute, document coordinates) so the page's own layout never
 * moves. Nothing else in the page is changed. Texts arrive already translated (no i18n table in the content script).
 */

export interface OverlayItem {
  /** Elements of the finding (each gets a marker; the first is where the findings list jumps to). */
  anchors: HTMLElement[];
  severity: 'error' | 'warning';
  /** Where: `第 12 行 · 学位授予日期`. */
  where: string;
  message: string;
  /** Already formatted (`依据：教师厅函〔2024〕16号 §5`). */
  clause: string;
}

export interface OverlayTexts {
  title: string;
  summary: string;
  hide: string;
  /** `{count}` is replaced by the number of findings. */
  show: string;
  close: string;
  jump: string;
  /** Label of the button listing more findings; `{count}` is replaced by the number not listed yet. */
  more: string;
}

/** How far past the viewport's edges a marker still counts as on screen (its badge sticks out 9px). */
const VIEW_MARGIN = 16;

/** Findings listed per page of the panel's list (a button adds the next page). */
const LIST_PAGE = 100;

const CSS = `
/* A fixed, viewport-sized, fully contained layer: inserting it or moving markers never re-lays-out the page (a page
   relayout of a 1,000-row table costs more than the whole check), markers are clipped to the viewport, and only our
   own controls take the pointer. !important because page rules on the host element would otherwise win over :host. */
:host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 100vw !important; height: 100vh !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  contain: strict !important; pointer-events: none !important; z-index: 2147483647 !important; }
.badge, .tip, .panel, .pill { pointer-events: auto; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
.layer, .panel, .pill { font: 13px/1.45 system-ui, -apple-system, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1f2328; }
.box { position: absolute; pointer-events: none; box-sizing: border-box; border: 2px solid var(--c); border-radius: 3px; background: color-mix(in srgb, var(--c) 8%, transparent); }
.mark { position: absolute; }
.error { --c: #d1242f; }
.warning { --c: #bf8700; }
.badge { position: absolute; top: -9px; right: -9px; width: 18px; height: 18px; padding: 0; border: 0; border-radius: 50%; background: var(--c); color: #fff;
  font: bold 12px/18px system-ui, sans-serif; text-align: center; cursor: help; box-shadow: 0 0 0 2px #fff; }
.badge:focus-visible { outline: 3px solid #0969da; outline-offset: 1px; }
.tip { position: absolute; z-index: 2; width: max-content; max-width: 340px; padding: 8px 10px; border-radius: 6px; transform: translateX(-100%);
  background: #fff; border: 1px solid #d0d7de; box-shadow: 0 8px 24px rgba(140,149,159,.3); white-space: normal; }
.tip p { margin: 0 0 4px; }
.tip .clause { margin: 0; color: #57606a; font-size: 12px; }
.tip .sev { color: var(--c); font-weight: 600; }
.panel { position: fixed; right: 16px; bottom: 16px; width: 400px; max-width: calc(100vw - 32px); max-height: 55vh; display: flex; flex-direction: column;
  background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 8px 24px rgba(140,149,159,.35); overflow: hidden; }
.head { padding: 10px 12px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
.head h2 { margin: 0 0 4px; font-size: 14px; }
.head .sum { margin: 0 0 8px; color: #57606a; }
.head .actions { display: flex; gap: 8px; }
button.act { font: inherit; padding: 3px 10px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; cursor: pointer; color: #1f2328; }
button.act:hover { background: #f3f4f6; }
button.act:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
ol { list-style: none; margin: 0; padding: 0; overflow: auto; }
li { border-bottom: 1px solid #eaeef2; content-visibility: auto; contain-intrinsic-size: auto 46px; }
li button { display: block; width: 100%; padding: 6px 12px; border: 0; background: none; text-align: left; font: inherit; color: inherit; cursor: pointer; }
li button:hover, li button:focus-visible { background: #f6f8fa; outline: none; }
li .where { font-weight: 600; color: var(--c); }
button.more { margin: 6px 12px; align-self: flex-start; }
.pill { position: fixed; right: 16px; bottom: 16px; font: inherit; padding: 6px 12px; border-radius: 16px; border: 1px solid #d0d7de; background: #fff;
  box-shadow: 0 4px 12px rgba(140,149,159,.3); cursor: pointer; color: #1f2328; }
[hidden] { display: none !important; }
`;

function isScroller(el: Element, win: Window): boolean {
  // Style first: most ancestors (table rows) clip nothing, and a computed style needs no layout. Reading sizes first
  // forced a layout of the whole page (the previous overlay's removal relaid it out) before any marker existed, and
  // layout() then forced a second one for the markers.
  const s = win.getComputedStyle(el);
  if (!/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) return false;
  return el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth;
}

/** A marked element; its marker's elements are made the first time layout() finds it on screen. */
interface Slot {
  anchor: HTMLElement;
  items: OverlayItem[];
  /** Scrolling ancestors: the marker shows only the part of the cell all of them show. */
  clips: HTMLElement[];
  marker?: Marker;
}

interface Marker {
  slot: Slot;
  box: HTMLElement;
  mark: HTMLElement;
  badge: HTMLButtonElement;
  /** The box style last written (layout skips markers that did not move). */
  placed?: string;
}

export class VerifyOverlay {
  private host: HTMLElement;
  private root: ShadowRoot;
  private layer: HTMLElement;
  private panel: HTMLElement;
  private pill: HTMLButtonElement;
  /** In the order of the findings shown; markers keep this order in the layer whichever is made first (Tab order). */
  private slots: Slot[] = [];
  private slotOf = new Map<HTMLElement, Slot>();
  private markerOfBadge = new WeakMap<Element, Marker>();
  private frame = 0;
  private abort = new AbortController();
  private hidden = false;
  /** One tooltip, filled for the marker under the pointer or with focus (markers stay light: a badge each). */
  private tip: HTMLElement;
  private tipFor: Marker | undefined;

  constructor(private doc: Document) {
    this.host = doc.createElement('guoyou-verify');
    // Our own nodes are marked so the autofill/verify scans skip them.
    this.host.setAttribute('data-guoyou', '');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.layer = doc.createElement('div');
    this.layer.className = 'layer';
    this.panel = doc.createElement('section');
    this.panel.className = 'panel';
    this.panel.setAttribute('role', 'region');
    this.tip = doc.createElement('div');
    this.tip.className = 'tip';
    this.tip.id = 'guoyou-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    this.pill = doc.createElement('button');
    this.pill.className = 'pill';
    this.pill.hidden = true;
    this.root.append(style, this.layer, this.panel, this.pill);
    doc.documentElement.append(this.host);
    const win = doc.defaultView!;
    const schedule = () => this.schedule();
    win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: this.abort.signal });
    win.addEventListener('resize', schedule, { passive: true, signal: this.abort.signal });
    // The badge is a marker's only hit area and focus target (the rest of the layer lets the pointer through).
    const markerAt = (t: EventTarget | null) => this.markerOfBadge.get(t as Element);
    const leaves = (m: Marker, to: EventTarget | null) => !(to instanceof Node && m.mark.contains(to));
    this.layer.addEventListener('pointerover', (e) => {
      const m = markerAt(e.target);
      if (m && leaves(m, e.relatedTarget)) this.openTip(m);
    });
    this.layer.addEventListener('pointerout', (e) => {
      const m = markerAt(e.target);
      if (m && leaves(m, e.relatedTarget)) this.closeTip(m);
    });
    this.layer.addEventListener('focusin', (e) => {
      const m = markerAt(e.target);
      if (m) this.openTip(m);
    });
    this.layer.addEventListener('focusout', (e) => {
      const m = markerAt(e.target);
      if (m) this.closeTip(m);
    });
    this.layer.addEventListener('keydown', (e) => {
      const m = markerAt(e.target);
      if (m && e.key === 'Escape') this.closeTip(m);
    });
  }

  /** Replace what is shown with `items`; `summary` is the panel's one-line summary. */
  show(items: OverlayItem[], texts: OverlayTexts): void {
    this.clearMarkers();
    const win = this.doc.defaultView!;
    const items2 = items.filter((i) => i.anchors[0]?.isConnected);
    const byAnchor = new Map<HTMLElement, OverlayItem[]>();
    for (const item of items2) {
      // A finding about two inconsistent fields marks both of them.
      for (const a of new Set(item.anchors)) {
        if (!a.isConnected) continue;
        const list = byAnchor.get(a) ?? [];
        list.push(item);
        byAnchor.set(a, list);
      }
    }
    // Read phase first (computed styles, scroll sizes), then DOM writes: interleaving them would force a layout of
    // the page per marker.
    const clipOf = new Map<HTMLElement, HTMLElement[]>();
    const scroller = new Map<Element, boolean>();
    for (const anchor of byAnchor.keys()) {
      const clips: HTMLElement[] = [];
      for (let p = anchor.parentElement; p && p !== this.doc.body && p !== this.doc.documentElement; p = p.parentElement) {
        let is = scroller.get(p);
        if (is === undefined) scroller.set(p, (is = isScroller(p, win)));
        if (is) clips.push(p);
      }
      clipOf.set(anchor, clips);
    }
    // Markers are made by layout() for the slots on screen only: a long list shows a screenful of its findings.
    for (const [anchor, list] of byAnchor) {
      const slot: Slot = { anchor, items: list, clips: clipOf.get(anchor) ?? [] };
      this.slots.push(slot);
      this.slotOf.set(anchor, slot);
    }
    this.layer.append(this.tip);
    this.renderPanel(items2, texts);
    this.setHidden(false);
    this.layout();
  }

  private renderPanel(items: OverlayItem[], texts: OverlayTexts): void {
    this.panel.replaceChildren();
    this.panel.setAttribute('aria-label', texts.title);
    const head = this.el('div', 'head');
    const h = this.el('h2');
    h.textContent = texts.title;
    const sum = this.el('p', 'sum');
    sum.textContent = texts.summary;
    const actions = this.el('div', 'actions');
    const hide = this.button(texts.hide, () => this.setHidden(true));
    hide.className = 'act';
    const close = this.button(texts.close, () => this.destroy());
    close.className = 'act';
    actions.append(hide, close);
    head.append(h, sum, actions);
    const ol = this.el('ol');
    this.panel.append(head, ol);
    // The list grows by pages: laying out hundreds of wrapped messages up front would delay the markers.
    const more = this.button('', () => addPage());
    more.className = 'act more';
    let shown = 0;
    const addPage = () => {
      const frag = this.doc.createDocumentFragment();
      for (const item of items.slice(shown, shown + LIST_PAGE)) {
        const li = this.el('li', item.severity);
        const b = this.button('', () => this.jumpTo(item.anchors[0]!));
        b.title = texts.jump;
        const where = this.el('span', 'where');
        where.textContent = `${item.where}：`;
        b.append(where, this.doc.createTextNode(item.message));
        li.append(b);
        frag.append(li);
      }
      ol.append(frag);
      shown = Math.min(items.length, shown + LIST_PAGE);
      if (shown < items.length) {
        more.textContent = texts.more.replace('{count}', String(items.length - shown));
        if (!more.isConnected) this.panel.append(more);
      } else more.remove();
    };
    addPage();
    this.pill.textContent = texts.show.replace('{count}', String(items.length));
    this.pill.onclick = () => this.setHidden(false);
  }

  /** Hide (or show again) every marker and the panel; a small pill stays to bring them back. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.layer.hidden = hidden;
    this.panel.hidden = hidden;
    this.pill.hidden = !hidden;
    if (!hidden) this.schedule();
  }

  isHidden(): boolean {
    return this.hidden;
  }

  /** Number of elements marked (each gets its marker when first on screen; for tests and the harness). */
  count(): number {
    return this.slots.length;
  }

  jumpTo(anchor: HTMLElement): void {
    anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.layout();
    this.slotOf.get(anchor)?.marker?.badge.focus({ preventScroll: true });
  }

  private schedule(): void {
    if (this.frame || this.hidden) return;
    const win = this.doc.defaultView!;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /**
   * Place every marker over its anchor; markers of cells scrolled out of their container, or out of the viewport (the
   * layer clips them anyway), are hidden, so a long list lays out only the markers on screen. Unchanged markers are
   * not written again: a write would make the browser restyle them.
   */
  layout(): void {
    const win = this.doc.defaultView!;
    // All reads, then all writes: one layout of the page, however many markers.
    const clipRects = new Map<HTMLElement, DOMRect>();
    let vw = 0;
    let vh = 0;
    const placed = this.slots.map((m, i) => {
      const a = m.anchor.getBoundingClientRect();
      if (i === 0) {
        // After the first rect the layout is clean: reading the viewport size costs nothing more.
        vw = win.innerWidth;
        vh = win.innerHeight;
      }
      let r = { left: a.left, top: a.top, right: a.right, bottom: a.bottom };
      let visible = m.anchor.isConnected && (a.width > 0 || a.height > 0);
      for (const clip of visible ? m.clips : []) {
        let c = clipRects.get(clip);
        if (!c) clipRects.set(clip, (c = clip.getBoundingClientRect()));
        // Only the part of the cell its scrolling containers show (a wide el-table scrolls sideways).
        r = {
          left: Math.max(r.left, c.left),
          top: Math.max(r.top, c.top),
          right: Math.min(r.right, c.right),
          bottom: Math.min(r.bottom, c.bottom),
        };
      }
      visible &&= r.right > r.left && r.bottom > r.top;
      // The badge sticks out 9px past the cell's corner: keep a margin beyond the viewport's edges.
      visible &&= r.right > -VIEW_MARGIN && r.bottom > -VIEW_MARGIN && r.left < vw + VIEW_MARGIN && r.top < vh + VIEW_MARGIN;
      return { m, r: { left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top }, visible };
    });
    placed.forEach(({ m: slot, r, visible }, i) => {
      if (!visible && !slot.marker) return;
      const m = slot.marker ?? this.makeMarker(i);
      if (m.box.hidden === visible) {
        m.box.hidden = !visible;
        m.mark.hidden = !visible;
      }
      if (!visible) return;
      // Viewport coordinates: the layer is fixed; scrolling re-runs this (one frame later).
      const left = `${r.left}px`;
      const top = `${r.top}px`;
      const box = `left:${left};top:${top};width:${r.width}px;height:${r.height}px`;
      if (box === m.placed) return;
      m.placed = box;
      m.box.style.cssText = box;
      m.mark.style.cssText = `left:${left};top:${top};width:${r.width}px;height:0`;
    });
  }

  /** The marker of slot `i`: an outline and a badge, put before the next made marker (badges stay in page order). */
  private makeMarker(i: number): Marker {
    const slot = this.slots[i]!;
    const list = slot.items;
    const sev = list.some((it) => it.severity === 'error') ? 'error' : 'warning';
    const box = this.el('div', `box ${sev}`);
    const mark = this.el('div', `mark ${sev}`);
    const badge = this.el('button', 'badge') as HTMLButtonElement;
    badge.type = 'button';
    badge.textContent = list.length > 1 ? String(list.length) : '!';
    badge.setAttribute('aria-label', list.map((it) => `${it.where}: ${it.message}`).join('; '));
    mark.append(badge);
    let next: Marker | undefined;
    for (let j = i + 1; j < this.slots.length && !next; j++) next = this.slots[j]!.marker;
    this.layer.insertBefore(box, next?.box ?? this.tip);
    this.layer.insertBefore(mark, next?.box ?? this.tip);
    const m: Marker = { slot, box, mark, badge };
    // Pointer, focus and Escape are handled once on the layer (see the constructor), not by five listeners a marker.
    this.markerOfBadge.set(badge, m);
    slot.marker = m;
    return m;
  }

  private openTip(m: Marker): void {
    const tip = this.tip;
    tip.replaceChildren();
    tip.className = `tip ${m.slot.items.some((i) => i.severity === 'error') ? 'error' : 'warning'}`;
    for (const i of m.slot.items) {
      const p = this.el('p');
      const sevEl = this.el('span', `sev ${i.severity}`);
      sevEl.textContent = `${i.where} · `;
      p.append(sevEl, this.doc.createTextNode(i.message));
      const c = this.el('p', 'clause');
      c.textContent = i.clause;
      tip.append(p, c);
    }
    const r = m.slot.anchor.getBoundingClientRect();
    tip.style.cssText = `left:${r.right + 9}px;top:${r.top + 12}px`;
    tip.hidden = false;
    this.tipFor = m;
    m.badge.setAttribute('aria-describedby', tip.id);
  }

  private closeTip(m: Marker): void {
    if (this.tipFor !== m) return;
    this.tip.hidden = true;
    this.tipFor = undefined;
    m.badge.removeAttribute('aria-describedby');
  }

  private clearMarkers(): void {
    this.layer.replaceChildren();
    this.tip.hidden = true;
    this.tipFor = undefined;
    this.slots = [];
    this.slotOf.clear();
  }

  destroy(): void {
    this.abort.abort();
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    // Detach first: emptying the layer while it is in the page would restyle the page for nothing.
    this.host.remove();
    this.clearMarkers();
  }

  private el(tag: string, className?: string): HTMLElement {
    const e = this.doc.createElement(tag);
    if (className) e.className = className;
    return e;
  }

  private button(text: string, onClick: () => void): HTMLButtonElement {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }
}
