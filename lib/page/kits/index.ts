import type { Driver } from '../drivers';
import type { ComponentSpec, FaceSpec, Kit } from '../kit';
import { native } from './native';
import { elementPlus } from './element-plus';
import { elementUi } from './element-ui';
import { iview } from './iview';
import { layui } from './layui';
import { antd } from './antd';
import { aria } from './aria';
import { tdesign } from './tdesign';
import { select2Kit } from './select2';

/**
 * Every kit, in the order their component roots are tried. Adding a library: one kit file here plus one fixture
 * (see lib/page/README.md).
 */
const KITS = [elementPlus, elementUi, iview, layui, antd, tdesign, select2Kit, aria, native] as const;

type KindOf<T> = T extends Kit<infer K> ? K : never;
/** What kind of control a scanned element is: every driver key of every kit. */
export type ControlKind = KindOf<(typeof KITS)[number]>;

/** The total registry: a kind without a driver cannot be declared (the kit's `drivers` key is the kind). */
export const DRIVERS = Object.assign({}, ...KITS.map((k) => k.drivers)) as Record<ControlKind, Driver>;

// (Widened for the flat lists below; the drivers are merged above.)
const kits: ReadonlyArray<Omit<Kit<ControlKind>, 'drivers'>> = KITS;

export const COMPONENTS: ReadonlyArray<ComponentSpec<ControlKind>> = kits.flatMap((k) => k.components);
export const FACES: ReadonlyArray<FaceSpec<ControlKind>> = kits.flatMap((k) => k.faces);
export const FORM_ITEM_LABELS = kits.flatMap((k) => k.formItems);
export const ADD_ROW_SELECTOR = kits.flatMap((k) => k.addRow).join(', ');
export const TOOLTIPS = kits.flatMap((k) => k.tooltips ?? []);
/** Whether an id is one a library generated (`rc_select_3`): it names nothing on the page. */
const generated = kits.flatMap((k) => (k.generatedIds ? [k.generatedIds] : []));
export const isGeneratedId = (id: string): boolean => generated.some((re) => re.test(id));

/** The generic ARIA roots: tried only where no library's own root encloses the control. */
export const GENERIC_COMPONENTS: ReadonlyArray<ComponentSpec<ControlKind>> = aria.components;
