#!/usr/bin/env node
// @ts-check
// Compares JointSpec's findings with Spectral's (bench/spectral/.spectral.yaml) on corpus files,
// rule by rule and place by place, to check that the benchmark's two tools do the same work.
//
//   node bench/spectral/compare.mjs [files...]          (default: the first 40 specs of bench/corpus)
//   node bench/spectral/compare.mjs --seed N --kind heavy [--specs 1000]
//                                  a corpus built in a temporary folder, its first --specs specs
//
// A JointSpec finding and a Spectral finding of the same rule are the same finding when they are
// on the same line, or when JointSpec's line lies inside the range Spectral reports: Spectral
// puts an ambiguous term on the whole free-text value that holds it and an unknown key's schema
// error on the map that holds the key, JointSpec both on the word or the key itself. Spectral's
// error prettifier also reports one schema error for several when one is on a map and others
// inside it, and drops an enum error when a sibling value has an error of its own: a JointSpec
// schema finding inside a Spectral schema finding's range already matched is counted as
// "merged", and an enum finding ("must be one of") in a file where Spectral reports another
// schema error as "dropped". Anything else is a difference; the exit code is 1 when there is one.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildCorpus, DEFAULT_SEED, FILES, writeCorpus } from "../generate.mjs";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: "string" }, kind: { type: "string" }, specs: { type: "string" } },
});

let files;
let temporary;
if (flags.seed !== undefined || flags.kind !== undefined) {
  const corpus = buildCorpus(flags.seed === undefined ? DEFAULT_SEED : Number(flags.seed), { kind: flags.kind ?? "mixed" });
  temporary = mkdtempSync(join(tmpdir(), "jointspec-compare-"));
  writeCorpus(temporary, corpus);
  const specs = corpus.files.filter((f) => f.path.startsWith(`${FILES.specs}/`)).slice(0, Number(flags.specs ?? 1000));
  files = specs.map((f) => join(temporary, f.path));
  console.log(`corpus: seed ${corpus.seed}, ${corpus.kind}, ${files.length} specs`);
} else if (positionals.length > 0) files = positionals.map((f) => resolve(f));
else {
  const batch = join(root, "bench/corpus/specs/batch-0");
  files = readdirSync(batch)
    .sort()
    .slice(0, 40)
    .map((f) => join(batch, f));
}

function run(command, args) {
  const child = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${command} ${args[0]} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

// { rule, line } per JointSpec finding; { rule, line, endLine } per Spectral result (1-based).
const ours = new Map(files.map((f) => [f, []]));
for (const file of run(process.execPath, [join(root, "bin/jointspec.js"), "lint", "--format", "json", ...files])) {
  ours.set(
    resolve(root, file.filePath),
    file.findings.map((f) => ({ rule: f.ruleId, line: f.line, enum: f.ruleId === "schema" && / must be one of /.test(f.message) })),
  );
}
const theirs = new Map(files.map((f) => [f, []]));
for (const result of run(process.execPath, [
  join(root, "node_modules/@stoplight/spectral-cli/dist/index.js"),
  "lint",
  "--ruleset",
  join(root, "bench/spectral/.spectral.yaml"),
  "--format",
  "json",
  "--quiet",
  ...files,
])) {
  theirs.get(resolve(result.source))?.push({ rule: result.code, line: result.range.start.line + 1, endLine: result.range.end.line + 1 });
}
if (temporary) rmSync(temporary, { recursive: true, force: true });

/** Pairs one file's findings: counts of each kind of match, and what is left on either side. */
function match(a, b) {
  const used = new Set();
  const counts = { sameLine: 0, inRange: 0, merged: 0, dropped: 0 };
  const onlyOurs = [];
  const inside = (f, t) => t.rule === f.rule && f.line >= t.line && f.line <= t.endLine;
  // Enum findings last, so that they do not take a Spectral result another finding matches better.
  for (const f of [...a].sort((x, y) => x.enum - y.enum || x.line - y.line)) {
    let i = b.findIndex((t, j) => !used.has(j) && t.rule === f.rule && t.line === f.line);
    if (i >= 0) counts.sameLine++;
    else {
      i = b.findIndex((t, j) => !used.has(j) && inside(f, t));
      if (i >= 0) counts.inRange++;
    }
    if (i >= 0) used.add(i);
    else if (f.rule === "schema" && b.some((t, j) => used.has(j) && inside(f, t))) counts.merged++;
    else if (f.enum && b.some((t, j) => used.has(j) && t.rule === "schema")) counts.dropped++;
    else onlyOurs.push(f);
  }
  return { ...counts, onlyOurs, onlyTheirs: b.filter((_, j) => !used.has(j)) };
}

const perRule = {};
const totals = { sameLine: 0, inRange: 0, merged: 0, dropped: 0, differences: 0 };
let sameFiles = 0;
let sameLineFiles = 0;
const show = (list) => list.map((f) => `${f.rule}@${f.line}`).join(" ") || "-";
for (const file of files) {
  const a = ours.get(file) ?? [];
  const b = theirs.get(file) ?? [];
  for (const [list, side] of [
    [a, "jointspec"],
    [b, "spectral"],
  ])
    for (const f of list) (perRule[f.rule] ??= { jointspec: 0, spectral: 0 })[side] += 1;
  const m = match(a, b);
  totals.sameLine += m.sameLine;
  totals.inRange += m.inRange;
  totals.merged += m.merged;
  totals.dropped += m.dropped;
  if (m.onlyOurs.length === 0 && m.onlyTheirs.length === 0) {
    sameFiles++;
    if (m.sameLine === a.length && a.length === b.length) sameLineFiles++;
    continue;
  }
  totals.differences += m.onlyOurs.length + m.onlyTheirs.length;
  console.log(`${relative(root, file)}\n  only jointspec: ${show(m.onlyOurs)}\n  only spectral:  ${show(m.onlyTheirs)}`);
}
console.log(
  `\n${files.length} files: ${sameFiles} with the same findings (${sameLineFiles} of them all on the same lines), ${files.length - sameFiles} with a difference.` +
    `\nFindings: ${totals.sameLine} on the same line, ${totals.inRange} inside Spectral's range, ${totals.merged} merged into one by Spectral, ${totals.dropped} enum errors dropped by Spectral beside another, ${totals.differences} found by one tool only.`,
);
console.table(perRule);
process.exitCode = totals.differences === 0 ? 0 : 1;
