import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import createDebug from 'debug';

import { DEFAULT_LIMITS } from '../input/limits.js';
import { assertNestingWithin } from '../input/nesting.js';
import type { PlanOutline, SourceFile } from '../model.js';
import {
  type Chunk,
  type ChunkOutline,
  mergeChunkOutlines,
  outlineChunk,
  splitAtCuts,
} from './chunks.js';
import { findCuts } from './cuts.js';
import type { ChunkRequest } from './outline-worker.js';
import { buildOutline } from './outline.js';

/**
 * Below this size one parse on this thread beats starting workers: on the
 * 2-core benchmark machine the crossover is between 0.9 and 2 MB (about
 * 20,000 and 50,000 lines).
 */
const PARALLEL_MIN_LENGTH = 1536 * 1024;

/**
 * Chunks smaller than this are merged with the next one. Small chunks
 * cost less to parse per character: micromark's event list and the
 * garbage collector's copying grow with the chunk. On the 100,000-line
 * benchmark plan 32 KB chunks took a fifth less CPU than 256 KB ones (a
 * sixteenth of the plan each, as before); 16 KB gained nothing more.
 */
const CHUNK_MIN_LENGTH = 32 * 1024;

const trace = createDebug('plan-audit:parse');

// Resolved from both src/plan (tests) and dist/plan: workers run the build.
const WORKER = new URL('../../dist/plan/outline-worker.js', import.meta.url);

// A parse makes many short-lived objects; a larger young generation lets
// fewer of them be promoted and traced again (about 10% less CPU here).
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

export interface OutlineOptions {
  /** Worker threads; 0 outlines the chunks one after another here. */
  threads?: number;
  /** Smallest chunk in characters; also cuts plans of any size (tests). */
  minChunkLength?: number;
  /** Told after each chunk, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The same outline as {@link buildOutline}, for large plans built from
 * chunks cut at level-1 headings: parsed in worker threads, each chunk's
 * tree freed once its sections and blocks are out. Small plans, and plans
 * without a safe cut, are parsed whole.
 */
export async function buildOutlineInParallel(
  file: SourceFile,
  options: OutlineOptions = {},
): Promise<PlanOutline> {
  const threads = options.threads ?? Math.min(availableParallelism(), 4);
  const forced = options.minChunkLength !== undefined;
  if (!forced && file.text.length < PARALLEL_MIN_LENGTH)
    return buildOutline(file);

  // The cheap nesting check runs on the whole text, as for one parse.
  assertNestingWithin(file, DEFAULT_LIMITS.maxDepth);
  const minLength = options.minChunkLength ?? CHUNK_MIN_LENGTH;
  const chunks = splitAtCuts(file.text, findCuts(file.text), minLength);
  if (chunks.length < 2) return buildOutline(file);

  const parts: (ChunkOutline | null)[] =
    threads === 0
      ? outlineHere(chunks, options.onProgress)
      : await outlineInWorkers(
          chunks,
          Math.min(threads, chunks.length),
          options.onProgress,
        ).catch((error: unknown) => {
          // A worker that cannot start (Node run with flags workers refuse,
          // such as --input-type, or too little memory for a thread) costs
          // speed, not the audit: the chunks are outlined here instead. An
          // error of the outline itself comes back here the same way.
          trace('worker threads failed (%s); parsing on this thread', error);
          return outlineHere(chunks, options.onProgress);
        });
  if (parts.some((part) => part === null)) return buildOutline(file);
  return mergeChunkOutlines(file, parts as ChunkOutline[]);
}

function outlineHere(
  chunks: Chunk[],
  onProgress?: OutlineOptions['onProgress'],
): (ChunkOutline | null)[] {
  return chunks.map((chunk, index) => {
    const outline = outlineChunk(chunk);
    onProgress?.(index + 1, chunks.length);
    return outline;
  });
}

/** Hand chunks to `count` workers, the next one to whichever is free. */
function outlineInWorkers(
  chunks: Chunk[],
  count: number,
  onProgress?: OutlineOptions['onProgress'],
): Promise<(ChunkOutline | null)[]> {
  const parts: (ChunkOutline | null)[] = new Array(chunks.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;

  return new Promise<(ChunkOutline | null)[]>((resolve, reject) => {
    const stop = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(parts);
    };

    const feed = (worker: Worker) => {
      if (next >= chunks.length) return;
      const request: ChunkRequest = { id: next, chunk: chunks[next] };
      next++;
      worker.postMessage(request);
    };

    for (let index = 0; index < count; index++) {
      const worker = new Worker(WORKER, { resourceLimits: WORKER_LIMITS });
      workers.push(worker);
      worker.on(
        'message',
        ({ id, outline }: { id: number; outline: ChunkOutline | null }) => {
          parts[id] = outline;
          done++;
          onProgress?.(done, chunks.length);
          if (done === chunks.length) stop();
          else feed(worker);
        },
      );
      worker.on('error', (error) => stop(error));
      feed(worker);
    }
  });
}
