import { normalizeYesNo } from '../normalize/options';
import type { RuleContext, Severity } from './types';
import { val } from './helpers';

/**
 * §5 states the year and date rules for students who get the 教育硕士 through joint training; for a home university
 * granting both degrees they are expected too, and reported as warnings (docs/domain.md).
 */
export function jointSeverity(ctx: RuleContext): Severity {
  return val(ctx, 'jointUniversity') ? 'error' : 'warning';
}

/** Whether the record claims a 教育硕士: marked 是, or (not marked 否 and) any 教育硕士 detail filled in. */
export function eduMasterApplies(ctx: RuleContext): boolean {
  const awarded = normalizeYesNo(val(ctx, 'eduMasterAwarded'));
  if (awarded) return awarded === '是';
  return ['eduMasterDate', 'eduMasterCertNo', 'eduMasterUnit', 'eduMasterUnitCode'].some((k) => !!val(ctx, k));
}

export const JOINT_NOTE = {
  zh: '（联合培养时为硬性要求；本校同时授予时按同样要求提示）',
  en: ' (binding for joint training; applied as advice when one university grants both degrees)',
};
