// @ts-check
// Headless Debian chromium driven by playwright-core, shared by scripts/vscode/run.mjs and
// test/ui/check.mjs. The machine has no internet and no browser download: chromium comes
// from apt (scripts/vscode/setup.sh), playwright-core from the project's devDependencies.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const CACHE = process.env.JOINTSPEC_VSCODE_CACHE || join(REPO, ".vscode-test");
export const CHROMIUM = process.env.JOINTSPEC_CHROMIUM || "/usr/bin/chromium";

// Flags for a browser that must never reach the network: everything it loads is on 127.0.0.1.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--no-default-browser-check",
  "--no-proxy-server",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-features=Translate,MediaRouter,OptimizationHints",
  "--mute-audio",
];

/** An expected failure: printed as one line, without a stack trace. */
export class HarnessError extends Error {}

// playwright-core from the project (devDependency) or, on a bare checkout, from the cache.
export function loadPlaywright() {
  for (const base of [REPO, join(CACHE, "tools")]) {
    try {
      return createRequire(join(base, "package.json"))("playwright-core");
    } catch {
      // try the next place
    }
  }
  throw new HarnessError("playwright-core is not installed: run `npm install` (or scripts/vscode/setup.sh)");
}

// Launches headless chromium; the caller closes it.
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new HarnessError(`${CHROMIUM} is missing: run scripts/vscode/setup.sh`);
  const { chromium } = loadPlaywright();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    // The caller stops the browser together with the VS Code server on a signal.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
