import { hostname } from 'node:os';
import type { JoinPlanView, joinChannels } from '../../../shared/contract/join.ts';
import { AppFailure } from '../../../shared/contract/result.ts';
import { JoinRefused, joinPlan, joinServer } from '../join/join.ts';
import type { JoinPlan } from '../join/plan.ts';
import { configuredCa } from '../server-trust.ts';
import { SyncClient, SyncError } from '../sync/client.ts';
import { startDesktopSync } from '../sync/start.ts';
import { checkServerUrl, httpTransport, InsecureServerError, OfflineError } from '../sync/transport.ts';
import type { CallContext, HandlerMap } from './types.ts';

// Settings › Join a server (admins): the same join as `caseworker join`, the plan first, then the join
// once the admin confirms it on the screen.

function view(plan: JoinPlan): JoinPlanView {
  return {
    serverCenter: { code: plan.serverCenter.code, name: plan.serverCenter.name },
    localCenter: { code: plan.localCenter.code, name: plan.localCenter.name },
    pairs: plan.pairs.map((p) => ({
      loginId: p.loginId,
      localRole: p.localRole,
      serverRole: p.serverRole,
      serverActive: p.serverActive,
      records: p.records,
    })),
    localOnly: plan.localOnly.map((l) => ({ loginId: l.loginId, role: l.role, records: l.records })),
    serverOnly: plan.serverOnly,
    problems: plan.problems,
    problemDetails: plan.problemDetails,
    joined: plan.joined,
  };
}

async function clientFor(call: CallContext, server: string): Promise<{ client: SyncClient; url: string }> {
  let url: string;
  try {
    url = checkServerUrl(server).toString();
  } catch (error) {
    if (error instanceof InsecureServerError)
      throw new AppFailure({ code: 'validation', message: 'join.errors.insecure', field: 'server' });
    throw new AppFailure({ code: 'validation', message: 'join.errors.url', field: 'server' });
  }
  const ca = await configuredCa(call.services);
  return { client: new SyncClient(call.services, httpTransport(url, { ca })), url };
}

/** The server's refusals as the screen names them (its own sentence where no key fits). */
function named(error: unknown): never {
  if (error instanceof OfflineError)
    throw new AppFailure({ code: 'unavailable', message: 'join.errors.offline' });
  if (error instanceof JoinRefused)
    throw new AppFailure({ code: 'forbidden', message: 'join.errors.notAdmin', field: 'loginId' });
  if (error instanceof SyncError) {
    if (error.status === 401)
      throw new AppFailure({ code: 'unauthenticated', message: 'join.errors.signIn', field: 'password' });
    throw new AppFailure({ code: 'conflict', message: error.message });
  }
  throw error;
}

export const joinHandlers: HandlerMap<keyof typeof joinChannels> = {
  'join:plan': async ({ server, loginId, password }, call) => {
    const { client, url } = await clientFor(call, server);
    try {
      const { plan } = await joinPlan(call.services, client, url, {
        loginId,
        password,
        deviceName: hostname(),
      });
      return view(plan);
    } catch (error) {
      return named(error);
    }
  },
  'join:apply': async ({ server, loginId, password }, call) => {
    const { client, url } = await clientFor(call, server);
    try {
      const outcome = await joinServer(
        call.services,
        client,
        url,
        { loginId, password, deviceName: hostname() },
        // The admin confirmed the plan on the screen (join:plan) before asking for this.
        () => Promise.resolve(true),
      );
      if (!outcome.counts) return { plan: view(outcome.plan), done: null };
      // This PC syncs with the server from now on: remembered, the escrow enrolled, the loop started.
      const gate = call.gate;
      gate?.saveServerUrl(url);
      await gate?.ensureEscrow();
      if (gate?.store && !call.services.sync)
        startDesktopSync(gate.store, url, () => gate.snapshotWriter(), await configuredCa(call.services));
      return {
        plan: view(outcome.plan),
        done: {
          queued: outcome.applied?.queued ?? 0,
          keptLocal: outcome.applied?.keptLocal ?? 0,
          ...outcome.counts,
        },
      };
    } catch (error) {
      return named(error);
    }
  },
};
