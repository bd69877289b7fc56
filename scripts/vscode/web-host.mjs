// @ts-check
// The web-worker phase of `npm run test:vscode`: the same .vsix, its "browser" entry running in
// VS Code's web-worker extension host, the host of vscode.dev and github.dev.
//
// code-server's window is a remote window, where an extension with both "main" and "browser"
// runs in the server's Node host; the user setting
//   "remote.extensionKind": { "jointspec.jointspec": ["web"] }
// moves it to the web worker inside the workbench page. Then:
//   integration  the suites of test/integration/suite, the same files as in Node, bundled with
//                mocha's browser build into one script (a worker can load nothing else) and
//                placed inside the installed extension: VS Code runs extensionTestsPath in the
//                host of the extension that contains it
//   ui           test/ui/check.mjs again (Problems panel, hover, preview); screenshots to the
//                run folder, not docs/images
//   which host   three proofs that the worker, not Node, ran it: a test inside asserts
//                `typeof process === "undefined"` (suite/activation.test.ts); "Developer: Show
//                Running Extensions" says "web worker" for JointSpec; and the Node host's log
//                has no `_doActivateExtension jointspec.jointspec`, while the Node run's has one.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { HarnessError, REPO } from "./browser.mjs";

const SUITE_DIR = join(REPO, "test/integration/suite");
const WEB_RUNNER = join(REPO, "test/integration/web/index.ts");
const WEB_ASSERT = join(REPO, "test/integration/web/assert.ts");
const NODE_FIXTURES_MODULE = join(REPO, "test/integration/fixtures.ts");
// The fixture folders the suites read through fixtureText(); their text goes into the bundle.
const BUNDLED_FIXTURE_FOLDERS = ["fixes"];
// Inside the installed extension, so that VS Code runs the tests in the extension's host.
const TESTS_FOLDER = ".web-tests";

/**
 * Bundles the integration suites for the web worker into `outFile`: one CommonJS script whose
 * run() VS Code calls. `settings` stands in for the environment the Node runner reads.
 * @param {string} outFile
 * @param {Record<string, string>} settings
 * @returns {Promise<string[]>} the suite files bundled
 */
export async function bundleWebSuites(outFile, settings) {
  const { build } = await import("esbuild");
  const suites = readdirSync(SUITE_DIR)
    .filter((name) => name.endsWith(".test.ts"))
    .sort();
  if (suites.length === 0) throw new HarnessError(`no *.test.ts in ${relative(REPO, SUITE_DIR)}`);
  const entry = [
    `const { runSuites } = require(${JSON.stringify(WEB_RUNNER)});`,
    `const suites = [${suites.map((name) => `[${JSON.stringify(name)}, () => require(${JSON.stringify(join(SUITE_DIR, name))})]`).join(", ")}];`,
    `exports.run = () => runSuites(suites, ${JSON.stringify(settings)});`,
  ].join("\n");
  try {
    await build({
      stdin: { contents: entry, resolveDir: REPO, sourcefile: "web-tests-entry.js", loader: "js" },
      outfile: outFile,
      bundle: true,
      platform: "browser",
      format: "cjs",
      target: "es2022",
      external: ["vscode"],
      // Node's strict assert has a stand-in of the same shape; nothing else of Node may remain.
      alias: { "node:assert/strict": WEB_ASSERT },
      plugins: [inlineFixtures(), mochaBrowserBuild()],
      // A suite calling an assertion the stand-in lacks fails here, not at run time.
      logOverride: { "import-is-undefined": "error" },
      logLevel: "silent",
    });
  } catch (error) {
    // esbuild throws a BuildFailure, whose errors say where; anything else has only a message.
    const first = /** @type {{ errors?: import("esbuild").Message[] }} */ (error).errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : "";
    throw new HarnessError(`the suites do not bundle for the web worker: ${where}${first?.text ?? (error instanceof Error ? error.message : String(error))}`);
  }
  return suites;
}

// Replaces test/integration/fixtures.ts (which reads files with node:fs) by a module that
// holds the fixture files' text, read now.
function inlineFixtures() {
  return {
    name: "inline-fixtures",
    setup(build) {
      build.onLoad({ filter: /[\\/]test[\\/]integration[\\/]fixtures\.ts$/ }, (args) => {
        if (args.path !== NODE_FIXTURES_MODULE) return undefined;
        const files = {};
        for (const folder of BUNDLED_FIXTURE_FOLDERS) {
          for (const name of readdirSync(join(REPO, "test/fixtures", folder)).sort()) {
            const path = join(REPO, "test/fixtures", folder, name);
            if (statSync(path).isFile()) files[`${folder}/${name}`] = readFileSync(path, "utf8");
          }
        }
        const contents = [
          `const FILES = ${JSON.stringify(files)};`,
          "export function fixtureText(relativePath) {",
          "  if (!Object.prototype.hasOwnProperty.call(FILES, relativePath)) {",
          `    throw new Error("test/fixtures/" + relativePath + " is not bundled for the web worker: add its folder to BUNDLED_FIXTURE_FOLDERS in scripts/vscode/web-host.mjs");`,
          "  }",
          "  return FILES[relativePath];",
          "}",
        ].join("\n");
        return { contents, loader: "js" };
      });
    },
  };
}

// mocha >= 11 is "type": "module", so esbuild bundles its browser build (a UMD script) as an ES
// module, where `module` and `exports` are free: its UMD header would then overwrite the
// BUNDLE's module.exports with mocha, and VS Code would call mocha.run instead of ours. Give
// the script its own; it sets the global `mocha` (and `Mocha`) itself.
function mochaBrowserBuild() {
  return {
    name: "mocha-browser-build",
    setup(build) {
      build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
        contents: `var module = { exports: {} }, exports = module.exports;\n${readFileSync(args.path, "utf8")}`,
        loader: "js",
      }));
    },
  };
}

/**
 * The user settings of the web phase: the run's usual ones, and the extension forced into the worker.
 * @param {string} userSettingsFile
 * @param {string} extensionId publisher.name, lower case
 */
export function forceWebWorker(userSettingsFile, extensionId) {
  const settings = JSON.parse(readFileSync(userSettingsFile, "utf8"));
  settings["remote.extensionKind"] = { [extensionId]: ["web"] };
  writeFileSync(userSettingsFile, `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Runs the web-worker phase against a server started with forceWebWorker's settings.
 * `hooks` are run.mjs's own steps: runIntegration(baseUrl, testsPath) and runUi(baseUrl).
 * Returns the counts of this module's own checks (the hooks count theirs).
 * @param {object} run
 * @param {string} run.baseUrl
 * @param {import("playwright-core").Browser} run.browser
 * @param {string} run.runDir
 * @param {string} run.installedPath
 * @param {Record<string, any>} run.manifest package.json
 * @param {{
 *   runIntegration(baseUrl: string, testsPath: string): Promise<void>,
 *   runUi(baseUrl: string): Promise<void>,
 *   freshWorkspace(name: string): string,
 * }} run.hooks
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function runWebHost({ baseUrl, browser, runDir, installedPath, manifest, hooks }) {
  const counts = { passed: 0, failed: 0 };
  const check = (ok, title, detail) => {
    counts[ok ? "passed" : "failed"]++;
    console.log(`  ${ok ? "✓" : "✗"} ${title}${detail ? `\n      ${ok ? "│ " : ""}${detail}` : ""}`);
  };

  // The .vsix must carry the browser entry: VS Code loads nothing else in the worker.
  const browserEntry = manifest.browser?.replace(/^\.\//, "");
  const entryShipped = Boolean(browserEntry) && existsSync(join(installedPath, browserEntry));
  check(
    entryShipped,
    `the installed .vsix holds the "browser" entry${browserEntry ? ` (${browserEntry})` : ""}`,
    entryShipped
      ? undefined
      : browserEntry
        ? `${browserEntry} is missing from ${relative(REPO, installedPath)} (fix .vscodeignore)`
        : 'package.json has no "browser" entry',
  );
  if (!entryShipped) return counts;

  const testsFile = join(installedPath, TESTS_FOLDER, "suites.js");
  mkdirSync(join(installedPath, TESTS_FOLDER), { recursive: true });
  const suites = await bundleWebSuites(testsFile, {
    JOINTSPEC_TEST_RESULTS: join(runDir, "integration-results.jsonl"),
    JOINTSPEC_EXPECT_EXTENSION_PATH: installedPath,
    JOINTSPEC_EXPECT_HOST: "webworker",
    ...pick(process.env, ["JOINTSPEC_TEST_GREP", "JOINTSPEC_TEST_TIMEOUT_MS"]),
  });
  console.log(`  bundled ${suites.length} suites for the worker: ${relative(REPO, testsFile)} (${(statSync(testsFile).size / 1024).toFixed(0)} KB)`);

  await hooks.runIntegration(baseUrl, testsFile);
  await hooks.runUi(baseUrl);
  const row = await runningExtensionsRow({
    browser,
    baseUrl,
    workspace: hooks.freshWorkspace("web-which-host"),
    name: manifest.displayName ?? manifest.name,
    runDir,
  });
  check(
    /web worker/i.test(row.text ?? ""),
    'Developer: Show Running Extensions lists JointSpec in the "web worker" host',
    row.text ? `row: "${row.text}"` : row.problem,
  );
  return counts;
}

/**
 * After the web phase's server stopped: its Node extension host must not have activated the
 * extension, while the Node run's host did (so the log is a real witness, not a silent one;
 * `nodeUserData` undefined skips that half).
 * @param {{ runDir: string, extensionId: string, nodeUserData: string | undefined, webUserData: string }} logs
 * @returns {{ passed: number, failed: number }}
 */
export function nodeHostLogCheck({ runDir, extensionId, nodeUserData, webUserData }) {
  const activated = (userData) => {
    const logs = findFiles(join(runDir, userData, "logs"), "remoteexthost.log");
    const pattern = new RegExp(`_doActivateExtension ${extensionId.replace(/\./g, "\\.")}[ ,]`, "i");
    return { logs, activated: logs.some((file) => pattern.test(readFileSync(file, "utf8"))) };
  };
  const node = nodeUserData ? activated(nodeUserData) : undefined;
  const web = activated(webUserData);
  const ok = (!node || node.activated) && !web.activated;
  const detail = [
    node ? `Node run: ${node.activated ? "activated" : "NOT activated"} in Node's host (${node.logs.length} log(s))` : "Node run: not part of this run",
    `web run: ${web.activated ? "ACTIVATED" : "not activated"} in Node's host (${web.logs.length} log(s))`,
  ].join("; ");
  console.log(
    `  ${ok ? "✓" : "✗"} the Node extension host's log shows JointSpec only in the Node run, not in the web-worker run\n      ${ok ? "│ " : ""}${detail}`,
  );
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

// Opens the workspace, a spec (JointSpec activates on YAML), then "Developer: Show Running
// Extensions", and reads JointSpec's row: "web worker" there, the server's host:port for Node.
async function runningExtensionsRow({ browser, baseUrl, workspace, name, runDir }) {
  const spec = "lapsed-member-winback.campaign.yaml";
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: "domcontentloaded", timeout: 60_000 });
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: spec }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press("Control+P");
    const quickOpen = page.locator(".quick-input-widget input");
    await quickOpen.waitFor({ timeout: 10_000 });
    await quickOpen.fill(spec);
    await page.locator(".quick-input-list .monaco-list-row", { hasText: spec }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press("Enter");
    // The status bar item appears once JointSpec has activated and linted the spec.
    await page.locator(".statusbar-item", { hasText: "JointSpec" }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press("Control+Shift+P");
    await quickOpen.waitFor({ timeout: 10_000 });
    await quickOpen.fill(">Developer: Show Running Extensions");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Show Running Extensions" }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press("Enter");
    const list = page.locator(".runtime-extensions-editor .monaco-list").first();
    await list.waitFor({ timeout: 30_000 });
    // The list is virtual: scroll until the row is rendered.
    const row = page.locator(".runtime-extensions-editor .monaco-list-row", { hasText: name }).first();
    for (let i = 0; i < 30 && !(await row.count()); i++) {
      await list.hover();
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(200);
    }
    if (!(await row.count())) throw new Error(`no row "${name}" in Running Extensions`);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(runDir, "web-running-extensions.png") });
    return { text: (await row.innerText()).replace(/\s+/g, " ").trim() };
  } catch (error) {
    await page.screenshot({ path: join(runDir, "web-running-extensions-failure.png") }).catch(() => {});
    return {
      problem: `${(error instanceof Error ? error.message : String(error)).split("\n")[0]} (screenshot: ${relative(REPO, join(runDir, "web-running-extensions-failure.png"))})`,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

function findFiles(dir, name) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(name))
    .map((file) => join(dir, file));
}

function pick(source, keys) {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
