// The little of PouchDB and express-pouchdb the sync benchmark uses (they ship no types of their own).

declare module 'pouchdb-core' {
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
  }
  export interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    replicate: {
      from(
        source: PouchDatabase,
        options?: { batch_size?: number; batches_limit?: number },
      ): Promise<ReplicationResult>;
    };
    close(): Promise<void>;
  }
  export interface PouchStatic {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: { adapter?: string }): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { Server } from 'node:http';
  import type { PouchStatic } from 'pouchdb-core';
  interface App {
    listen(port: number, host: string, callback?: () => void): Server;
  }
  export default function expressPouchDB(
    pouch: PouchStatic,
    options?: { mode?: string; inMemoryConfig?: boolean; logPath?: string },
  ): App;
}
