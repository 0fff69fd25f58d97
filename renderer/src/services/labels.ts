import type { TFunction } from 'i18next';
import { catalogueOf } from '../../../shared/programmes/catalogue.ts';
import type { ServiceReferralStatus } from '../../../shared/programmes/service-referral-status.ts';

// Words for a service referral: its programme or provider from the catalogue edition it started on (in
// the counselor's language), the local provider's own name, and a colour per status.

export interface TargetLike {
  targetKind: string;
  catalogueVersion: string;
  programmeCode: string | null;
  providerCode: string | null;
  providerName: string | null;
  courseName: string | null;
}

/** "국민내일배움카드 직업훈련 · 용접 기초", "여성새로일하기센터 (새일센터)", or a local provider's name. */
export function targetLabel(t: TFunction, lang: 'ko' | 'en', r: TargetLike): string {
  const catalogue = catalogueOf(r.catalogueVersion);
  const programme = catalogue?.programmes.find((p) => p.code === r.programmeCode);
  const provider = catalogue?.providers.find((p) => p.code === r.providerCode);
  const parts = [
    programme ? programme[lang] : null,
    provider ? provider[lang] : r.providerName,
    r.courseName,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : t(`services.kinds.${r.targetKind}`);
}

export const STATUS_COLOR: Record<
  ServiceReferralStatus,
  'default' | 'info' | 'primary' | 'success' | 'warning' | 'error'
> = {
  referred: 'info',
  accepted: 'primary',
  declined: 'warning',
  started: 'primary',
  completed: 'success',
  dropped: 'error',
};
