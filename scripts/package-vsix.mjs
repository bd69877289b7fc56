// @ts-check
// `npm run package`: packages the VS Code extension as dist/jointspec.vsix with vsce.
//
// package.json's "files" is the npm package's allow-list (the CLI), while .vscodeignore says
// what the extension needs; vsce refuses to package a folder that has both. So vsce lists the
// files .vscodeignore lets through (`vsce ls`, which reads only .vscodeignore), they are
// copied to a temporary folder with a package.json that has no "files", and vsce packages
// that folder. The .vsix is the same as vsce would make from this folder, minus the conflict.
//
// The extension is bundled again first, minified (`esbuild.js --production`), as a published
// extension should be: about half the size.
// vsce's output is passed through; scripts/vscode/run.mjs fails on any warning in it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "dist/jointspec.vsix");
const vsce = join(dirname(createRequire(import.meta.url).resolve("@vscode/vsce/package.json")), "vsce");

// Runs vsce in a folder; exits with its code when it fails, after showing what it said.
function runVsce(cwd, args, { quiet = false } = {}) {
  const run = spawnSync(process.execPath, [vsce, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (run.status !== 0) {
    process.stdout.write(run.stdout ?? "");
    process.stderr.write(run.stderr ?? "");
    console.error(`package: vsce ${args[0]} failed (exit ${run.status ?? run.signal})`);
    process.exit(run.status || 1);
  }
  if (!quiet) {
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
  }
  return run.stdout;
}

for (const args of [["scripts/generate.mjs"], ["esbuild.js", "--production"]]) {
  const build = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status || 1);
}
const files = runVsce(root, ["ls", "--no-dependencies"], { quiet: true }).split("\n").map((line) => line.trim()).filter(Boolean);
const stage = mkdtempSync(join(tmpdir(), "jointspec-vsix-"));
try {
  for (const file of files) {
    if (file === "package.json") continue;
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(root, file), join(stage, file));
  }
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  delete manifest.files;
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(root, ".vscodeignore"), join(stage, ".vscodeignore"));
  rmSync(out, { force: true });
  mkdirSync(dirname(out), { recursive: true });
  runVsce(stage, ["package", "--no-dependencies", "--out", out]);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
