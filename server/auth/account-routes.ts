import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDb } from '../../db/server/connection.ts';
import { getServerUser, listServerUsers } from '../../db/server/repositories/accounts.ts';
import type { Caller } from './caller.ts';
import { AdminInputError } from '../admin.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { applyAccountChange, authorizeAccountChange, type AccountChange } from './account-changes.ts';

// GET /v1/users, and POST /v1/users/:id/unlock | reset-password | deactivate | reactivate | role: the server commands of
// `caseworker-server user …` for supervisors (their center's counselors) and admins (their center's
// accounts; only admins change roles). Each change is audited on the server (account_audit).

const idParam = z.object({ id: z.string().uuid() }).strict();
const noBody = z.object({}).strict();
const passwordBody = z.object({ password: z.string().min(1).max(256) }).strict();
const roleBody = z.object({ role: z.enum(['counselor', 'supervisor', 'admin']) }).strict();

const ACTIONS = ['unlock', 'reset-password', 'deactivate', 'reactivate', 'role'] as const;

function changeFrom(action: (typeof ACTIONS)[number], body: unknown): AccountChange {
  switch (action) {
    case 'reset-password':
      return { action, password: parseOr400(passwordBody, body).password };
    case 'role':
      return { action, role: parseOr400(roleBody, body).role };
    default:
      parseOr400(noBody, body);
      return { action };
  }
}

export function registerAccountRoutes(
  app: FastifyInstance,
  o: { db: ServerDb; now: () => Date; authenticate: (req: FastifyRequest) => Promise<Caller> },
): void {
  // The accounts a caller may change, with whether each is locked now: how a supervisor learns that a
  // counselor is locked out (the sign-in answer itself never says so) and finds the id to unlock.
  app.get('/v1/users', async (req) => {
    const caller = await authenticate(req);
    if (caller.role === 'counselor')
      throw new HttpError(403, 'forbidden', 'Only a supervisor or an admin may list accounts.');
    const now = o.now();
    const rows = await listServerUsers(o.db, caller.centerCode);
    return {
      users: rows
        .filter((u) => caller.role === 'admin' || u.role === 'counselor')
        .map((u) => ({
          id: u.id,
          loginId: u.login_id,
          displayName: u.display_name,
          role: u.role,
          active: u.active === 1,
          lockedUntil: u.locked_until && new Date(u.locked_until) > now ? u.locked_until : null,
        })),
    };
  });

  for (const action of ACTIONS) {
    app.post(`/v1/users/:id/${action}`, async (req) => {
      const caller = await authenticate(req);
      const { id } = parseOr400(idParam, req.params);
      const change = changeFrom(action, req.body);
      const actor = {
        kind: 'user' as const,
        userId: caller.userId,
        loginId: caller.loginId,
        role: caller.role,
        centerCode: caller.centerCode,
        deviceId: caller.deviceId,
      };
      const target = authorizeAccountChange(actor, await getServerUser(o.db, id), change);
      try {
        await applyAccountChange(o.db, actor, target, change, o.now());
      } catch (error) {
        if (error instanceof AdminInputError) throw new HttpError(400, 'validation', error.message);
        throw error;
      }
      return { id, action };
    });
  }

  async function authenticate(req: FastifyRequest): Promise<Caller> {
    return o.authenticate(req);
  }
}
