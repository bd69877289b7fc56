// @ts-check
// The package phase of `npm run test:vscode`: `npm run package` builds dist/jointspec.vsix, and
// this checks what it holds before anything installs it: that vsce printed no warning, the
// exact file list (what vsce packs, from `vsce ls`), the entries the manifest names, and the
// 1 MB budget.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { extensionFiles } from "../package-vsix.mjs";
import { HarnessError, REPO } from "./browser.mjs";

export const VSIX = join(REPO, "dist/jointspec.vsix");
const VSIX_MAX_BYTES = 1024 * 1024;

// What the .vsix may hold, as `vsce ls` names the files (paths in the extension's folder; same
// list as .vscodeignore). The CLI bundle and the glossary's YAML are not here: the extension
// carries its own compiled copy.
const VSIX_ALLOWED = [
  /^(package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE(\.md|\.txt)?)$/i,
  /^dist\/(extension\.js|web\/extension\.js|webview\/[\w-]+\.(js|css))$/,
  /^schemas\/[\w.-]+\.schema\.json$/,
  /^docs\/rules\/[a-z][\w-]*\.md$/,
  /^media\/icon\.png$/,
  /^syntaxes\/[\w.-]+\.json$/,
];
// The files vsce writes into every .vsix beside the extension's own.
const VSCE_OWN_FILES = ["extension.vsixmanifest", "[Content_Types].xml"];
// What in vsce's output counts as a warning: its WARNING lines (annotations under GitHub
// Actions), and its note that one file is most of the package (an unminified bundle).
const VSCE_WARNING = /\bWARNING\b|^::warning|\bis large\b/;

/**
 * The files the manifest itself points at: the entries, the icon, the grammars and the
 * schemas it contributes. A .vsix without one of them installs but breaks.
 * @param {Record<string, any>} manifest package.json
 * @returns {string[]}
 */
export function filesTheManifestNames(manifest) {
  const contributes = manifest.contributes ?? {};
  return [
    "package.json",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    manifest.main,
    manifest.browser,
    manifest.icon,
    ...(contributes.grammars ?? []).map((/** @type {{ path: string }} */ grammar) => grammar.path),
    ...(contributes.yamlValidation ?? []).map((/** @type {{ url: string }} */ validation) => validation.url),
  ]
    .filter((path) => typeof path === "string")
    .map((path) => path.replace(/^\.\//, ""));
}

/**
 * What is wrong with a package's file list (as `vsce ls` gives it), one sentence a problem:
 * files the extension does not need at run time, and files the manifest names that are missing.
 * @param {string[]} files
 * @param {Record<string, any>} manifest package.json
 * @returns {string[]}
 */
export function fileListProblems(files, manifest) {
  const problems = [];
  const stray = files.filter((file) => !VSIX_ALLOWED.some((re) => re.test(file)));
  if (stray.length) problems.push(`the .vsix holds files the extension does not need at run time: ${stray.join(", ")} (fix .vscodeignore)`);
  const missing = filesTheManifestNames(manifest).filter((file) => !files.includes(file));
  if (missing.length) problems.push(`the .vsix lacks ${missing.join(", ")}, which package.json names (fix .vscodeignore)`);
  return problems;
}

/**
 * Runs `npm run package` and checks the .vsix: no vsce warning, the exact file list, the
 * budget. Throws a HarnessError saying what is wrong.
 * @param {Record<string, any>} manifest package.json
 */
export function packageAndCheck(manifest) {
  rmSync(VSIX, { force: true });
  // stdout is a pipe, so vsce answers its own prompts (a missing LICENSE) with "y"; any
  // warning it prints fails the check below, so a prompt cannot pass unnoticed.
  const pack = spawnSync("npm", ["run", "--silent", "package"], { cwd: REPO, encoding: "utf8", timeout: 180_000 });
  // Colour codes removed: vsce colours its labels when it thinks it writes to a terminal.
  const output = `${pack.stdout ?? ""}${pack.stderr ?? ""}`.replace(/npm warn Unknown user config.*\n/g, "").replace(/\x1b\[[0-9;]*m/g, "");
  if (pack.status !== 0 || !existsSync(VSIX)) {
    const reason = (output.split("\n").find((line) => /ERROR/.test(line)) ?? output.trim().split("\n").pop() ?? `exit ${pack.status}`)
      .replace(/\s*ERROR\s*/, "")
      .trim();
    throw new HarnessError(`\`npm run package\` failed: ${reason}`);
  }
  const warnings = output
    .split("\n")
    .filter((line) => VSCE_WARNING.test(line))
    .map((line) => line.trim());
  if (warnings.length) throw new HarnessError(`vsce warned while packaging: ${warnings.join(" | ")}`);

  // The list vsce packs (scripts/package-vsix.mjs staged exactly these and checked that vsce
  // packs the same from the stage); vsce's own count in "Packaged: … (N files" confirms it.
  let files;
  try {
    files = extensionFiles();
  } catch (error) {
    throw new HarnessError(error instanceof Error ? error.message : String(error));
  }
  const packed = /Packaged: .*\((\d+) files?\b/.exec(output);
  if (!packed) throw new HarnessError(`vsce did not say how many files it packed; its output ended: ${output.trim().split("\n").pop()}`);
  if (Number(packed[1]) !== files.length + VSCE_OWN_FILES.length) {
    throw new HarnessError(`vsce packed ${packed[1]} files, but \`vsce ls\` lists ${files.length} (+ ${VSCE_OWN_FILES.join(" and ")})`);
  }
  const size = statSync(VSIX).size;
  console.log(`  ${relative(REPO, VSIX)}: ${(size / 1024).toFixed(0)} KB, ${files.length} files + ${VSCE_OWN_FILES.join(", ")}`);
  const problems = fileListProblems(files, manifest);
  if (problems.length) throw new HarnessError(problems.join("; "));
  if (size > VSIX_MAX_BYTES) throw new HarnessError(`the .vsix is ${(size / 1024).toFixed(0)} KB, over the 1 MB budget`);
}
