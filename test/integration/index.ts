// Mocha runner for the integration suites, loaded by VS Code inside a real extension host
// (code-server's server via scripts/vscode/run.mjs, or VS Code desktop via run-electron).
// VS Code calls run() because the workbench was opened with extensionTestsPath = this file.
//
// Console output of an extension host may never reach a terminal (under code-server it goes
// to the browser), so when JOINTSPEC_TEST_RESULTS names a file, every test event and every
// console line written during the run is appended to it as one JSON object per line; the
// outer runner prints them. Without it (test-electron), mocha's spec reporter prints.
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";

/** One line of the results file; scripts/vscode/run.mjs reads the same shapes. */
export type TestEvent =
  | { type: "start"; total: number; files: string[] }
  | { type: "pass"; title: string; durationMs: number }
  | { type: "fail"; title: string; message: string; stack?: string }
  | { type: "pending"; title: string }
  | { type: "log"; level: string; text: string }
  | { type: "error"; message: string }
  | { type: "end"; passes: number; failures: number; pending: number; durationMs: number };

export const RESULTS_ENV = "JOINTSPEC_TEST_RESULTS";
// The harness picks the suites: suite/ normally, suite-untrusted/ for the restricted-mode run.
const SUITE_DIR = path.join(__dirname, process.env.JOINTSPEC_TEST_SUITE ?? "suite");

// Every compiled suite file under suite/, sorted so the order is the same on every machine.
function findSuiteFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findSuiteFiles(full));
    else if (entry.name.endsWith(".test.js")) found.push(full);
  }
  return found.sort();
}

// Keeps only the stack frames that point into the test code, so a failure reads in a few lines.
function shortStack(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const frames = stack.split("\n").filter((line) => /^\s+at /.test(line) && line.includes(`${path.sep}test${path.sep}`));
  return frames.slice(0, 3).join("\n") || undefined;
}

// Entry point called by VS Code's extension host; rejects when any test failed.
export async function run(): Promise<void> {
  // mocha >= 11 is an ES module: import() loads it on every Node an extension host runs.
  const { default: Mocha } = await import("mocha");
  const resultsFile = process.env[RESULTS_ENV];
  const emit = (event: TestEvent): void => {
    if (resultsFile) fs.appendFileSync(resultsFile, `${JSON.stringify(event)}\n`);
  };

  // With a results file, a silent reporter: the outer runner prints from the events instead.
  class Silent extends Mocha.reporters.Base {}
  const mocha = new Mocha({
    ui: "bdd",
    color: false,
    timeout: Number(process.env.JOINTSPEC_TEST_TIMEOUT_MS ?? 30_000),
    reporter: resultsFile ? Silent : "spec",
    // JOINTSPEC_TEST_GREP=<text> runs only the tests whose titles contain it (the server passes its environment on).
    ...(process.env.JOINTSPEC_TEST_GREP ? { grep: process.env.JOINTSPEC_TEST_GREP } : {}),
  });

  const restoreConsole = resultsFile ? captureConsole(emit) : () => {};
  const started = Date.now();
  let failures: number;
  try {
    const files = fs.existsSync(SUITE_DIR) ? findSuiteFiles(SUITE_DIR) : [];
    if (files.length === 0) throw new Error(`no *.test.js files under ${SUITE_DIR} (run \`npm run compile\`)`);
    for (const file of files) mocha.addFile(file);
    await mocha.loadFilesAsync();

    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      emit({ type: "start", total: runner.total, files: files.map((f) => path.relative(SUITE_DIR, f)) });
      runner.on("pass", (test) => emit({ type: "pass", title: test.fullTitle(), durationMs: test.duration ?? 0 }));
      runner.on("fail", (test, error: unknown) =>
        emit({
          type: "fail",
          title: test.fullTitle(),
          message: error instanceof Error ? error.message : String(error),
          stack: shortStack(error),
        }),
      );
      runner.on("pending", (test) => emit({ type: "pending", title: test.fullTitle() }));
      runner.once("end", () => {
        const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
        emit({ type: "end", passes, failures: failed, pending, durationMs: Date.now() - started });
      });
    });
  } catch (error) {
    // A suite that cannot even load never reaches mocha's events: record why.
    emit({ type: "error", message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    restoreConsole();
  }
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

// Routes console.* of the tests (and of the extension: same process) into the results file.
// VS Code's extension host pins console.log & co. with setter-less properties, so the
// methods cannot be reassigned; the global `console` binding itself can be swapped.
function captureConsole(emit: (event: TestEvent) => void): () => void {
  const original = globalThis.console;
  const capturing: Console = Object.create(original);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    // defineProperty, not assignment: an inherited setter-only accessor would swallow `=`.
    Object.defineProperty(capturing, level, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        emit({ type: "log", level, text: format(...args) });
        original[level](...args);
      },
    });
  }
  globalThis.console = capturing;
  return () => {
    globalThis.console = original;
  };
}
