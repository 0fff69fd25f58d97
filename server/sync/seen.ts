import type { FieldMeta, SyncCaller } from './rows.ts';

// Whether the editor of a decisive field had seen its current value (sync.md § Conflicts: decisive
// edits are concurrent when the editor had not seen the other; § Clocks: that is decided by base_seq).
//
// base_seq alone says too little for a desktop's own successive edits: a supervisor who reassigns a case
// to A and then to B while offline sends two outbox entries with the same stale base_seq, and the second
// would find the field changed "after" its base by the first, opening a review item with the same person
// on both sides. So a value is also seen when it was last written by the same person through the same
// device. That is sound because a device's outbox is applied in client_seq order, in the order it was
// written there: any value this device put on the server was on its own screen before every later entry
// it sends. Only the field's latest writer counts: if someone else changed the field after this device's
// earlier write, that change was not seen and the edit is a conflict as before.
//
// Both must match: the same person on another device had not seen the change (their laptop was offline
// with the old value), which sync.md makes a concurrent edit; another person on the same device is
// another author. Author and device come from the access token, never from the payload, so nobody can
// claim another person's or device's writes as seen. Values written before the device was recorded
// (older field_meta entries without one) are never "seen" this way: the old, stricter rule applies.
export function editorHadSeen(current: FieldMeta, caller: SyncCaller, baseSeq: number): boolean {
  if (current.seq <= baseSeq) return true;
  return (
    current.device !== undefined && current.device === caller.deviceId && current.author === caller.userId
  );
}
