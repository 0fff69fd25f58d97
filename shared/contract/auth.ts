import { z } from 'zod';
import { channel, type Role } from './channel.ts';

export interface SessionInfo {
  userId: string;
  loginId: string;
  displayName: string;
  role: Role;
  centerCode: string;
  centerName: string;
}

export const loginInputSchema = z
  .object({
    loginId: z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong'),
    password: z.string().min(1, 'validation.required').max(256, 'validation.tooLong'),
  })
  .strict();

export const authChannels = {
  'auth:login': channel<SessionInfo>()({ surface: 'desk', access: 'public', input: loginInputSchema }),
  'auth:logout': channel<null>()({
    surface: 'desk',
    access: ['counselor', 'supervisor', 'admin'],
    input: z.object({}).strict(),
  }),
  'auth:session': channel<SessionInfo | null>()({
    surface: 'desk',
    access: 'public',
    input: z.object({}).strict(),
  }),
};
