import { checkChain, purgeExpired } from '../../services/audit-trail.ts';
import { openSignedIn } from '../open-store.ts';
import { CliError } from '../password.ts';

// `caseworker audit verify` and `caseworker audit purge` (domain.md §10): the same checks and purge as
// the supervisor screen's buttons, for IT staff and scripts. A broken chain prints the first broken link
// and exits 1; bad arguments or a refused sign-in exit 2 like every other command.

const KEEPERS = new Set(['supervisor', 'admin']);

const REASONS = {
  link: 'the entry before it is missing or was changed',
  content: 'the entry was changed after it was written',
} as const;

async function signedInKeeper(data: string, user: string) {
  const opened = await openSignedIn(data, user);
  if (!KEEPERS.has(opened.session.role)) {
    await opened.store.close();
    throw new CliError('Only a supervisor or an admin may check or purge the audit trail.');
  }
  return opened;
}

export async function auditVerifyCommand(args: { data: string; user: string; json: boolean }): Promise<void> {
  const { store, session } = await signedInKeeper(args.data, args.user);
  try {
    const report = await checkChain(store.context, session);
    if (args.json) console.log(JSON.stringify(report));
    else if (report.ok)
      console.log(
        `audit chain intact: ${report.count} entries checked` +
          (report.purgedGaps > 0
            ? `, ${report.purgedGaps} gaps left by the retention purge, each anchored`
            : '') +
          (report.awaiting
            ? `, ${report.awaiting} entries of other desktops waiting for an earlier one still to arrive by sync (not tampering)`
            : ''),
      );
    if (report.broken) {
      const b = report.broken;
      if (!args.json)
        console.error(
          `caseworker: audit chain broken at entry ${b.position} (id ${b.id}, ${b.at}, device ${b.deviceId}, seq ${b.seq}): ${REASONS[b.reason]}`,
        );
      process.exitCode = 1;
    }
  } finally {
    await store.close();
  }
}

export async function auditPurgeCommand(args: { data: string; user: string }): Promise<void> {
  const { store, session } = await signedInKeeper(args.data, args.user);
  try {
    const r = await purgeExpired(store.context, session);
    console.log(
      `purged ${r.purged} expired audit entries (before ${r.horizon}; account changes before ${r.accessHorizon}), ${r.anchors} anchors left`,
    );
  } finally {
    await store.close();
  }
}
