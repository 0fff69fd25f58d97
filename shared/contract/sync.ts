import { z } from 'zod';
import { channel } from './channel.ts';

// The sync status the desk shows at all times (sync.md § Model): online or offline, last successful
// sync, pending changes, refused changes with the reason and what to do, and open review items.

export interface RefusedChange {
  clientSeq: number;
  table: string;
  rowId: string;
  reason: string;
  createdAt: string;
}

export interface SyncStatus {
  /** False on a desktop with no server: it works offline only. */
  configured: boolean;
  online: boolean;
  running: boolean;
  lastSuccess: string | null;
  lastError: string | null;
  nextAttempt: string | null;
  pending: number;
  refused: RefusedChange[];
  openReviews: number;
}

const ALL_ROLES = ['counselor', 'supervisor', 'admin'] as const;

export const syncChannels = {
  'sync:status': channel<SyncStatus>()({
    surface: 'desk',
    access: ALL_ROLES,
    background: true,
    input: z.object({}).strict(),
  }),
  'sync:now': channel<SyncStatus>()({ surface: 'desk', access: ALL_ROLES, input: z.object({}).strict() }),
};
