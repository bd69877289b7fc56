// Splits a large lint run between worker threads. Every worker takes the next few files off
// a shared counter as it gets free, so a worker that starts late or meets heavier specs takes
// fewer, and none waits for another's fixed share. The main thread lints none of them: it
// gathers the results, in order. Linting the first files while the workers started saved no
// time: V8 compiled the linter's hot code for the main thread too, on the cores the workers
// needed, and threw it away (bench/README.md). It also keeps the main thread's memory flat:
// each worker's young generation is bounded, the main thread's is not. Small runs stay on
// the main thread: starting a worker costs more than linting a few specs.

import type { Worker as WorkerThread } from "node:worker_threads";
import { cachedLint, cacheKey, type CacheEntries } from "./cache.js";
import type { Candidate } from "./files.js";
import { lintFiles, type LintedFile, type LintFilesOptions } from "./lint-files.js";
import { Workspace } from "./workspace.js";

// node:worker_threads and node:os are loaded only when a run is large enough to use them,
// so that linting one spec does not pay for them at start-up.
const threadsModule = () => require("node:worker_threads") as typeof import("node:worker_threads");

/** Set in the environment of the workers this module starts, so the bundled CLI knows it is one. */
const WORKER_FLAG = "JOINTSPEC_LINT_WORKER";

type WorkerMessage = { start: number; batch: LintedFile[] } | { done: true } | { workerError: string };

// Files a thread takes at a time: few enough that the threads finish together, enough that
// the counter and the messages cost nothing next to linting them.
const CLAIM_SIZE = 8;

/** Below this many candidates, one thread is faster than several. */
const PARALLEL_THRESHOLD = 200;

// The shared counters: the next file to take, whether a worker met an error (the others then
// stop taking files), and one slot per worker: 0 before it takes a file, 1 once it has, 2 when
// the main thread called it off before it began, every file being taken already.
const NEXT = 0;
const STOPPED = 1;
const FIRST_WORKER = 2;
const NOT_BEGUN = 0;
const BEGUN = 1;
const CALLED_OFF = 2;

/**
 * What a worker needs to lint as the main thread does: the main thread's options, without
 * what cannot cross to another thread (its Workspace, which each worker builds again from the
 * same config, and its cache, whose entries are sent as data).
 */
type RunSettings = Omit<LintFilesOptions, "workspace" | "cache"> & {
  /** --config, when given: each worker's Workspace reads the same config. */
  explicitConfig: string | undefined;
  toolVersion: string;
};

interface WorkerJob extends RunSettings {
  kind: "jointspec-lint";
  candidates: readonly Candidate[];
  /** The counters, shared by every thread of the run. */
  counters: Int32Array;
  /** This worker's slot among the counters. */
  slot: number;
  /** The cache entries, when --cache is on. */
  cached: CacheEntries | undefined;
}

export interface ParallelOptions {
  /** The options the main thread would lint with alone; the workers lint with the same. */
  here: LintFilesOptions;
  explicitConfig: string | undefined;
  toolVersion: string;
  cacheEntries: CacheEntries | undefined;
  /** The script the workers run: the bundled CLI itself. */
  script: string;
}

/**
 * The worker threads `--concurrency auto` starts for a run of `count` files; 0 lints on the
 * main thread. One core is left to V8's compiler and collector threads (and the main
 * thread): each worker compiles the linter's hot code again, on another core, while it runs,
 * and on 2 cores a second worker cost more CPU than it saved (bench/README.md).
 */
export function workersFor(count: number): number {
  if (count < PARALLEL_THRESHOLD) return 0;
  return Math.max(1, Math.min((require("node:os").availableParallelism() as number) - 1, 8));
}

/** Lints the candidates in `workerCount` worker threads; resolves with the results in order. */
export async function lintInWorkers(candidates: readonly Candidate[], workerCount: number, options: ParallelOptions): Promise<LintedFile[]> {
  const counters = new Int32Array(new SharedArrayBuffer(4 * (FIRST_WORKER + workerCount)));
  const slots: LintedFile[][] = [];
  const { cacheEntries, script, here, explicitConfig, toolVersion } = options;
  const { workspace: _workspace, cache: _cache, ...shared } = here;
  const settings: RunSettings = { ...shared, explicitConfig, toolVersion };
  const { Worker } = threadsModule();
  const workers: Promise<void>[] = [];
  const called: (() => void)[] = [];
  // What stopped a worker before its files were done (its config could not be read…).
  let failure: string | undefined;
  for (let index = 0; index < workerCount; index++) {
    const job: WorkerJob = { kind: "jointspec-lint", candidates, counters, slot: FIRST_WORKER + index, cached: cacheEntries, ...settings };
    // A worker's young generation grows with what it allocates; bounded, the memory of a run
    // stays flat in the number of files. At 16 MB it is full within the first 250 specs, so a
    // longer run takes no more (at 8 MB, collecting took more CPU; at 32 MB, 1,000 specs
    // peaked 30% above 250). The old generation is left unbounded, so a large spec never runs
    // a worker out of memory.
    const worker: WorkerThread = new Worker(script, {
      workerData: job,
      env: { ...process.env, [WORKER_FLAG]: "1" },
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    let calledOff = false;
    workers.push(
      new Promise<void>((resolve, reject) => {
        worker.on("message", (message: WorkerMessage) => {
          if ("batch" in message) {
            slots[message.start / CLAIM_SIZE] = message.batch;
            callOffIfDone();
          } else if ("workerError" in message) failure ??= message.workerError;
          else resolve();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0 && !calledOff) reject(new Error(`a lint worker stopped with exit code ${code}`));
          else resolve();
        });
      }),
    );
    called.push(() => {
      if (Atomics.compareExchange(counters, FIRST_WORKER + index, NOT_BEGUN, CALLED_OFF) === NOT_BEGUN) {
        calledOff = true;
        void worker.terminate();
      }
    });
  }
  // Workers still starting once every file is taken are not waited for.
  const callOffIfDone = () => {
    if (Atomics.load(counters, NEXT) >= candidates.length || Atomics.load(counters, STOPPED) !== 0) for (const callOff of called) callOff();
  };
  await Promise.all(workers);
  // Every file before the first error was taken, so the list is whole up to it.
  const results: LintedFile[] = [];
  for (const batch of slots) {
    if (!batch) break;
    for (const file of batch) {
      results.push(file);
      if (file.kind === "error") return results;
    }
  }
  if (failure !== undefined) results.push({ kind: "error", message: failure });
  return results;
}

// Takes CLAIM_SIZE files at a time off the shared counter and lints them, until none are
// left or a worker met an error.
function takeFiles(
  candidates: readonly Candidate[],
  counters: Int32Array,
  options: LintFilesOptions,
  send: (start: number, batch: LintedFile[]) => void,
): void {
  while (Atomics.load(counters, STOPPED) === 0) {
    const start = Atomics.add(counters, NEXT, CLAIM_SIZE);
    if (start >= candidates.length) return;
    const batch = lintFiles(candidates.slice(start, start + CLAIM_SIZE), options);
    send(start, batch);
    if (batch.some((file) => file.kind === "error")) Atomics.store(counters, STOPPED, 1);
  }
}

/** In a worker started by lintInWorkers: lints the files it takes and posts the results. Returns false elsewhere. */
export function runLintWorkerIfAny(): boolean {
  if (process.env[WORKER_FLAG] !== "1") return false;
  const { isMainThread, parentPort, workerData } = threadsModule();
  if (isMainThread || (workerData as Partial<WorkerJob> | undefined)?.kind !== "jointspec-lint") return false;
  const job = workerData as WorkerJob;
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  // Called off before it began: the other workers took every file.
  if (Atomics.compareExchange(job.counters, job.slot, NOT_BEGUN, BEGUN) !== NOT_BEGUN) {
    post({ done: true });
    return true;
  }
  try {
    const { kind: _kind, candidates, counters, slot: _slot, cached, explicitConfig, toolVersion, ...shared } = job;
    const options: LintFilesOptions = {
      ...shared,
      workspace: new Workspace(explicitConfig, shared.cwd),
      ...(cached ? { cache: workerCache(cached, toolVersion) } : {}),
    };
    takeFiles(candidates, counters, options, (start, batch) => post({ start, batch }));
    post({ done: true });
  } catch (error) {
    Atomics.store(job.counters, STOPPED, 1);
    post({ workerError: error instanceof Error ? error.message : String(error) });
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
