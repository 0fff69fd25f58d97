import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

// Local writes as an event (sync.md § Model: a local write starts a push within seconds). Every change
// that must reach the server inserts an outbox row in its own transaction, whatever path made it (the
// desk's services, the command line, an import); a TEMP trigger on this connection calls back into
// the process for each such insert, so the sync scheduler learns of writes without polling the store.
// Audit entries are left out: a read of a case writes one, and a read is not a change to hurry with
// (they ride along with the next push). TEMP objects live on this connection only: another connection
// to the same file (a download's worker thread) neither fires nor needs it.
//
// The trigger runs inside the writing transaction; listeners are called afterwards (next turn of the
// event loop, once per burst), never inside SQLite. A transaction that rolls back may still have
// announced itself: the push that follows finds nothing new, which is harmless.

const FUNCTION = 'caseworker_local_write';

export interface LocalWrites {
  /** Calls `listener` after local writes (at most once per turn of the event loop); returns an unsubscribe. */
  onLocalWrite(listener: () => void): () => void;
}

export function watchLocalWrites(raw: BetterSqlite3.Database): LocalWrites {
  const listeners = new Set<() => void>();
  let queued = false;
  const announce = () => {
    queued = false;
    for (const l of listeners) {
      try {
        l();
      } catch {
        // A listener's failure must never reach the writer.
      }
    }
  };
  raw.function(FUNCTION, { deterministic: false, varargs: false }, () => {
    if (!queued && listeners.size > 0) {
      queued = true;
      setImmediate(announce);
    }
    return null;
  });
  raw.exec(`
    drop trigger if exists temp.outbox_local_write;
    create temp trigger outbox_local_write after insert on main.outbox
      when new.table_name != 'audit_entries'
      begin select ${FUNCTION}(); end;
  `);
  return {
    onLocalWrite(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
