import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDb } from '../../db/server/connection.ts';
import { getDevice } from '../../db/server/repositories/devices.ts';
import { getEscrow, insertEscrow, noteRelease } from '../../db/server/repositories/escrow.ts';
import type { Caller } from './caller.ts';
import { HttpError, parseOr400 } from '../http-errors.ts';

// Store-key escrow for shared PCs (issue #19 item 2; server/README.md § Shared PCs).
//
// POST /v1/devices/:id/escrow          the device enrols: its public key and the secret its store key
//                                      is sealed under (on the device only)
// POST /v1/devices/:id/escrow/release  the secret again, sealed to the device's public key
//
// Both only from the device itself (the access token's device), never revoked (authenticate refuses
// it first, and it is checked again here), and for a user of the device's center.

const idParam = z.object({ id: z.string().uuid() }).strict();
const enrolBody = z
  .object({
    publicKey: z.string().min(100).max(2000),
    secret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64'),
  })
  .strict();

export const ESCROW_ERRORS = {
  wrongDevice: 'escrow-wrong-device',
  otherCenter: 'escrow-other-center',
  missing: 'escrow-missing',
  exists: 'escrow-exists',
  badKey: 'escrow-bad-key',
} as const;

export function registerEscrowRoutes(
  app: FastifyInstance,
  o: { db: ServerDb; now: () => Date; authenticate: (req: FastifyRequest) => Promise<Caller> },
): void {
  /** The caller, signed in on the very device named in the path, which is not revoked. */
  async function onOwnDevice(req: FastifyRequest): Promise<{ caller: Caller; deviceId: string }> {
    const caller = await o.authenticate(req);
    const { id } = parseOr400(idParam, req.params);
    // A forged device id: the token says which device signed in, and only that one is answered.
    if (caller.deviceId !== id)
      throw new HttpError(
        403,
        ESCROW_ERRORS.wrongDevice,
        'A device can enrol or recover only its own store key: sign in on that PC.',
      );
    const device = await getDevice(o.db, id);
    if (!device || device.revoked_at)
      throw new HttpError(
        403,
        'device-revoked',
        'This device has been revoked: its store key is not released.',
      );
    return { caller, deviceId: id };
  }

  app.post('/v1/devices/:id/escrow', async (req) => {
    const { caller, deviceId } = await onOwnDevice(req);
    const body = parseOr400(enrolBody, req.body);
    let pem: string;
    try {
      const key = createPublicKey(body.publicKey);
      if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
        throw new Error('not RSA-2048');
      pem = key.export({ type: 'spki', format: 'pem' }).toString();
    } catch {
      throw new HttpError(
        400,
        ESCROW_ERRORS.badKey,
        'publicKey: must be an RSA public key of 2048 bits or more (SPKI PEM).',
      );
    }
    const inserted = await insertEscrow(o.db, {
      deviceId,
      centerCode: caller.centerCode,
      publicKey: pem,
      secret: body.secret,
      by: caller.userId,
      now: o.now().toISOString(),
    });
    if (!inserted) {
      const existing = await getEscrow(o.db, deviceId);
      // The same enrolment sent again (an answer lost on the way) is answered as the first was.
      if (existing?.public_key !== pem || existing.secret !== body.secret)
        throw new HttpError(
          409,
          ESCROW_ERRORS.exists,
          'This device already has its store key in escrow; it is never replaced. Revoke the device and set the PC up again to start over.',
        );
    }
    return { enrolled: deviceId };
  });

  app.post('/v1/devices/:id/escrow/release', async (req) => {
    const { caller, deviceId } = await onOwnDevice(req);
    const escrow = await getEscrow(o.db, deviceId);
    if (!escrow)
      throw new HttpError(
        404,
        ESCROW_ERRORS.missing,
        'No store key in escrow for this device: an account that already opens this PC must sign in online once first.',
      );
    if (escrow.center_code !== caller.centerCode)
      throw new HttpError(
        403,
        ESCROW_ERRORS.otherCenter,
        "This PC belongs to another center: only that center's accounts can open its store.",
      );
    const sealed = publicEncrypt(
      { key: escrow.public_key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(escrow.secret, 'base64'),
    );
    await noteRelease(o.db, deviceId, o.now().toISOString());
    return { sealed: sealed.toString('base64') };
  });
}
