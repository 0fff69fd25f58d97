import { z } from 'zod';
import { channel, type Role } from './channel.ts';

export interface SessionInfo {
  userId: string;
  loginId: string;
  displayName: string;
  role: Role;
  centerCode: string;
  centerName: string;
  /** Idle too long: the screen shows no personal data until the password is given again. */
  locked?: boolean;
  /** Main's clock at the user's last activity (ms), for the idle lock enforced in main. */
  lastActiveAt?: number;
  /** This PC's idle time before the session locks, in minutes. */
  idleLockMinutes?: number;
}

export interface SetupInput {
  centerCode: string;
  centerName: string;
  sido: string;
  loginId: string;
  displayName: string;
  password: string;
}

export const loginInputSchema = z
  .object({
    loginId: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
    password: z.string().min(1, 'validation.required').max(256, 'validation.tooLong'),
  })
  .strict();

export const unlockInputSchema = z
  .object({ password: z.string().min(1, 'validation.required').max(256, 'validation.tooLong') })
  .strict();

export const setupInputSchema = z
  .object({
    centerCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{2,12}$/, 'setup.centerCodeFormat'),
    centerName: z.string().trim().min(2, 'validation.required').max(60, 'validation.tooLong'),
    sido: z.string().regex(/^\d{2}$/, 'validation.required'),
    loginId: z.string().trim().min(3, 'validation.required').max(32, 'validation.tooLong'),
    displayName: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
    password: z.string().min(1, 'validation.required').max(256, 'validation.tooLong'),
  })
  .strict();

const ALL_ROLES = ['counselor', 'supervisor', 'admin'] as const;
const none = z.object({}).strict();

export const authChannels = {
  'auth:login': channel<SessionInfo>()({
    surface: 'desk',
    access: 'public',
    beforeUnlock: true,
    input: loginInputSchema,
  }),
  'auth:logout': channel<null>()({ surface: 'desk', access: ALL_ROLES, whileLocked: true, input: none }),
  'auth:session': channel<SessionInfo | null>()({
    surface: 'desk',
    access: 'public',
    beforeUnlock: true,
    whileLocked: true,
    input: none,
  }),
  /** First-run setup on a desktop without a server: the center and its first admin. */
  'auth:setup': channel<SessionInfo>()({
    surface: 'desk',
    access: 'public',
    beforeUnlock: true,
    input: setupInputSchema,
  }),
  /** The screen went idle (or the user locked it): personal data leaves the screen. */
  'auth:lock': channel<SessionInfo>()({ surface: 'desk', access: ALL_ROLES, whileLocked: true, input: none }),
  'auth:unlock': channel<SessionInfo>()({
    surface: 'desk',
    access: ALL_ROLES,
    whileLocked: true,
    input: unlockInputSchema,
  }),
  /** The user is working (typing, scrolling) without calling anything: keeps main's idle clock fresh. */
  'auth:activity': channel<null>()({ surface: 'desk', access: ALL_ROLES, input: none }),
};
