#!/usr/bin/env node
// Compares JointSpec's findings with Spectral's (bench/spectral/.spectral.yaml) on some corpus
// files, rule by rule and line by line, to check that the benchmark's two tools do the same work.
//
//   node bench/spectral/compare.mjs [files...]     (default: the first 40 specs of the corpus)
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const batch = join(root, "bench/corpus/specs/batch-0");
const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : readdirSync(batch).sort().slice(0, 40).map((f) => join(batch, f));

function run(command, args) {
  const child = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${command} ${args[0]} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

const ours = new Map();
for (const file of run(process.execPath, [join(root, "bin/jointspec.js"), "lint", "--format", "json", ...files])) {
  ours.set(resolve(root, file.filePath), file.findings.map((f) => `${f.ruleId}@${f.line}`));
}
const theirs = new Map(files.map((f) => [f, []]));
for (const result of run(process.execPath, [join(root, "node_modules/@stoplight/spectral-cli/dist/index.js"), "lint", "--ruleset", join(root, "bench/spectral/.spectral.yaml"), "--format", "json", "--quiet", ...files])) {
  theirs.get(resolve(result.source))?.push(`${result.code}@${result.range.start.line + 1}`);
}

// Spectral places an unknown key's schema error on the map that holds the key, JointSpec on
// the key itself, so those lines differ by design; the rule ids found per file should not.
const perRule = {};
let sameLines = 0;
let sameRules = 0;
const ruleIds = (list) => list.map((f) => f.split("@")[0]).join(" ");
for (const file of files) {
  const a = (ours.get(file) ?? []).sort();
  const b = (theirs.get(file) ?? []).sort();
  for (const [list, side] of [[a, "jointspec"], [b, "spectral"]]) for (const f of list) ((perRule[f.split("@")[0]] ??= { jointspec: 0, spectral: 0 })[side] += 1);
  if (ruleIds(a) === ruleIds(b)) sameRules++;
  if (JSON.stringify(a) === JSON.stringify(b)) {
    sameLines++;
    continue;
  }
  console.log(`${relative(root, file)}\n  jointspec: ${a.join(" ") || "-"}\n  spectral:  ${b.join(" ") || "-"}`);
}
console.log(`\n${files.length} files: ${sameRules} with the same findings (rule ids and counts), ${sameLines} of them also on the same lines`);
console.table(perRule);
