import { getCenter } from '../../../db/repositories/centers.ts';
import { appendOutbox, nextHlc } from '../../../db/repositories/outbox.ts';
import type { SessionInfo } from '../../../shared/contract/auth.ts';
import { rule } from '../../../shared/contract/messages.ts';
import type { ProgrammeFiguresView } from '../../../shared/contract/programmes.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { CURRENT_CATALOGUE } from '../../../shared/programmes/catalogue.ts';
import {
  adjustableFigures,
  centerFiguresFrom,
  checkCenterFigures,
  withCenterFigures,
  type CenterFigures,
} from '../../../shared/programmes/center-figures.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { auditAction } from '../synced-writes.ts';

// The center's own values of the catalogue's figures (issue 17 item 1), kept in the center's settings JSON
// (synced like the kiosk settings) and set by the center's admins and supervisors within each figure's
// min–max. A value outside is refused with the limits in the message; a value equal to the catalogue's is
// stored as none, so a later edition's value applies.

export async function centerFigures(ctx: ServiceContext, centerCode: string): Promise<CenterFigures> {
  return centerFiguresFrom((await getCenter(ctx.db, centerCode))?.settings);
}

export async function getProgrammeFigures(
  ctx: ServiceContext,
  actor: SessionInfo,
): Promise<ProgrammeFiguresView> {
  const own = await centerFigures(ctx, actor.centerCode);
  const names = new Map(CURRENT_CATALOGUE.programmes.map((p) => [p.code, p]));
  return {
    catalogueVersion: CURRENT_CATALOGUE.version,
    figures: adjustableFigures().map((f) => ({
      key: f.key,
      programme: f.programme,
      programmeKo: names.get(f.programme)?.ko ?? f.programme,
      programmeEn: names.get(f.programme)?.en ?? f.programme,
      path: [...f.path],
      catalogueValue: f.figure.value,
      min: f.figure.min ?? f.figure.value,
      max: f.figure.max ?? f.figure.value,
      toConfirm: f.figure.toConfirm,
      centerValue: own[f.key] ?? null,
    })),
  };
}

export async function saveProgrammeFigures(
  ctx: ServiceContext,
  actor: SessionInfo,
  figures: CenterFigures,
): Promise<ProgrammeFiguresView> {
  const problem = checkCenterFigures(figures)[0];
  if (problem)
    throw new AppFailure({
      code: 'validation',
      message:
        problem.problem === 'range'
          ? rule('programmes.figuresRange', { min: problem.min ?? 0, max: problem.max ?? 0 })
          : 'programmes.figuresUnknown',
      field: problem.key,
    });
  const center = await getCenter(ctx.db, actor.centerCode);
  if (!center) throw new AppFailure({ code: 'not-found', message: 'settings.noCenter' });
  const defaults = new Map(adjustableFigures().map((f) => [f.key, f.figure.value]));
  const kept = Object.fromEntries(Object.entries(figures).filter(([k, v]) => defaults.get(k) !== v));
  const json = withCenterFigures(center.settings, kept);
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hlc = await nextHlc(trx, ctx.deviceId, ctx.now().getTime());
    await trx
      .updateTable('centers')
      .set({ settings: json, hlc, updated_at: now })
      .where('code', '=', center.code)
      .execute();
    await appendOutbox(trx, {
      table: 'centers',
      rowId: center.code,
      op: 'update',
      fields: { settings: json },
      hlc,
      baseSeq: Number(center.seq),
      createdAt: now,
    });
    await auditAction(trx, ctx, actor, {
      action: 'settings.programmes.save',
      subjectType: 'center',
      subjectId: center.code,
      detail: { figures: kept },
    });
  });
  return getProgrammeFigures(ctx, actor);
}
