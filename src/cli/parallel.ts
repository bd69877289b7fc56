// Splits a large lint run between the machine's cores: each worker thread lints a contiguous
// share of the (sorted) candidates with the same code as the main thread, and the results
// come back in order. Small runs stay on the main thread: starting a worker costs more than
// linting a few specs.

import type { Worker as WorkerThread } from "node:worker_threads";
import { cachedLint, cacheKey, type CacheEntries } from "./cache.js";
import type { Candidate } from "./files.js";
import { lintFilesInBatches, relativePath, type FixMode, type LintedFile } from "./lint-files.js";
import { Workspace } from "./workspace.js";

// node:worker_threads and node:os are loaded only when a run is large enough to use them,
// so that linting one spec does not pay for them at start-up.
const threadsModule = () => require("node:worker_threads") as typeof import("node:worker_threads");

/** Set in the environment of the workers this module starts, so the bundled CLI knows it is one. */
const WORKER_FLAG = "JOINTSPEC_LINT_WORKER";

type WorkerMessage = { batch: LintedFile[] } | { done: true } | { workerError: string };

// Files a worker lints before it sends their results: small enough to keep memory flat.
const BATCH_SIZE = 50;

/** Below this many candidates, one thread is faster than several. */
const PARALLEL_THRESHOLD = 200;

/** What every thread of a run needs to lint its share the same way. */
interface RunSettings {
  cwd: string;
  explicitConfig: string | undefined;
  specsOnly: boolean;
  wantsPreview: boolean;
  wantsText: boolean;
  /** --fix or --fix-dry-run: each worker fixes (and writes) the files of its own share. */
  fix: FixMode | undefined;
  toolVersion: string;
  /** Today's date, the one the main thread decided, so no thread judges dates on another day. */
  today: string | undefined;
}

interface WorkerJob extends RunSettings {
  kind: "jointspec-lint";
  candidates: Candidate[];
  /** The cache entries of this share's files, when --cache is on. */
  cached: CacheEntries | undefined;
}

export interface ParallelOptions extends RunSettings {
  cacheEntries: CacheEntries | undefined;
  /** The script the workers run: the bundled CLI itself. */
  script: string;
}

/** How many threads a run of `count` files should use. */
export function threadsFor(count: number): number {
  return count < PARALLEL_THRESHOLD ? 1 : Math.min((require("node:os") as typeof import("node:os")).availableParallelism(), 8);
}

/** Lints the candidates in `threads` worker threads; resolves with the results in order. */
export async function lintInWorkers(candidates: readonly Candidate[], threads: number, options: ParallelOptions): Promise<LintedFile[]> {
  const size = Math.ceil(candidates.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => candidates.slice(i * size, (i + 1) * size)).filter((share) => share.length > 0);
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<LintedFile[]>((resolve, reject) => {
          const { cacheEntries, script: _script, ...settings } = options;
          // Each worker gets the cache entries of its own share only.
          const cached =
            cacheEntries &&
            Object.fromEntries(share.map((c) => relativePath(options.cwd, c.path)).flatMap((path) => (cacheEntries[path] ? [[path, cacheEntries[path]]] : [])));
          const job: WorkerJob = { kind: "jointspec-lint", candidates: share, cached, ...settings };
          const { Worker } = threadsModule();
          // A worker's young generation grows with what it allocates; kept small, the memory of
          // a run stays flat in the number of files (measured: 108 MB for 250 specs, 114 MB for
          // 1,000, against 107 and 130 unbounded) at no cost in time. The old generation is
          // left unbounded, so a large spec never runs a worker out of memory.
          const worker: WorkerThread = new Worker(options.script, {
            workerData: job,
            env: { ...process.env, [WORKER_FLAG]: "1" },
            resourceLimits: { maxYoungGenerationSizeMb: 8 },
          });
          // Results arrive in batches, so neither side holds a whole share's reports twice.
          const received: LintedFile[] = [];
          worker.on("message", (message: WorkerMessage) => {
            if ("batch" in message) received.push(...message.batch);
            else if ("workerError" in message) resolve([...received, { kind: "error", message: message.workerError }]);
            else resolve(received);
          });
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`a lint worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}

/** In a worker started by lintInWorkers: does its share and posts the results. Returns false elsewhere. */
export function runLintWorkerIfAny(): boolean {
  if (process.env[WORKER_FLAG] !== "1") return false;
  const { isMainThread, parentPort, workerData } = threadsModule();
  if (isMainThread || (workerData as Partial<WorkerJob> | undefined)?.kind !== "jointspec-lint") return false;
  const job = workerData as WorkerJob;
  try {
    const workspace = new Workspace(job.explicitConfig, job.cwd);
    const cache = job.cached ? workerCache(job.cached, job.toolVersion) : undefined;
    const options = {
      cwd: job.cwd,
      workspace,
      specsOnly: job.specsOnly,
      wantsPreview: job.wantsPreview,
      wantsText: job.wantsText,
      today: job.today,
      ...(job.fix ? { fix: job.fix } : {}),
      ...(cache ? { cache } : {}),
    };
    lintFilesInBatches(job.candidates, options, BATCH_SIZE, (batch) => parentPort!.postMessage({ batch } satisfies WorkerMessage));
    parentPort!.postMessage({ done: true } satisfies WorkerMessage);
  } catch (error) {
    parentPort!.postMessage({ workerError: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  }
  return true;
}

// The cache as a worker sees it: the entries it was sent, read-only; updates go back with the results.
function workerCache(entries: CacheEntries, toolVersion: string) {
  return {
    key: (bytes: Uint8Array, fingerprint: string) => cacheKey(toolVersion, fingerprint, bytes),
    get: (path: string, key: string) => cachedLint(entries, path, key),
  };
}
