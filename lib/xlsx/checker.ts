import type { FormData, FormDefinition } from '../forms/types';
import { loadReferenceData, type StoredList } from '../reference';
import { validate } from '../rules';
import type { Checker } from './import';

/**
 * The import checker: the rule engine (lib/rules) with the reference lists (shipped, or the admin's replacements).
 * `now` is injectable for tests and for the deadline rule.
 */
export async function formChecker(overrides: Iterable<StoredList> = [], now?: Date): Promise<Checker> {
  const refs = await loadReferenceData(overrides);
  return (form: FormDefinition, data: FormData) => validate(form, data, refs, now ?? new Date());
}
