/**
 * The check before anything leaves (Excel export, print, CLI export): a draft with errors goes out only when the user
 * chose to go on — for that revision of the draft. The next saved change asks again. Pure, so it is tested here.
 */
import { countFindings } from '../rules';
import type { Finding } from '../rules/types';

/** One draft about to leave, with its findings. */
export interface GateDraft {
  id: string;
  rev: number;
  findings: readonly Finding[];
}

/** Which revision of each draft the user chose to send with errors (`ui.gateAccepted`). */
export type GateAccepted = Record<string, number>;

/** The drafts that must be confirmed first: those with errors, unless this very revision was confirmed already. */
export function needsConfirmation(drafts: readonly GateDraft[], accepted: GateAccepted): GateDraft[] {
  return drafts.filter((d) => countFindings(d.findings).errors > 0 && accepted[d.id] !== d.rev);
}

/** The record after the user went on: these revisions are confirmed; older choices for the same drafts are replaced. */
export function accept(accepted: GateAccepted, drafts: readonly GateDraft[]): GateAccepted {
  const next = { ...accepted };
  for (const d of drafts) if (countFindings(d.findings).errors > 0) next[d.id] = d.rev;
  return next;
}

/** Errors and warnings over all the drafts. */
export function totals(drafts: readonly GateDraft[]): { errors: number; warnings: number } {
  return countFindings(drafts.flatMap((d) => d.findings));
}
