import type { AccessClaims } from './tokens.ts';

/**
 * Who is calling, from a verified access token (app.ts `authenticate`): what every authenticated route
 * is given. Its own file so route modules that app.ts registers do not import app.ts back.
 */
export interface Caller {
  userId: string;
  loginId: string;
  deviceId: string;
  role: AccessClaims['role'];
  centerCode: string;
  /** The center's 시도: the region whose employers and openings the caller sees. */
  region: string;
}
