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
// vsce's output is passed through; scripts/vscode/package-check.mjs fails on any warning in it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "dist/jointspec.vsix");
const vsce = join(dirname(createRequire(import.meta.url).resolve("@vscode/vsce/package.json")), "vsce");

// Runs vsce in a folder and returns what it printed; throws, with what it said, when it fails.
function runVsce(cwd, args, { quiet = false } = {}) {
  const run = spawnSync(process.execPath, [vsce, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (run.status !== 0) {
    const said = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
    throw new Error(`vsce ${args[0]} failed (exit ${run.status ?? run.signal})${said ? `:\n${said}` : ""}`);
  }
  if (!quiet) {
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
  }
  return run.stdout;
}

/**
 * The files vsce packs from `folder` (`vsce ls`), as paths relative to it. The .vsix holds
 * exactly these under extension/ (vsce renames README.md, CHANGELOG.md and LICENSE to
 * readme.md, changelog.md and LICENSE.txt), plus the two files vsce writes itself:
 * extension.vsixmanifest and [Content_Types].xml.
 */
export function extensionFiles(folder = root) {
  return runVsce(folder, ["ls", "--no-dependencies"], { quiet: true })
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

// Packages dist/jointspec.vsix from the files extensionFiles() lists, staged without "files".
function packageVsix() {
  for (const args of [["scripts/generate.mjs"], ["esbuild.js", "--production"]]) {
    const build = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status || 1);
  }
  const files = extensionFiles();
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
    // What vsce packs from the stage must be what it listed here, or the check of the list
    // (scripts/vscode/package-check.mjs, which lists this folder) would check another package.
    const staged = extensionFiles(stage);
    const differ = [...new Set([...files, ...staged])].filter((file) => files.includes(file) !== staged.includes(file));
    if (differ.length) throw new Error(`vsce would pack other files from the staged folder than it lists here: ${differ.join(", ")}`);
    rmSync(out, { force: true });
    mkdirSync(dirname(out), { recursive: true });
    runVsce(stage, ["package", "--no-dependencies", "--out", out]);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    packageVsix();
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
