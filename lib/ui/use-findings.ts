import { useMemo } from 'preact/hooks';
import type { FormData, FormDefinition } from '../forms/types';
import { loadReferenceData, type ReferenceData } from '../reference';
import { validate } from '../rules';
import type { Finding } from '../rules/types';
import { loadOverrides } from '../db/reference-lists';
import { uiDb } from './db';
import { useLive } from './hooks';

/**
 * The reference lists the rules use: shipped lists with any admin-imported replacement (live: importing a list on the
 * reference page re-validates open editors). Undefined while loading.
 */
export function useReferenceData(): ReferenceData | undefined {
  return useLive(async () => loadReferenceData(await loadOverrides(uiDb())), []);
}

/** Live findings for the data being edited, re-run on every change (the rules are pure and fast); undefined while the reference lists load. */
export function useFindings(form: FormDefinition, data: FormData): Finding[] | undefined {
  const refs = useReferenceData();
  return useMemo(() => (refs ? validate(form, data, refs, new Date()) : undefined), [form, data, refs]);
}
