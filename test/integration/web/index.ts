// Mocha runner for the integration suites inside VS Code's WEB-WORKER extension host (the host
// of vscode.dev and github.dev). The Node runner (../index.ts) finds compiled suites on disk
// and appends events to a file; a worker has neither a file system nor an environment, so:
// - scripts/vscode/web-host.mjs bundles this file, mocha's browser build and the suites
//   (the same files as in Node) into one script, and hands over the harness's settings
//   (what Node's host reads from its environment) and the suites in sorted order;
// - events go to the same JSON-lines results file, written through vscode.workspace.fs (the
//   file is on the VS Code server's disk, which the worker reaches as a remote file system).
// VS Code calls the bundle's run(); a rejection makes the workbench report exit code 1.
import "mocha/mocha.js"; // mocha's browser build: defines the global `mocha`
import * as vscode from "vscode";
import { setTestEnv, workspaceFolder } from "../helpers";
import type { TestEvent } from "../index";

/** One suite file of the bundle: its name, and a function that loads (and so registers) it. */
export type BundledSuite = readonly [name: string, load: () => unknown];

const RESULTS_SETTING = "JOINTSPEC_TEST_RESULTS";

/** Runs the bundled suites with the harness's settings; rejects when any test failed. */
export async function runSuites(suites: readonly BundledSuite[], settings: Readonly<Record<string, string>>): Promise<void> {
  setTestEnv(settings);
  const results = resultsWriter(settings[RESULTS_SETTING]);
  const restoreConsole = captureConsole(results.emit);
  const started = Date.now();
  let failures = 0;
  try {
    mocha.setup({
      ui: "bdd",
      color: false,
      timeout: Number(settings.JOINTSPEC_TEST_TIMEOUT_MS ?? 30_000),
      // The outer runner prints from the events; mocha's default browser reporter needs a page.
      reporter: class Silent extends Mocha.reporters.Base {},
      ...(settings.JOINTSPEC_TEST_GREP ? { grep: settings.JOINTSPEC_TEST_GREP } : {}),
    });
    if (suites.length === 0) throw new Error("the bundle holds no suites (scripts/vscode/web-host.mjs found no *.test.ts)");
    // describe()/it() exist only after setup, so the suites load now, in order.
    for (const [, load] of suites) load();
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      results.emit({ type: "start", total: runner.total, files: suites.map(([name]) => name) });
      runner.on("pass", (test) => results.emit({ type: "pass", title: test.fullTitle(), durationMs: test.duration ?? 0 }));
      runner.on("fail", (test, error: unknown) =>
        results.emit({
          type: "fail",
          title: test.fullTitle(),
          message: error instanceof Error ? error.message : String(error),
          ...(shortStack(error) ? { stack: shortStack(error) } : {}),
        }),
      );
      runner.on("pending", (test) => results.emit({ type: "pending", title: test.fullTitle() }));
      runner.once("end", () => {
        const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
        results.emit({ type: "end", passes, failures: failed, pending, durationMs: Date.now() - started });
      });
    });
  } catch (error) {
    results.emit({ type: "error", message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    restoreConsole();
    await results.close();
  }
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

// Appends events to the results file. vscode.workspace.fs cannot append, so each write puts
// the whole text so far; writes run one at a time, so the file only ever grows (the harness
// follows it by offset, as it does the Node runner's).
function resultsWriter(path: string | undefined): { emit(event: TestEvent): void; close(): Promise<void> } {
  if (!path) return { emit: () => {}, close: async () => {} };
  const uri = workspaceFolder().uri.with({ path });
  const encoder = new TextEncoder();
  let text = "";
  let queued = false;
  let writing: Promise<void> = Promise.resolve();
  const flush = (): void => {
    if (queued) return;
    queued = true;
    writing = writing
      .then(async () => {
        queued = false;
        await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
      })
      .catch((error: unknown) => {
        // The harness sees no events and says so; this line shows why in the workbench console.
        originalConsole.error(`cannot write the test results to ${uri.toString()}: ${String(error)}`);
      });
  };
  return {
    emit(event) {
      text += `${JSON.stringify(event)}\n`;
      flush();
    },
    close: () => writing,
  };
}

const originalConsole = globalThis.console;

// Routes console.* of the tests (and of the extension: same worker) into the results file, as
// the Node runner does. The worker's console keeps printing too (the workbench shows it).
function captureConsole(emit: (event: TestEvent) => void): () => void {
  const capturing: Console = Object.create(originalConsole);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    Object.defineProperty(capturing, level, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        emit({ type: "log", level, text: args.map(formatArgument).join(" ") });
        originalConsole[level](...args);
      },
    });
  }
  globalThis.console = capturing;
  return () => {
    globalThis.console = originalConsole;
  };
}

// What node:util's format prints for the values tests log: strings as they are, the rest as JSON.
function formatArgument(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// The first frames that point into the suites: in the bundle, every frame is the bundle's
// own file, so keep the first three frames whatever they name.
function shortStack(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  return (
    stack
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 3)
      .join("\n") || undefined
  );
}
