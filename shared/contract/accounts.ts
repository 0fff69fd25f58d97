import { z } from 'zod';
import { channel, type Role } from './channel.ts';

// Accounts on a desktop without a server (domain.md §1: admins manage users). With a server the
// accounts come from it and these channels only list them. Role and permission changes are audit
// entries kept three years (§10).

export interface AccountView {
  id: string;
  loginId: string;
  displayName: string;
  role: Role;
  centerCode: string;
  active: boolean;
  /** Locked after failed sign-ins, until this time (or an admin's unlock). */
  lockedUntil: string | null;
  createdAt: string;
}

export interface AccountsView {
  accounts: AccountView[];
  /** With a sync server the accounts are managed there: the screen lists them read-only. */
  managedByServer: boolean;
}

const ADMIN = ['admin'] as const;
const role = z.enum(['counselor', 'supervisor', 'admin']);
const id = z.string().min(1).max(64);
const password = z.string().min(1, 'validation.required').max(256, 'validation.tooLong');

export const accountsChannels = {
  'accounts:list': channel<AccountsView>()({ surface: 'desk', access: ADMIN, input: z.object({}).strict() }),
  'accounts:create': channel<AccountView>()({
    surface: 'desk',
    access: ADMIN,
    input: z
      .object({
        loginId: z.string().trim().min(3, 'validation.required').max(32, 'validation.tooLong'),
        displayName: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
        role,
        password,
      })
      .strict(),
  }),
  'accounts:update': channel<AccountView>()({
    surface: 'desk',
    access: ADMIN,
    input: z
      .object({
        id,
        displayName: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong').optional(),
        role: role.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
  }),
  'accounts:unlock': channel<AccountView>()({
    surface: 'desk',
    access: ADMIN,
    input: z.object({ id }).strict(),
  }),
  /** Sets a new password (the person forgot theirs); their key copy on this PC is wrapped anew. */
  'accounts:resetPassword': channel<AccountView>()({
    surface: 'desk',
    access: ADMIN,
    input: z.object({ id, password }).strict(),
  }),
};
