// Splits a large lint run between the machine's cores: each worker thread lints a contiguous
// share of the (sorted) candidates with the same code as the main thread, and the results
// come back in order. Small runs stay on the main thread: starting a worker costs more than
// linting a few specs.

import type { Worker as WorkerThread } from "node:worker_threads";
import { cachedLint, cacheKey, type CacheEntries } from "./cache.js";
import type { Candidate } from "./files.js";
import { lintFiles, type LintedFile } from "./lint-files.js";
import { Workspace } from "./workspace.js";

// node:worker_threads and node:os are loaded only when a run is large enough to use them,
// so that linting one spec does not pay for them at start-up.
const threadsModule = () => require("node:worker_threads") as typeof import("node:worker_threads");

/** Set in the environment of the workers this module starts, so the bundled CLI knows it is one. */
const WORKER_FLAG = "JOINTSPEC_LINT_WORKER";

/** Below this many candidates, one thread is faster than several. */
export const PARALLEL_THRESHOLD = 200;

interface WorkerJob {
  kind: "jointspec-lint";
  candidates: Candidate[];
  cwd: string;
  explicitConfig: string | undefined;
  specsOnly: boolean;
  wantsPreview: boolean;
  toolVersion: string;
  /** The cache entries of this share's files, when --cache is on. */
  cached: CacheEntries | undefined;
}

export interface ParallelOptions {
  cwd: string;
  explicitConfig: string | undefined;
  specsOnly: boolean;
  wantsPreview: boolean;
  toolVersion: string;
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
          const job: WorkerJob = {
            kind: "jointspec-lint",
            candidates: share,
            cwd: options.cwd,
            explicitConfig: options.explicitConfig,
            specsOnly: options.specsOnly,
            wantsPreview: options.wantsPreview,
            toolVersion: options.toolVersion,
            cached: options.cacheEntries,
          };
          const { Worker } = threadsModule();
          const worker: WorkerThread = new Worker(options.script, { workerData: job, env: { ...process.env, [WORKER_FLAG]: "1" } });
          worker.once("message", (message: LintedFile[] | { workerError: string }) => {
            if (Array.isArray(message)) resolve(message);
            else resolve([{ kind: "error", message: message.workerError }]);
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
    parentPort!.postMessage(lintFiles(job.candidates, { cwd: job.cwd, workspace, specsOnly: job.specsOnly, wantsPreview: job.wantsPreview, ...(cache ? { cache } : {}) }));
  } catch (error) {
    parentPort!.postMessage({ workerError: error instanceof Error ? error.message : String(error) });
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
