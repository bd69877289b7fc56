#!/usr/bin/env node
// @ts-check
// `npm run test:vscode`: runs the extension, packaged as a .vsix, in a real VS Code. This file
// is the run: it calls the package check and the server, then runs the phases in order.
//
//   setup      scripts/vscode/setup.sh (skipped in well under a second when the cache is there)
//   package    `npm run package` -> dist/jointspec.vsix; its file list (`vsce ls`), vsce's
//              warnings and the 1 MB budget are checked (package-check.mjs)
//   install    VS Code's server CLI installs that .vsix into a fresh extensions dir (server.mjs)
//   server     VS Code's own server (code-server's lib/vscode) on 127.0.0.1, in its own
//              process group, with TMPDIR/XDG_* inside the run folder (server.mjs)
//   integration  mocha suites (out/test/integration/suite) inside the real extension host,
//              driven by headless chromium; results come back through a JSON-lines file; the
//              folder it opens is built from examples/ for each phase (workspace.mjs)
//   ui         test/ui/check.mjs: Problems panel, hover, preview; screenshots to the run folder
//              (to docs/images/ with JOINTSPEC_UPDATE_SCREENSHOTS=1)
//   untrusted  the restricted-mode suites, with workspace trust on
//   web        the same .vsix in the web-worker extension host (vscode.dev's): the suites and
//              the UI check again, and which host ran them (scripts/vscode/web-host.mjs)
//
// The run folder (.vscode-test/runs/<time>/) keeps the server log, browser logs and failure
// screenshots. The last line is "N passed, N failed" over the integration and UI tests.
// Options: --only integration|ui|web
import { closeSync, createWriteStream, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CACHE, HarnessError, REPO, launchChromium } from "./browser.mjs";
import { VSIX, packageAndCheck } from "./package-check.mjs";
import {
  ensureServerInstalled,
  installVsix,
  killServerNow,
  removeShortTmp,
  serverExited,
  shortTmpDir,
  startServer,
  stopServer,
  writeUserSettings,
} from "./server.mjs";
import { forceWebWorker, nodeHostLogCheck, runWebHost } from "./web-host.mjs";
import { buildWorkspace } from "./workspace.mjs";

const TESTS_ENTRY = join(REPO, "out/test/integration/index.js");
const INTEGRATION_TIMEOUT_MS = Number(process.env.JOINTSPEC_INTEGRATION_TIMEOUT_MS || 300_000);
const SUITES_START_TIMEOUT_MS = 90_000; // from page load to the runner's "start" event

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
if (only !== undefined && !["integration", "ui", "web"].includes(only)) {
  console.error(`test:vscode: --only takes "integration", "ui" or "web", not "${only ?? ""}"`);
  process.exit(2);
}

const t0 = Date.now();
/** @type {Array<[string, number]>} */
const phases = [];
const results = { passed: 0, failed: 0 };
/** @type {import("playwright-core").Browser | undefined} */
let browser;
/** @type {string | undefined} the signal that asked us to stop */
let interrupted;

/**
 * Runs one phase, printing its name and how long it took.
 * @template T
 * @param {string} name
 * @param {() => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
async function phase(name, fn) {
  if (interrupted && name !== "stop") throw new HarnessError(`interrupted by ${interrupted}`);
  const started = Date.now();
  console.log(`\n▸ ${name}`);
  try {
    return await fn();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    phases.push([name, seconds]);
    console.log(`  (${name}: ${seconds.toFixed(1)}s)`);
  }
}

/** @param {string} message @returns {never} */
function fail(message) {
  throw new HarnessError(message);
}

/** The browser the phases share, launched with the first server. */
function runningBrowser() {
  return browser ?? fail("the browser is not running");
}

// ---------------------------------------------------------------- before the run
/** @returns {Record<string, any>} package.json, once the build it names is there */
function checkBuilt() {
  const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
  if (!manifest.main) fail('package.json has no "main": there is no extension to test yet');
  const main = join(REPO, manifest.main);
  if (!existsSync(main)) fail(`${relative(REPO, main)} is missing: run \`npm run compile\` first`);
  if (!existsSync(TESTS_ENTRY)) fail(`${relative(REPO, TESTS_ENTRY)} is missing: run \`npm run compile\` first`);
  // This runner does not build (npm run compile does); say so when the build is older than a source.
  const stale = newerSources(join(REPO, "test/integration"), (ts) => join(REPO, "out", relative(REPO, ts)).replace(/\.ts$/, ".js")).concat(
    newerSources(join(REPO, "src/extension"), () => main),
  );
  if (stale.length)
    console.log(`  note: ${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""} changed since the last build; run \`npm run compile\` to test them`);
  return manifest;
}

/**
 * .ts files under dir that are newer than what they compile to (or whose output is missing).
 * @param {string} dir
 * @param {(file: string) => string} outputOf
 */
function newerSources(dir, outputOf) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((file) => file.endsWith(".ts") && !file.includes(`${join("test", "integration", "workspace")}`))
    .filter((file) => {
      const output = outputOf(file);
      return !existsSync(output) || statSync(output).mtimeMs < statSync(file).mtimeMs;
    })
    .map((file) => relative(REPO, file));
}

// ---------------------------------------------------------------- integration tests
// Follows the JSON-lines results file while the tests run; returns a function that reads the rest.
function follow(file, onEvent) {
  let offset = 0;
  let pending = "";
  const read = () => {
    if (!existsSync(file)) return;
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (size <= offset) return;
      const buffer = Buffer.alloc(size - offset);
      readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      pending += buffer.toString("utf8");
      let newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim()) onEvent(JSON.parse(line));
      }
    } finally {
      closeSync(fd);
    }
  };
  const timer = setInterval(read, 100);
  return () => {
    clearInterval(timer);
    read();
  };
}

function indent(text, prefix) {
  return String(text)
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

// `testsPath`: the runner VS Code loads (extensionTestsPath); the web phase passes its bundle.
async function runIntegration(baseUrl, runDir, installedPath, phaseName = "integration", testsPath = TESTS_ENTRY.replace(/\.js$/, "")) {
  const resultsFile = join(runDir, "integration-results.jsonl");
  rmSync(resultsFile, { force: true });
  const remote = (path) => `vscode-remote://${new URL(baseUrl).host}${path}`;
  // VS Code runs extensionTestsPath only in extension-development mode, so the development
  // path is the INSTALLED copy of the .vsix: the code under test is still the packaged one.
  const payload = [
    ["extensionDevelopmentPath", remote(installedPath)],
    ["extensionTestsPath", remote(testsPath)],
  ];
  const workspace = freshWorkspace(runDir, phaseName);
  const url = `${baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const counts = { passed: 0, failed: 0, started: false, ended: false, error: undefined };
  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  const stopFollowing = follow(resultsFile, (event) => {
    if (event.type === "start" || event.type === "error") counts.started = true;
    switch (event.type) {
      case "start":
        console.log(`  ${event.total} tests in ${event.files.join(", ")}`);
        break;
      case "pass":
        counts.passed++;
        console.log(`  ✓ ${event.title} (${event.durationMs} ms)`);
        break;
      case "fail":
        counts.failed++;
        console.log(`  ✗ ${event.title}\n${indent(event.message, "      ")}${event.stack ? `\n${indent(event.stack.trim(), "    ")}` : ""}`);
        break;
      case "pending":
        console.log(`  - ${event.title} (skipped)`);
        break;
      case "log":
        console.log(indent(event.text, "      │ "));
        break;
      case "error":
        counts.error = event.message;
        console.log(`  ✗ the suites could not run: ${event.message}`);
        break;
      case "end":
        counts.ended = true;
        break;
    }
  });

  const context = await runningBrowser().newContext({ viewport: { width: 1400, height: 900 } });
  const browserLog = createWriteStream(join(runDir, "browser-integration.log"));
  let outcome;
  try {
    const page = await context.newPage();
    page.on("console", (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on("pageerror", (error) => browserLog.write(`[pageerror] ${error.message}\n`));
    // VS Code's smoke-test driver calls these: logs of the workbench, and the test run's end.
    await page.exposeFunction("codeAutomationLog", (type, logArgs) => browserLog.write(`[automation ${type}] ${JSON.stringify(logArgs)}\n`));
    await page.exposeFunction("codeAutomationExit", (code) => settle({ code }));
    page.on("crash", () => settle({ problem: "the browser page crashed" }));
    serverExited().then((code) => settle({ problem: `the VS Code server exited (${code})` }));
    const timer = setTimeout(() => settle({ problem: `no result within ${INTEGRATION_TIMEOUT_MS / 1000}s` }), INTEGRATION_TIMEOUT_MS);
    await page
      .goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 })
      .catch((error) => settle({ problem: `the workbench did not load: ${error.message.split("\n")[0]}` }));
    const startTimer = setTimeout(() => {
      if (!counts.started)
        settle({ problem: `the extension host did not start the suites within ${SUITES_START_TIMEOUT_MS / 1000}s of loading the workbench` });
    }, SUITES_START_TIMEOUT_MS);
    outcome = await done;
    clearTimeout(timer);
    clearTimeout(startTimer);
  } finally {
    stopFollowing();
    await context.close().catch(() => {});
    browserLog.end();
  }

  // Anything that kept the suites from reporting counts as one failure, said in one line.
  let problem;
  if (outcome.problem) problem = `integration run stopped: ${outcome.problem}`;
  else if (counts.error)
    problem = undefined; // already printed
  else if (!counts.ended)
    problem = `the extension host exited (code ${outcome.code}) before the suites reported; see ${join(runDir, "server.log")} and browser-integration.log`;
  else if (outcome.code !== 0 && counts.failed === 0) problem = `the extension host exited with code ${outcome.code} although no test failed`;
  if (problem) console.log(`  ✗ ${problem}`);
  const failed = counts.failed + (counts.error || problem ? 1 : 0);
  console.log(`  integration: ${counts.passed} passed, ${failed} failed`);
  results.passed += counts.passed;
  results.failed += failed;
}

// ---------------------------------------------------------------- UI check
// `shotsDir`: where passing screenshots go: the run folder, or check.mjs's default, docs/images/
// for the README, when JOINTSPEC_UPDATE_SCREENSHOTS=1, so a test run leaves the committed
// images alone.
/** @param {string | undefined} [shotsDir] */
async function runUi(baseUrl, runDir, phaseName = "ui", shotsDir = undefined) {
  const { runUiCheck } = await import("../../test/ui/check.mjs");
  const checks = await runUiCheck({
    browser: runningBrowser(),
    baseUrl,
    workspace: freshWorkspace(runDir, phaseName),
    artifactsDir: runDir,
    ...(shotsDir ? { shotsDir } : {}),
  });
  const passed = checks.filter((c) => c.ok).length;
  console.log(`  ui: ${passed} passed, ${checks.length - passed} failed`);
  results.passed += passed;
  results.failed += checks.length - passed;
}

// Suites edit files and settings in the folder they open, so each phase opens its own
// workspace inside the run folder, built from examples/ and the tests' own files.
/** @param {string} runDir @param {string} phaseName */
function freshWorkspace(runDir, phaseName) {
  return buildWorkspace(join(runDir, phaseName, "workspace"));
}

// Keeps the last few run folders for debugging, removes older ones.
function newRunDir() {
  const runs = join(CACHE, "runs");
  mkdirSync(runs, { recursive: true });
  const old = readdirSync(runs).sort();
  for (const name of old.slice(0, Math.max(0, old.length - 4))) rmSync(join(runs, name), { recursive: true, force: true });
  const dir = join(runs, `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
  for (const sub of ["tmp", "xdg/config", "xdg/data", "xdg/cache", "xdg/runtime", "extensions"]) mkdirSync(join(dir, sub), { recursive: true });
  return dir;
}

// ---------------------------------------------------------------- main
let stopping;
// Closes the browser and stops the server group; safe to call from several places at once.
function cleanup() {
  stopping ??= (async () => {
    if (browser) await browser.close().catch(() => {});
    browser = undefined;
    await stopServer();
    removeShortTmp();
  })();
  return stopping;
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(sig, () => {
    interrupted = sig;
    console.log(`\n${sig}: stopping the browser and the VS Code server`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort if the process dies some other way: no VS Code server may outlive the run.
process.once("exit", killServerNow);

let harnessFailure;
try {
  await phase("setup", ensureServerInstalled);
  const manifest = checkBuilt();
  await phase("package", () => packageAndCheck(manifest));
  const runDir = newRunDir();
  process.env.TMPDIR = join(shortTmpDir(), "browser"); // playwright's and chromium's temp files and sockets
  console.log(`  run folder: ${relative(REPO, runDir)}`);
  writeUserSettings(join(runDir, "user-data"));
  const installedPath = await phase("install .vsix", () => installVsix(runDir, VSIX, manifest));
  const baseUrl = await phase("start server + browser", async () => {
    const url = only === "web" ? undefined : await startServer(runDir, installedPath);
    browser = await launchChromium();
    return url;
  });
  if (!only || only === "integration") await phase("integration tests (extension host)", () => runIntegration(baseUrl, runDir, installedPath));
  const shotsDir = process.env.JOINTSPEC_UPDATE_SCREENSHOTS === "1" ? undefined : join(runDir, "screenshots");
  if (!only || only === "ui") await phase("ui check (playwright)", () => runUi(baseUrl, runDir, "ui", shotsDir));
  if (!only || only === "integration") {
    // Restricted mode needs its own server: trust is off for the whole server above.
    await phase("untrusted workspace (extension host)", async () => {
      await stopServer();
      writeUserSettings(join(runDir, "user-data-untrusted"), { trust: true });
      const untrustedUrl = await startServer(runDir, installedPath, { untrusted: true });
      await runIntegration(untrustedUrl, runDir, installedPath, "untrusted");
    });
  }
  if (!only || only === "web") {
    // vscode.dev's host: a server whose user settings move the extension into the web worker.
    await phase("web-worker extension host (integration + ui)", async () => {
      await stopServer();
      writeUserSettings(join(runDir, "user-data-web"));
      forceWebWorker(join(runDir, "user-data-web/User/settings.json"), `${manifest.publisher}.${manifest.name}`.toLowerCase());
      const webUrl = await startServer(runDir, installedPath, { userData: "user-data-web" });
      const own = await runWebHost({
        baseUrl: webUrl,
        browser: runningBrowser(),
        runDir,
        installedPath,
        manifest,
        hooks: {
          runIntegration: (url, testsFile) => runIntegration(url, runDir, installedPath, "web", testsFile),
          runUi: (url) => runUi(url, runDir, "web-ui", join(runDir, "web-screenshots")),
          freshWorkspace: (name) => freshWorkspace(runDir, name),
        },
      });
      await stopServer();
      const log = nodeHostLogCheck({
        runDir,
        extensionId: `${manifest.publisher}.${manifest.name}`.toLowerCase(),
        webUserData: "user-data-web",
        // The Node run's log witnesses that activations are logged at all; --only web has none.
        nodeUserData: only === "web" ? undefined : "user-data",
      });
      results.passed += own.passed + log.passed;
      results.failed += own.failed + log.failed;
    });
  }
} catch (error) {
  harnessFailure = error;
} finally {
  await phase("stop", cleanup);
}

if (interrupted) {
  await cleanup();
  process.exit(130);
}
if (harnessFailure) {
  if (harnessFailure instanceof HarnessError) console.error(`\ntest:vscode: ${harnessFailure.message}`);
  else console.error("\ntest:vscode: unexpected error\n", harnessFailure);
  results.failed += 1;
}
console.log(`\ntimings: ${phases.map(([name, s]) => `${name} ${s.toFixed(1)}s`).join(", ")}; total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
