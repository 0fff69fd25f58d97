import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';

// The well-known peer of the sync benchmark: a CouchDB-compatible PouchDB server (express-pouchdb, the
// core of pouchdb-server) holding its databases in memory, in its own process like our server. Run by
// sync.bench.ts as `node tests/bench/pouchdb-server.ts LOG_DIR`; says where it listens on stderr.

const logDir = process.argv[2] ?? '.';
const ServerPouch = PouchDB.plugin(memory).defaults({ adapter: 'memory' });
const app = expressPouchDB(ServerPouch, {
  // Only what replication needs (no Fauxton, no config file on disk).
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: join(logDir, 'pouchdb-server.log'),
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stderr.write(`pouchdb-server: listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
