import { createContext, useContext } from 'react';
import type { KioskWelcome } from '../../../shared/contract/kiosk.ts';
import type { SelfCheckAnswers } from '../../../shared/domain/kiosk.ts';

// What one visitor has chosen and entered. It lives in memory only and is dropped whole when the
// visitor leaves (idle reset or "finish"): nothing of it is written to storage.

export interface Visit {
  selfCheck: SelfCheckAnswers | null;
  /** The service chosen before the ticket flow started (from the services screen). */
  serviceId: string | null;
}

export const EMPTY_VISIT: Visit = { selfCheck: null, serviceId: null };

export interface KioskContextValue {
  info: KioskWelcome | null;
  lang: 'ko' | 'en';
  setLang: (lang: 'ko' | 'en') => void;
  largeText: boolean;
  setLargeText: (on: boolean) => void;
  highContrast: boolean;
  setHighContrast: (on: boolean) => void;
  visit: Visit;
  setVisit: (update: (v: Visit) => Visit) => void;
  endVisit: () => void;
  /** A settings text in the visitor's language (Korean when the English one is empty). */
  localized: (text: { ko: string; en: string }) => string;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const ctx = useContext(KioskContext);
  if (!ctx) throw new Error('useKiosk outside the kiosk');
  return ctx;
}
