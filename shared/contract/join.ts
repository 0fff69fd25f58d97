import { z } from 'zod';
import { channel } from './channel.ts';

// Joining a server (issue #19 item 1): an admin of the server's center pairs this desktop's accounts
// with the server's by login id, sees what stops the join, and confirms (electron/services/join/).

export interface JoinPlanView {
  serverCenter: { code: string; name: string };
  localCenter: { code: string; name: string };
  pairs: Array<{
    loginId: string;
    localRole: string;
    serverRole: string;
    serverActive: boolean;
    records: number;
  }>;
  localOnly: Array<{ loginId: string; role: string; records: number }>;
  serverOnly: Array<{ loginId: string; role: string }>;
  /** What stops the join, each with what to do (English, from the service). Empty: it may go ahead. */
  problems: string[];
  /** The same problems as codes with their figures, for the screen to say in the user's language. */
  problemDetails: JoinProblem[];
  joined: boolean;
}

/** One thing that stops a join; the screen words it (i18n `join.problem.<code>`), the CLI in English. */
export type JoinProblem =
  | { code: 'alreadyJoined'; server: string }
  | { code: 'alreadySyncing'; server: string }
  | {
      code: 'regionMismatch';
      localCenter: string;
      localSido: string;
      serverCenter: string;
      serverSido: string;
    }
  | { code: 'missingAccount'; loginId: string; role: string; records: number; center: string }
  | { code: 'deactivated'; loginId: string; records: number }
  | { code: 'adminOnServer'; loginId: string; role: string; records: number }
  | { code: 'noSupervisor' };

export interface JoinResultView {
  plan: JoinPlanView;
  /** Null when nothing was done (problems). */
  done: null | {
    queued: number;
    keptLocal: number;
    pushed: number;
    refused: number;
    review: number;
    pulled: number;
  };
}

const joinInput = z
  .object({
    server: z.string().trim().min(1, 'validation.required').max(2048),
    loginId: z.string().trim().min(1, 'validation.required').max(64),
    password: z.string().min(1, 'validation.required').max(256),
  })
  .strict();

export const joinChannels = {
  'join:plan': channel<JoinPlanView>()({ surface: 'desk', access: ['admin'], input: joinInput }),
  'join:apply': channel<JoinResultView>()({ surface: 'desk', access: ['admin'], input: joinInput }),
};
