import type { Generated } from 'kysely';
import type { Bool, Synced } from './base.ts';

// Service referrals (서비스 연계, issue 17 item 4; migration 0021). db/schema.ts lists them in the store's
// Database. Codes and the status machine: shared/programmes/service-referral-status.ts.

export type ServiceReferralStatusValue =
  'referred' | 'accepted' | 'declined' | 'started' | 'completed' | 'dropped';
export type ServiceTargetKindValue = 'training' | 'work-experience' | 'partner-agency' | 'welfare-resource';

export interface ServiceReferralTable extends Synced {
  jobseeker_id: string;
  target_kind: ServiceTargetKindValue;
  /** The programme catalogue edition the referral started on (shared/programmes/catalogue.ts). */
  catalogue_version: string;
  programme_code: string | null;
  /** A catalogue provider; null for a local provider named in provider_name. */
  provider_code: string | null;
  provider_name: string | null;
  course_name: string | null;
  /** The service-plan step its completion closes (from the catalogue at referral). */
  plan_step: string | null;
  reason_code: string;
  reason_text: string | null;
  status: Generated<ServiceReferralStatusValue>;
  /** YYYY-MM-DD: the day of each step (Korean local day). */
  referred_on: string;
  accepted_on: string | null;
  declined_on: string | null;
  started_on: string | null;
  completed_on: string | null;
  dropped_on: string | null;
  close_reason_code: string | null;
  close_reason_text: string | null;
  outcome_note: string | null;
  counselor_id: string;
  created_at: string;
  archived: Generated<Bool>;
}

export interface ServiceReferralEventTable extends Synced {
  service_referral_id: string;
  /** Null on the first event (the referral itself). */
  from_status: ServiceReferralStatusValue | null;
  to_status: ServiceReferralStatusValue;
  happened_on: string;
  reason_code: string | null;
  note: string | null;
  counselor_id: string;
  at: string;
}

export interface ServiceTables {
  service_referrals: ServiceReferralTable;
  service_referral_events: ServiceReferralEventTable;
}
