import type { PushWork } from './push-work.ts';

// The accounts and centers a push's checks look up (who a case may be assigned to, which centers
// exist), read once per request and kept with its PushWork: a batch of 500 changes to one center's
// cases reads its staff once.

interface Staff {
  id: string;
  role: 'counselor' | 'supervisor' | 'admin';
  centerCode: string;
  active: boolean;
}

const cache = new WeakMap<PushWork, Map<string, Promise<Staff | null>>>();

export function userOf(work: PushWork, id: string): Promise<Staff | null> {
  let users = cache.get(work);
  if (!users) {
    users = new Map<string, Promise<Staff | null>>();
    cache.set(work, users);
  }
  let found = users.get(id);
  if (!found) {
    found = work.trx
      .selectFrom('users')
      .select(['id', 'role', 'center_code', 'active'])
      .where('id', '=', id)
      .executeTakeFirst()
      .then((u) =>
        u ? { id: u.id, role: u.role, centerCode: u.center_code, active: u.active === 1 } : null,
      );
    users.set(id, found);
  }
  return found;
}

/** An active counselor or supervisor of the center: whom its cases may be assigned to. */
export async function isCaseStaff(work: PushWork, id: string, centerCode: string | null): Promise<boolean> {
  const u = await userOf(work, id);
  return !!u && u.active && u.role !== 'admin' && u.centerCode === centerCode;
}
