#!/usr/bin/env node
// @ts-check
// The findings of `jointspec lint --format json` over the bench corpus, in a compact stable
// form (per file, relative to the corpus folder: sorted "ruleId@line:column"), so that an
// optimisation can prove it changed no finding. bench/expected-findings.json holds the
// committed copy; test/unit/bench-findings.test.ts compares a fresh run with it.
//
//   node bench/findings.mjs           compare the CLI's findings with the committed file
//   node bench/findings.mjs --write   rewrite bench/expected-findings.json (after a deliberate change)
//
// Both lint a fresh copy of the corpus in a temporary folder, so neither a stale bench/corpus
// nor a config file around the repository can change what is found.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildCorpus, DEFAULT_SEED, writeCorpus } from "./generate.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const EXPECTED_FILE = join(ROOT, "bench/expected-findings.json");

/** Lints the corpus folder `dir` with the built CLI; returns { path: ["rule@line:col", …] } for every spec. */
export function lintCorpusFindings(dir, cli = join(ROOT, "bin/jointspec.js")) {
  const child = spawnSync(process.execPath, [cli, "lint", ".", "--format", "json", "--no-color"], {
    cwd: dir,
    encoding: "utf8",
    // As of a fixed day, after every date the corpus generates (2026 to 2028): findings must not
    // depend on the day the bench runs.
    env: { PATH: process.env.PATH, JOINTSPEC_TODAY: "2028-12-31" },
    maxBuffer: 512 * 1024 * 1024,
  });
  if (child.status !== 0 && child.status !== 1) throw new Error(`jointspec lint exited with ${child.status}: ${child.stderr}`);
  const files = {};
  for (const file of JSON.parse(child.stdout)) {
    files[file.filePath] = file.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`).sort();
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The corpus built in memory, written to a temporary folder, linted; the folder is removed. */
export function currentFindings(seed) {
  const corpus = buildCorpus(seed);
  const dir = mkdtempSync(join(tmpdir(), "jointspec-bench-corpus-"));
  try {
    writeCorpus(dir, corpus);
    return { seed: corpus.seed, corpusHash: corpus.hash, files: lintCorpusFindings(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** JSON with one line per file, so a diff shows which specs changed. */
export function formatFindings({ seed, corpusHash, files }) {
  const entries = Object.entries(files).map(([path, findings]) => `    ${JSON.stringify(path)}: ${JSON.stringify(findings)}`);
  const total = Object.values(files).reduce((n, list) => n + list.length, 0);
  return `{\n  "about": "Findings of jointspec lint over the bench corpus (bench/generate.mjs), as rule@line:column per spec. Rewrite with node bench/findings.mjs --write, only when a finding changes on purpose.",\n  "seed": ${seed},\n  "corpusHash": ${JSON.stringify(corpusHash)},\n  "specs": ${entries.length},\n  "findings": ${total},\n  "files": {\n${entries.join(",\n")}\n  }\n}\n`;
}

/** The files whose findings differ between two { path: findings } maps. */
export function differences(expected, actual) {
  const paths = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return paths
    .filter((path) => JSON.stringify(expected[path]) !== JSON.stringify(actual[path]))
    .map((path) => ({ path, expected: expected[path], actual: actual[path] }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let expected;
  try {
    expected = JSON.parse(readFileSync(EXPECTED_FILE, "utf8"));
  } catch {
    expected = undefined;
  }
  const current = currentFindings(expected?.seed ?? DEFAULT_SEED);
  if (process.argv.includes("--write")) {
    writeFileSync(EXPECTED_FILE, formatFindings(current));
    console.log(`Wrote the findings of ${Object.keys(current.files).length} specs to bench/expected-findings.json (corpus sha256 ${current.corpusHash})`);
  } else if (!expected) {
    console.error("There is no bench/expected-findings.json yet; write it with --write.");
    process.exitCode = 2;
  } else {
    if (current.corpusHash !== expected.corpusHash) console.log(`The generator's corpus changed: ${expected.corpusHash} → ${current.corpusHash}`);
    const diff = differences(expected.files, current.files);
    for (const d of diff.slice(0, 20))
      console.log(`${d.path}\n  expected: ${d.expected?.join(" ") ?? "(no such spec)"}\n  actual:   ${d.actual?.join(" ") ?? "(no such spec)"}`);
    console.log(diff.length === 0 ? "Findings unchanged." : `${diff.length} specs' findings differ.`);
    process.exitCode = diff.length === 0 && current.corpusHash === expected.corpusHash ? 0 : 1;
  }
}
