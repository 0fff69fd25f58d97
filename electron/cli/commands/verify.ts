import { AppFailure } from '../../../shared/contract/result.ts';
import { verifyCode } from '../../services/documents.ts';
import { openSignedIn } from '../open-store.ts';
import { CliError } from '../password.ts';

// `caseworker verify CODE`: is a competency certificate's or a 알선장's code genuine (issue 18 item 6)?
// The same look-up as the desk screen, audited the same way. Exit 0: genuine and in force; 1: unknown
// or revoked; 2: the look-up could not be made.

const KIND = {
  certificate: 'competency certificate (직무능력 인정서)',
  referral: 'referral letter (알선장)',
};
const REASON: Record<string, string> = {
  'documents.verify.itemsWithdrawn': 'an item it lists has since been withdrawn from the record',
  'documents.verify.referralCancelled': 'the referral was cancelled',
};

export async function verifyCommand(args: { data: string; user: string; code: string; json: boolean }) {
  const { store, session } = await openSignedIn(args.data, args.user);
  try {
    // As the desk's channel: counselors and supervisors (an admin keeps accounts, not cases).
    if (session.role === 'admin') throw new CliError('Only a counselor or a supervisor may verify codes.');
    const r = await verifyCode(store.context, session, args.code);
    if (args.json) console.log(JSON.stringify(r));
    else if (!r.found)
      console.log(`NOT GENUINE: no certificate or referral letter has the code ${args.code}`);
    else {
      console.log(`${r.revoked ? 'REVOKED' : 'GENUINE'}: ${r.kind ? KIND[r.kind] : ''}`);
      console.log(`  for       ${r.holder ?? '-'}`);
      console.log(`  issued    ${r.issuedAt ?? '-'} by ${r.centerName ?? '-'}`);
      if (r.revoked) console.log(`  revoked   ${REASON[r.revokedReason ?? ''] ?? 'yes'}`);
    }
    if (!r.found || r.revoked) process.exitCode = 1;
  } catch (e) {
    if (e instanceof AppFailure) throw new CliError(e.error.message);
    throw e;
  } finally {
    await store.close();
  }
}
