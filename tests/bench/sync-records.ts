import { uuidv7 } from 'uuidv7';

// The records of the sync benchmark, shared by our server's seed and the PouchDB peer's.

/** One synced record of the benchmark's data, as the server stores it and as the PouchDB peer gets it. */
export interface BenchRecord {
  table: 'jobseekers' | 'counseling_notes' | 'consent_records';
  id: string;
  data: Record<string, unknown>;
  parent: string | null;
}

/** The records of case i: the case, two counseling notes and a consent record. */
export function caseRecords(i: number, counselorId: string, now: string): BenchRecord[] {
  const id = uuidv7();
  const out: BenchRecord[] = [
    {
      table: 'jobseekers',
      id,
      parent: null,
      data: {
        id,
        reg_no: `26-B${String(i).padStart(7, '0')}`,
        center_code: 'BENCH',
        name: `구직자${i}`,
        birth_year: 1960 + (i % 45),
        gender: i % 2 ? 'female' : 'male',
        phone: `010${String(10_000_000 + i)}`,
        email: null,
        sido: '11',
        sigungu: '11680',
        desired_occupation: '0121',
        desired_wage: 2_500_000,
        mobile: 0,
        assigned_counselor_id: counselorId,
        status: 'active',
        current_type: null,
        current_track: null,
        registered_at: now,
        created_at: now,
        updated_at: now,
        archived: 0,
      },
    },
  ];
  for (let k = 0; k < 2; k++) {
    const noteId = uuidv7();
    out.push({
      table: 'counseling_notes',
      id: noteId,
      parent: `jobseekers:${id}`,
      data: {
        id: noteId,
        jobseeker_id: id,
        kind: 'in-person',
        body: '구직 상담: 이력서 보완과 지역 내 알선을 안내함.',
        author_id: counselorId,
        created_at: now,
        revision_of: null,
      },
    });
  }
  const consentId = uuidv7();
  out.push({
    table: 'consent_records',
    id: consentId,
    parent: `jobseekers:${id}`,
    data: {
      id: consentId,
      jobseeker_id: id,
      item_group: 'required',
      granted: 1,
      notice_version: '2026-01',
      channel: 'counter',
      recorded_by: counselorId,
      recorded_at: now,
    },
  });
  return out;
}
