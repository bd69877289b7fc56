// @ts-check
// `npm test`: the whole suite on a fresh clone of a fresh machine. Installs what it needs
// (npm packages; chromium and a real VS Code through scripts/vscode/setup.sh; Debian's
// pre-commit, which the install-route tests run), lints (`npm run lint`), builds, runs the
// unit tests, then the integration tests and the UI check inside a real VS Code (in its Node
// extension host and in its web-worker host, as on vscode.dev), and closes with one line
// that counts them all: "N passed, N failed".
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const STEPS = [
  { name: "install npm packages", command: "node", args: ["scripts/ensure-deps.mjs"] },
  // A lint or format problem fails the run, but the tests still run: one run shows both.
  { name: "lint and format check", command: "npm", args: ["run", "--silent", "lint"], keepGoing: true },
  { name: "build", command: "npm", args: ["run", "--silent", "compile"] },
  { name: "set up chromium and a real VS Code", command: "bash", args: ["scripts/vscode/setup.sh"] },
  { name: "install Debian's pre-commit", command: "bash", args: ["scripts/ensure-pre-commit.sh"] },
  { name: "unit tests", command: "npx", args: ["mocha"], counts: true },
  {
    name: "VS Code: integration tests and UI check, in the Node and the web-worker extension host",
    command: "node",
    args: ["scripts/vscode/run.mjs"],
    counts: true,
  },
];

let passed = 0;
let failed = 0;
let broken = false;
let lintFailed = false;
for (const step of STEPS) {
  if (broken && !step.counts) break;
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const { code, counted } = await run(step);
  if (step.counts) {
    if (counted) [passed, failed] = [passed + counted.passed, failed + counted.failed];
    else failed++; // a runner that died before counting is one failure, not none
  }
  console.log(`◀ ${step.name}: ${code === 0 ? "ok" : `exit code ${code}`} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (code !== 0) {
    if (step.keepGoing) lintFailed = true;
    else broken = true;
    if (!step.counts) failed++;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(broken || lintFailed ? 1 : 0);

// Runs one step with its output passed through, and reads its own "N passed, N failed" line.
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let counted;
    let pending = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const match = /^(\d+) passed, (\d+) failed/.exec(line.trim());
        if (match) counted = { passed: Number(match[1]), failed: Number(match[2]) };
      }
    });
    child.on("close", (code) => resolve({ code: code ?? 1, counted }));
  });
}
