import type { Migration } from '../../migrations/types.ts';
import { migration as m0001 } from './0001_accounts_devices.ts';
import { migration as m0002 } from './0002_sync.ts';
import { migration as m0003 } from './0003_scope_checksums.ts';
import { migration as m0004 } from './0004_review_lifecycle.ts';
import { migration as m0005 } from './0005_account_security.ts';
import { migration as m0006 } from './0006_push_payload_hash.ts';
import { migration as m0007 } from './0007_clock_flags_audit_chain.ts';
import { migration as m0008 } from './0008_audit_owner.ts';
import { migration as m0009 } from './0009_device_escrow.ts';
import { migration as m0010 } from './0010_case_merges.ts';
import { migration as m0011 } from './0011_blobs.ts';

/** The server's migrations, in order; append only, frozen once landed (see db/migrations/index.ts). */
export const serverMigrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_accounts_devices', m0001],
  ['0002_sync', m0002],
  ['0003_scope_checksums', m0003],
  ['0004_review_lifecycle', m0004],
  ['0005_account_security', m0005],
  ['0006_push_payload_hash', m0006],
  ['0007_clock_flags_audit_chain', m0007],
  ['0008_audit_owner', m0008],
  ['0009_device_escrow', m0009],
  ['0010_case_merges', m0010],
  ['0011_blobs', m0011],
];

export const SERVER_SCHEMA_VERSION = serverMigrations.length;
