import { writeFileSync } from 'node:fs';
import { buildOutboxDocument } from '../../services/sync/outbox-export.ts';
import { openSignedIn } from '../open-store.ts';
import { CliError } from '../password.ts';

// `caseworker sync --data DIR --user ID --export-outbox FILE`: every change of this desktop that is not
// on the server (pending and refused) into one JSON file for a supervisor, without contacting the
// server (a revoked device cannot). Nothing leaves the outbox; the export is audited with its purpose.

export async function exportOutboxCommand(args: {
  data: string;
  user: string;
  file: string;
  purpose: string;
}): Promise<void> {
  const { store, session } = await openSignedIn(args.data, args.user);
  try {
    const doc = await buildOutboxDocument(store.context, session, args.purpose);
    try {
      // Owner-only, and never over an existing file (an earlier export must not be lost either).
      writeFileSync(args.file, JSON.stringify(doc, null, 2), { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new CliError(
        code === 'EEXIST'
          ? `${args.file} exists already; give a new file name.`
          : `Cannot write ${args.file}.`,
      );
    }
    console.log(
      `exported ${doc.entries.length} unsent change${doc.entries.length === 1 ? '' : 's'} to ${args.file}`,
    );
  } finally {
    await store.close();
  }
}
