import { parentPort } from 'node:worker_threads';

import { type Chunk, outlineChunk } from './chunks.js';

/** A request from {@link buildOutlineInParallel}: outline this chunk. */
export interface ChunkRequest {
  id: number;
  chunk: Chunk;
}

// Each message is one chunk; its tree is dropped before the answer goes
// back, so a worker holds at most one chunk's tree at a time.
parentPort?.on('message', ({ id, chunk }: ChunkRequest) => {
  parentPort?.postMessage({ id, outline: outlineChunk(chunk) });
});
