import { openServerDb } from '../../db/server/connection.ts';
import { buildServer } from '../../server/app.ts';

// The push-checks benchmark's server, in its own process as in production: the real app with the push
// checks on, or (`off`) without them, which only a benchmark may ask for (server/app.ts
// `validatePushes`). Usage: node tests/bench/push-server.ts DB_URL on|off

const [dbUrl, checks] = process.argv.slice(2);
if (!dbUrl || (checks !== 'on' && checks !== 'off')) {
  console.error('usage: node tests/bench/push-server.ts DB_URL on|off');
  process.exit(2);
}
const opened = await openServerDb(dbUrl);
const app = await buildServer({ db: opened.db, dialect: opened.dialect, validatePushes: checks === 'on' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.error(`push-server (checks ${checks}): listening on ${address}`);
const stop = () => {
  void app
    .close()
    .then(() => opened.close())
    .finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
