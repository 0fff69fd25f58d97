import { countRecords } from '../../../db/repositories/stats.ts';
import { openSignedIn } from '../open-store.ts';

export async function statsCommand(args: { data: string; user: string; json: boolean }): Promise<void> {
  const { store } = await openSignedIn(args.data, args.user);
  try {
    const counts = await countRecords(store.db);
    if (args.json) console.log(JSON.stringify(counts));
    else for (const [key, value] of Object.entries(counts)) console.log(`${key.padEnd(20)} ${value}`);
  } finally {
    await store.close();
  }
}
