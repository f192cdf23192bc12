import { useEffect, useState } from 'preact/hooks';
import type { PolicyState } from './policy';
import { onManagedPolicyChange, readManagedPolicy } from './read';
import { exportAllowed } from './merge';

/** The managed policy for a page, kept current; `undefined` while it is read. */
export function useManagedPolicy(): PolicyState | undefined {
  const [state, setState] = useState<PolicyState | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const load = () => void readManagedPolicy().then((s) => live && setState(s));
    load();
    const off = onManagedPolicyChange(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

/**
 * Whether the export buttons are enabled (Excel, backup, print). True while the policy is read (a moment), so a page
 * does not flicker: each export asks the policy again before anything leaves (`exportRefused`).
 */
export function useExportAllowed(): boolean {
  const state = useManagedPolicy();
  return !state || exportAllowed(state.policy);
}
