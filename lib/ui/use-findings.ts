import { useMemo } from 'preact/hooks';
import type { FormData, FormDefinition } from '../forms/types';
import { loadReferenceData, type ReferenceData } from '../reference';
import { validate } from '../rules';
import type { Finding } from '../rules/types';
import { loadOverrides } from '../db/reference-lists';
import { uiDb } from './db';
import { useLive } from './hooks';
import { useManagedPolicy } from '../managed/use-policy';
import { mergeReferenceLists, validateOptions } from '../managed/merge';

/**
 * The reference lists the rules use: shipped lists with any admin-imported replacement, and the organisation's policy
 * lists over both (live: importing a list on the reference page re-validates open editors). Undefined while loading.
 */
export function useReferenceData(): ReferenceData | undefined {
  const managed = useManagedPolicy();
  return useLive(
    async () => (managed ? loadReferenceData(mergeReferenceLists(await loadOverrides(uiDb()), managed.policy)) : undefined),
    [managed],
  );
}

/** Live findings for the data being edited, re-run on every change (the rules are pure and fast); undefined while the reference lists load. */
export function useFindings(form: FormDefinition, data: FormData): Finding[] | undefined {
  const refs = useReferenceData();
  const managed = useManagedPolicy();
  return useMemo(
    () => (refs && managed ? validate(form, data, refs, new Date(), validateOptions(managed.policy, form.id)) : undefined),
    [form, data, refs, managed],
  );
}
