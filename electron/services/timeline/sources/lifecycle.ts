import { parseHlc } from '../../../../shared/sync/hlc.ts';
import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import { firstLine } from '../../../../shared/domain/timeline.ts';
import type { TimelineSource } from '../source.ts';

// The case's own life: registration (구직 등록), each close and reopen with its reason (status history),
// each transfer to another center (requested, and accepted, declined or cancelled), and each duplicate
// merged into it. All open the 기본 정보 tab, where the status history is.

/** When a merge happened: the merged-away row keeps no date, but its HLC's wall time is the merge's. */
function mergedAt(hlc: string, fallback: string): string {
  try {
    return new Date(parseHlc(hlc).wall).toISOString();
  } catch {
    return fallback;
  }
}

export const lifecycleSource: TimelineSource = {
  kind: 'lifecycle',
  async events({ db, jobseekerId }) {
    const [self, statusEvents, transfers, merged] = await Promise.all([
      db
        .selectFrom('jobseekers')
        .select(['registered_at', 'created_at'])
        .where('id', '=', jobseekerId)
        .executeTakeFirst(),
      db
        .selectFrom('case_status_events')
        .select(['id', 'kind', 'reason', 'text', 'recorded_by', 'recorded_at'])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
      db
        .selectFrom('case_transfers')
        .select([
          'id',
          'to_center',
          'status',
          'requested_by',
          'requested_at',
          'decided_by',
          'decided_at',
          'reason',
          'decision_reason',
        ])
        .where('jobseeker_id', '=', jobseekerId)
        .execute(),
      db
        .selectFrom('jobseekers')
        .select(['id', 'hlc', 'updated_at'])
        .where('merged_into', '=', jobseekerId)
        .execute(),
    ]);
    const out: TimelineEvent[] = [];
    if (self)
      out.push({
        key: 'lifecycle:registered',
        kind: 'lifecycle',
        at: self.registered_at,
        title: { key: 'timeline.lifecycle.registered' },
        actorId: null,
        link: { tab: 'record' },
      });
    for (const e of statusEvents) {
      out.push({
        key: `lifecycle:status:${e.id}`,
        kind: 'lifecycle',
        at: e.recorded_at,
        title: { key: `timeline.lifecycle.${e.kind}`, values: { reason: e.reason } },
        actorId: e.recorded_by,
        link: { tab: 'record', id: e.id },
        detail: firstLine(e.text),
      });
    }
    for (const t of transfers) {
      out.push({
        key: `lifecycle:transfer:${t.id}`,
        kind: 'lifecycle',
        at: t.requested_at,
        title: { key: 'timeline.lifecycle.transferRequested', values: { center: t.to_center } },
        actorId: t.requested_by,
        link: { tab: 'record', id: t.id },
        detail: firstLine(t.reason),
      });
      if (t.status !== 'requested' && t.decided_at !== null)
        out.push({
          key: `lifecycle:transfer:${t.id}:${t.status}`,
          kind: 'lifecycle',
          at: t.decided_at,
          title: { key: `timeline.lifecycle.transfer_${t.status}`, values: { center: t.to_center } },
          actorId: t.decided_by,
          link: { tab: 'record', id: t.id },
          detail: firstLine(t.decision_reason),
        });
    }
    for (const m of merged) {
      out.push({
        key: `lifecycle:merged:${m.id}`,
        kind: 'lifecycle',
        at: mergedAt(m.hlc, m.updated_at),
        title: { key: 'timeline.lifecycle.merged' },
        actorId: null,
        link: { tab: 'record' },
      });
    }
    return out;
  },
};
