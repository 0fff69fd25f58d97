import type { Generated } from 'kysely';

// What every synced table of the store shares (see db/schema.ts): booleans as INTEGER 0/1, and the
// client-made id, the server's sequence number and the hybrid logical clock time.

export type Bool = number;

export interface Synced {
  id: string;
  seq: Generated<number>;
  hlc: string;
}
