import { uuidv7 } from 'uuidv7';
import { getNoteRow, lastRevision, listCompetencyRows } from '../../db/repositories/casework.ts';
import { getJobseekerRow } from '../../db/repositories/jobseekers.ts';
import {
  competencyKey,
  parseCompetencyFile,
  type CompetencyFields,
  type ImportFormat,
} from '../../shared/casework/competency.ts';
import { type CaseFile, type ImportPreview, type NoteKind } from '../../shared/casework/types.ts';
import type { SessionInfo } from '../../shared/contract/auth.ts';
import { AppFailure } from '../../shared/contract/result.ts';
import { requireCaseAccess } from './case-access.ts';
import { requireConsent } from './consent.ts';
import { type ServiceContext } from './context.ts';
import {
  toCompetency,
  notFound,
  activeJobseeker,
  audit,
  unchangedRead,
  insertSynced,
  inTransaction,
  loadCaseFile,
} from './casework-case-file.ts';

// Counseling notes (append-only: an edit is a new revision) and the competency record (직무능력은행):
// items entered by hand or imported from the national systems' export.

export async function addNote(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; kind: NoteKind; body: string },
): Promise<CaseFile> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const id = uuidv7();
  await inTransaction(ctx, async (trx, hlc, now) => {
    await insertSynced(
      trx,
      'counseling_notes',
      {
        id,
        hlc,
        jobseeker_id: jobseeker.id,
        kind: input.kind,
        body: input.body,
        author_id: actor.userId,
        created_at: now,
        revision_of: null,
        revision: 1,
      },
      now,
    );
    await audit(trx, ctx, actor, 'note.create', { type: 'counseling-note', id, personId: jobseeker.id });
  });
  return loadCaseFile(ctx, jobseeker.id);
}

export async function reviseNote(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { noteId: string; kind: NoteKind; body: string },
): Promise<CaseFile> {
  const note = await getNoteRow(ctx.db, input.noteId);
  if (!note) throw notFound('notes.notFound');
  await requireCaseAccess(ctx.db, actor, note.jobseeker_id, 'notes.notFound');
  const owner = await getJobseekerRow(ctx.db, note.jobseeker_id);
  if (owner) await requireConsent(ctx.db, owner, 'required');
  const rootId = note.revision_of ?? note.id;
  const root = note.revision_of ? await getNoteRow(ctx.db, rootId) : note;
  // The author keeps their note; a supervisor may correct it. Either way the old text stays.
  if (root?.author_id !== actor.userId && actor.role !== 'supervisor') {
    throw new AppFailure({ code: 'forbidden', message: 'notes.notAuthor' });
  }
  const last = await lastRevision(ctx.db, rootId);
  const latest = await ctx.db
    .selectFrom('counseling_notes')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', rootId), eb('revision_of', '=', rootId)]))
    .where('revision', '=', last)
    .executeTakeFirstOrThrow();
  if (latest.id !== note.id) throw new AppFailure({ code: 'conflict', message: 'notes.staleRevision' });
  if (latest.body === input.body && latest.kind === input.kind)
    return unchangedRead(ctx, actor, note.jobseeker_id);
  const id = uuidv7();
  await inTransaction(ctx, async (trx, hlc, now) => {
    await insertSynced(
      trx,
      'counseling_notes',
      {
        id,
        hlc,
        jobseeker_id: note.jobseeker_id,
        kind: input.kind,
        body: input.body,
        author_id: actor.userId,
        created_at: now,
        revision_of: rootId,
        revision: last + 1,
      },
      now,
    );
    await audit(
      trx,
      ctx,
      actor,
      'note.revise',
      { type: 'counseling-note', id, personId: note.jobseeker_id },
      { revisionOf: rootId, revision: last + 1 },
    );
  });
  return loadCaseFile(ctx, note.jobseeker_id);
}

// ---- Competency record ----

function competencyRow(
  f: CompetencyFields,
  jobseekerId: string,
  actor: SessionInfo,
  hlc: string,
  now: string,
) {
  return {
    id: uuidv7(),
    hlc,
    jobseeker_id: jobseekerId,
    kind: f.kind,
    title: f.title,
    ncs_code: f.ncsCode,
    issuer: f.issuer,
    started_on: f.startedOn,
    ended_on: f.endedOn,
    hours: f.hours,
    grade: f.grade,
    source: f.source,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
}

export async function addCompetency(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; item: CompetencyFields },
): Promise<CaseFile> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const existing = toCompetency(await listCompetencyRows(ctx.db, jobseeker.id));
  if (existing.some((e) => competencyKey(e) === competencyKey(input.item))) {
    throw new AppFailure({ code: 'conflict', message: 'competency.duplicate' });
  }
  await inTransaction(ctx, async (trx, hlc, now) => {
    const row = competencyRow(input.item, jobseeker.id, actor, hlc, now);
    await insertSynced(trx, 'competency_items', row, now);
    await audit(trx, ctx, actor, 'competency.add', {
      type: 'competency-item',
      id: row.id,
      personId: jobseeker.id,
    });
  });
  return loadCaseFile(ctx, jobseeker.id);
}

/** The preview the counselor sees before importing: it compares the file with the person's record. */
export async function previewImport(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; format: ImportFormat; content: string },
): Promise<ImportPreview> {
  const preview = await compareImport(ctx, actor, input);
  await audit(
    ctx.db,
    ctx,
    actor,
    'competency.import-preview',
    { type: 'jobseeker', id: input.jobseekerId, personId: input.jobseekerId },
    { format: input.format, toAdd: preview.toAdd.length, errors: preview.errors.length },
  );
  return preview;
}

async function compareImport(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; format: ImportFormat; content: string },
): Promise<ImportPreview> {
  const jobseeker = await activeJobseeker(ctx, actor, input.jobseekerId);
  await requireConsent(ctx.db, jobseeker, 'required');
  const parsed = parseCompetencyFile(input.format, input.content);
  const seen = new Set(toCompetency(await listCompetencyRows(ctx.db, jobseeker.id)).map(competencyKey));
  const preview: ImportPreview = { toAdd: [], duplicates: [], errors: parsed.errors };
  for (const item of parsed.items) {
    const key = competencyKey(item.fields);
    if (seen.has(key)) preview.duplicates.push({ line: item.line, title: item.fields.title });
    else {
      seen.add(key);
      preview.toAdd.push(item);
    }
  }
  return preview;
}

/** All or nothing: any bad line refuses the whole file, and nothing is written. */
export async function importCompetency(
  ctx: ServiceContext,
  actor: SessionInfo,
  input: { jobseekerId: string; format: ImportFormat; content: string },
): Promise<{ added: number; skipped: number; caseFile: CaseFile }> {
  const preview = await compareImport(ctx, actor, input);
  if (preview.errors.length > 0) {
    throw new AppFailure({
      code: 'validation',
      message: 'competency.importRefused',
      field: 'content',
      issues: preview.errors.map((e) => ({
        field: `line:${e.line}${e.field ? `:${e.field}` : ''}`,
        message: e.message,
      })),
    });
  }
  await inTransaction(ctx, async (trx, hlc, now) => {
    for (const item of preview.toAdd) {
      await insertSynced(
        trx,
        'competency_items',
        competencyRow(item.fields, input.jobseekerId, actor, hlc, now),
        now,
      );
    }
    await audit(
      trx,
      ctx,
      actor,
      'competency.import',
      { type: 'jobseeker', id: input.jobseekerId, personId: input.jobseekerId },
      { format: input.format, added: preview.toAdd.length, skipped: preview.duplicates.length },
    );
  });
  return {
    added: preview.toAdd.length,
    skipped: preview.duplicates.length,
    caseFile: await loadCaseFile(ctx, input.jobseekerId),
  };
}

// ---- Certificate (직무능력 인정서) ----
