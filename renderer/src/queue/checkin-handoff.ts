import type { NavigateFunction } from 'react-router';
import type { CalledTicket } from '../../../shared/contract/checkins.ts';
import { selfCheckSchema, type SelfCheckAnswers } from '../../../shared/domain/kiosk.ts';
import { formatPhone } from '../../../shared/domain/phone.ts';
import { call } from '../api.ts';

// The hand-over from a called ticket to the jobseeker's record: what the visitor typed at the kiosk
// (name, phone, self-check answers) travels in the router state to registration, and whichever way
// the counselor finds the person (picked or newly registered) the ticket is linked to them and the
// intake opens with the answers filled in (fixed interface: /jobseekers/:id/intake, state
// { prefill, checkinId }). Registration used to drop all of it (issue 15, item 2).

export interface CheckinHandoff {
  checkinId: string;
  /** The ticket as the visitor reads it ("A-012"). */
  ticketNo: string;
  name: string;
  phone: string;
  prefill: SelfCheckAnswers | null;
}

export function handoffOf(ticket: CalledTicket): CheckinHandoff {
  return {
    checkinId: ticket.id,
    ticketNo: ticket.ticketLabel,
    name: ticket.visitorName ?? '',
    phone: ticket.visitorPhone ? formatPhone(ticket.visitorPhone) : '',
    prefill: ticket.selfCheck,
  };
}

/** The hand-over in a location's state, checked (state survives reloads and can be anything). */
export function handoffFromState(state: unknown): CheckinHandoff | null {
  const raw = (state as { fromCheckin?: Partial<Record<keyof CheckinHandoff, unknown>> } | null)?.fromCheckin;
  if (!raw || typeof raw.checkinId !== 'string' || raw.checkinId === '') return null;
  const prefill = selfCheckSchema.safeParse(raw.prefill);
  return {
    checkinId: raw.checkinId,
    ticketNo:
      typeof raw.ticketNo === 'string' || typeof raw.ticketNo === 'number' ? String(raw.ticketNo) : '',
    name: typeof raw.name === 'string' ? raw.name : '',
    phone: typeof raw.phone === 'string' ? raw.phone : '',
    prefill: prefill.success ? prefill.data : null,
  };
}

/** To registration, carrying the visitor's kiosk input. */
export function openRegistration(navigate: NavigateFunction, handoff: CheckinHandoff): void {
  void navigate('/jobseekers/new', { state: { fromCheckin: handoff } });
}

/** Links the ticket to the jobseeker and opens their intake with the kiosk answers. */
export async function linkAndOpenIntake(
  navigate: NavigateFunction,
  handoff: Pick<CheckinHandoff, 'checkinId' | 'prefill'>,
  jobseekerId: string,
  options: { replace?: boolean } = {},
): Promise<void> {
  await call('checkins:link', { id: handoff.checkinId, jobseekerId });
  void navigate(`/jobseekers/${jobseekerId}/intake`, {
    replace: options.replace ?? false,
    state: { prefill: handoff.prefill ?? undefined, checkinId: handoff.checkinId },
  });
}
