import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerDb } from '../../db/server/connection.ts';
import { chunkBytes, dropChunks, recordChunk } from '../../db/server/repositories/blobs.ts';

// Where the server keeps attachment bytes (`--blob-dir`): in its database (the default: one backup holds
// everything, and PostgreSQL's TOAST stores a 1 MB chunk well), or in a folder (a center whose database
// should stay small; back the folder up with the database). Either way the chunks are recorded in
// `blob_chunks`, so "what has arrived" is one query, and a file is served chunk by chunk as it arrived.

export type BlobPlace = { kind: 'database' } | { kind: 'folder'; dir: string };

export interface BlobStore {
  put(sha256: string, n: number, bytes: Uint8Array, at: string): Promise<void>;
  get(sha256: string, n: number): Promise<Uint8Array | null>;
  drop(sha256: string): Promise<void>;
}

export function blobStore(db: ServerDb, place: BlobPlace): BlobStore {
  if (place.kind === 'database') {
    return {
      put: (sha256, n, bytes, at) => recordChunk(db, { sha256, n, size: bytes.length, bytes, at }),
      get: (sha256, n) => chunkBytes(db, sha256, n),
      drop: (sha256) => dropChunks(db, sha256),
    };
  }
  // Two levels (ab/abcdef…/n) keep a folder of many files listable.
  const folder = (sha256: string) => path.join(place.dir, sha256.slice(0, 2), sha256);
  return {
    async put(sha256, n, bytes, at) {
      const dir = folder(sha256);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written under a temporary name and renamed: a chunk file is whole or absent, never half.
      const tmp = path.join(dir, `${n}.${process.pid}.tmp`);
      await writeFile(tmp, bytes, { mode: 0o600 });
      await rename(tmp, path.join(dir, String(n)));
      await recordChunk(db, { sha256, n, size: bytes.length, bytes: null, at });
    },
    async get(sha256, n) {
      try {
        return await readFile(path.join(folder(sha256), String(n)));
      } catch {
        return null;
      }
    },
    async drop(sha256) {
      await dropChunks(db, sha256);
      await rm(folder(sha256), { recursive: true, force: true });
    },
  };
}
