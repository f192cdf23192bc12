import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ToastMessage } from './toast';

export type ShowToast = (toast: Omit<ToastMessage, 'id'>) => void;

export const ToastContext = createContext<ShowToast>(() => {});

/** Show a short message (optionally with an action such as Undo) at the bottom of the page. */
export function useToast(): ShowToast {
  return useContext(ToastContext);
}
