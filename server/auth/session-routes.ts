import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDb } from '../../db/server/connection.ts';
import { getServerCenter } from '../../db/server/repositories/accounts.ts';
import { deviceServesUser, getDevice, upsertDevice } from '../../db/server/repositories/devices.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';
import { checkCredentials } from './login.ts';
import { issueTokens, refreshSession } from './sessions.ts';

// POST /v1/auth/login and /v1/auth/refresh.

const loginBody = z
  .object({
    loginId: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    deviceId: z.string().uuid(),
    deviceName: z.string().trim().min(1).max(100),
  })
  .strict();
const refreshBody = z
  .object({ refreshToken: z.string().min(20).max(200), deviceId: z.string().uuid() })
  .strict();

export function registerSessionRoutes(app: FastifyInstance, o: { db: ServerDb; now: () => Date }): void {
  app.post('/v1/auth/login', async (req) => {
    const body = parseOr400(loginBody, req.body);
    const user = await checkCredentials(o.db, body.loginId, body.password, o.now());
    const existing = await getDevice(o.db, body.deviceId);
    // A shared PC: any account of the device's center may sign in on it (deviceServesUser).
    if (existing?.revoked_at)
      throw new HttpError(403, 'device-revoked', "This device has been revoked: ask your center's admin.");
    if (existing && !(await deviceServesUser(o.db, existing, user)))
      throw new HttpError(
        403,
        'device-other-center',
        "This PC belongs to another center: sign in on one of your own center's PCs.",
      );
    await upsertDevice(o.db, {
      id: body.deviceId,
      userId: user.id,
      name: body.deviceName,
      now: o.now().toISOString(),
    });
    const center = await getServerCenter(o.db, user.center_code);
    return {
      ...(await issueTokens(app, o.db, user, body.deviceId, null, o.now())),
      user: {
        id: user.id,
        loginId: user.login_id,
        displayName: user.display_name,
        role: user.role,
        centerCode: user.center_code,
        centerName: center?.name ?? user.center_code,
      },
    };
  });

  app.post('/v1/auth/refresh', async (req) => {
    const body = parseOr400(refreshBody, req.body);
    return refreshSession(app, o.db, body, o.now());
  });
}
