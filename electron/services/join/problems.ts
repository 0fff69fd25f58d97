import type { JoinProblem } from '../../../shared/contract/join.ts';

// The English wording of what stops a join, each with what to do: the command line prints it and the
// tests read it. The screen says the same from the problem's code in the user's language
// (renderer/src/i18n/join.*.json, `join.problem.<code>`).

export function describeJoinProblem(p: JoinProblem): string {
  switch (p.code) {
    case 'alreadyJoined':
      return `This desktop already joined ${p.server}; it cannot join a second server.`;
    case 'alreadySyncing':
      return `This desktop already syncs with ${p.server} through its own accounts; there is nothing to join.`;
    case 'regionMismatch':
      return (
        `This desktop's center (${p.localCenter}) is in region ${p.localSido}, the server's center ` +
        `(${p.serverCenter}) in region ${p.serverSido}: join with an admin of a center in the same region.`
      );
    case 'missingAccount':
      return (
        `${p.loginId} (${p.role}) has ${p.records} records here but no account on the server: create it ` +
        `there (caseworker-server user add --id ${p.loginId} --role ${p.role} --center ${p.center} …), then join again.`
      );
    case 'deactivated':
      return (
        `${p.loginId} is deactivated on the server but has ${p.records} records here: reactivate it there ` +
        `(caseworker-server user reactivate --id ${p.loginId}), then join again.`
      );
    case 'adminOnServer':
      return (
        `${p.loginId} is a ${p.role} here but an admin on the server, and admins write no case records: ` +
        `give the account its role on the server (caseworker-server user role --id ${p.loginId} --role ${p.role}), then join again.`
      );
    case 'noSupervisor':
      return (
        "No active supervisor account of the server is paired with one here: the center's cases and " +
        "employers are added in a supervisor's name. Create or reactivate one on the server with a login id " +
        'this desktop has, then join again.'
      );
  }
}
