import type { TimelineSource } from '../source.ts';

// Appointments (상담 예약): one event per appointment, at the time it is (or was) for, saying how it
// ended (attended, no-show, cancelled) or that it is still booked. An upcoming appointment therefore
// heads the list: it is the next thing on the case. Its moves stay in the appointment's own history.

export const appointmentsSource: TimelineSource = {
  kind: 'appointment',
  async events({ db, jobseekerId }) {
    const rows = await db
      .selectFrom('appointments')
      .select(['id', 'kind', 'starts_at', 'purpose', 'outcome', 'counselor_id'])
      .where('jobseeker_id', '=', jobseekerId)
      .where('archived', '=', 0)
      .execute();
    return rows.map((a) => ({
      key: `appointment:${a.id}`,
      kind: 'appointment' as const,
      at: a.starts_at,
      title: {
        key: `timeline.appointment.${a.outcome ?? 'booked'}`,
        values: { kind: a.kind, purpose: a.purpose },
      },
      actorId: a.counselor_id,
      link: { tab: 'appointments', id: a.id },
    }));
  },
};
