import type { ScannedControl } from '../scan';
import { closePopups, fail, NO_WAY, ok, settled, type Driver } from '../drivers';
import { pickOption } from '../options';
import { mouse, nearestPopup, press, waitFor } from '../events';
import { nameKey } from '../../normalize/text';

/**
 * Cascaders, as every library draws them: a read-only box that opens columns of nodes; a node with children opens
 * the next column (on click, or on hover), a leaf takes the path and closes. A kit gives its markup; the driver
 * chooses the draft's path (`浙江省/杭州市/西湖区`, see `cascadeValue`) level by level as a user does.
 */
export interface CascaderMarkup {
  /** Element (inside the root) clicked to open. */
  opener: string;
  /** How a person's pointer opens it, when not a click (rc-select opens on mousedown and a click would close it). */
  open?: (opener: Element) => void;
  /** The dropdown (teleported to body or not): the open one nearest the root is ours. */
  dropdown: string;
  /** One column, in order. */
  menu: string;
  node: string;
  /** Inside a node: its text (else the node's own text). */
  label?: string;
  /** Inside a node: the arrow of a node with children. */
  arrow: string;
  disabled: string;
  /** What the box shows (`浙江省 / 杭州市 / 西湖区`), first non-empty wins. */
  shown: (root: HTMLElement) => string;
  /** The clear icon, shown while the pointer is over a clearable box. */
  clear: string;
}

/** A draft path as the steps a user takes: `浙江省/杭州市/西湖区` or the display text `浙江省 / 杭州市`. */
const steps = (value: string) =>
  value
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);

export function cascaderDriver(m: CascaderMarkup): Driver {
  const shown = (c: ScannedControl) => m.shown(c.face);
  const menus = (c: ScannedControl): HTMLElement[] => {
    const drops = Array.from(c.face.ownerDocument.querySelectorAll<HTMLElement>(m.dropdown)).filter((d) => d.querySelector(m.menu));
    const drop = nearestPopup(drops, c.face);
    return drop ? Array.from(drop.querySelectorAll<HTMLElement>(m.menu)) : [];
  };
  const text = (n: HTMLElement) => ((m.label && n.querySelector(m.label)) || n).textContent?.trim() ?? '';
  const isLeaf = (n: HTMLElement) => !n.querySelector(m.arrow);

  /**
   * Open, pick the draft's province (when the cascader starts there), then the city, then the county; a level absent
   * from the first column is passed over (a cascader that starts at cities). Returns whether a leaf was clicked.
   */
  async function pickPath(c: ScannedControl, path: string[]): Promise<boolean> {
    (m.open ?? press)(c.face.querySelector(m.opener) ?? c.face);
    if (!(await waitFor(() => menus(c)[0]?.querySelector(m.node), 1000))) return false;
    let level = 0;
    for (const step of path) {
      const nodesAt = () => Array.from(menus(c)[level]?.querySelectorAll<HTMLElement>(m.node) ?? []);
      const pick = (nodes: HTMLElement[]) =>
        pickOption(
          nodes.map((n) => ({ text: text(n) })),
          step,
        );
      // A deeper column reopened on a value already chosen still lists the old parent's children until the click on
      // the new parent renders: wait for the step itself there, not for any node.
      const nodes = await waitFor(() => {
        const found = nodesAt();
        return found.length && (level === 0 || pick(found) >= 0) ? found : undefined;
      }, 1500);
      if (!nodes) return false;
      const i = pick(nodes);
      if (i < 0 && level === 0) continue;
      const node = nodes[i];
      if (!node || node.matches(m.disabled)) return false;
      // Hover-expanding cascaders open a level on mouseenter, click-expanding ones on click; a leaf takes the click.
      mouse(node, 'mouseenter');
      press(node);
      if (isLeaf(node)) return true;
      level++;
    }
    return false;
  }

  const driver: Driver = {
    cascade: true,
    snapshot: shown,
    read: shown,
    async write(c, value) {
      const path = steps(value);
      // What the box shows is the path's tail (all of it, or the last level only).
      const same = (s: string) => {
        const got = steps(s).map(nameKey);
        return got.length > 0 && path.slice(-got.length).map(nameKey).join('/') === got.join('/');
      };
      const current = shown(c);
      if (same(current)) return ok(false, current);
      const leaf = await pickPath(c, path);
      const after = leaf ? await waitFor(() => (same(shown(c)) ? shown(c) : undefined), 1000) : undefined;
      if (after) return ok(true, after);
      await closePopups(c);
      // The dropdown closes on a click outside it.
      press(c.face.ownerDocument.body);
      return fail(leaf ? 'rejected' : 'noOption', leaf ? shown(c) || '∅' : value);
    },
    async restore(c, snap) {
      if (shown(c) === snap) return true;
      if (!snap) {
        mouse(c.face, 'mouseenter');
        mouse(c.face.querySelector(m.opener) ?? c.face, 'mouseenter');
        const clear = await waitFor(() => c.face.querySelector<HTMLElement>(m.clear), 500);
        if (!clear) return NO_WAY;
        press(clear);
        return settled(() => shown(c) === '', 1000);
      }
      return (await driver.write(c, snap)).ok;
    },
  };
  return driver;
}
