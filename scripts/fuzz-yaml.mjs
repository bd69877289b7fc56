#!/usr/bin/env node
// @ts-check
// Differential fuzz of the fast YAML path against the yaml library: the property of
// test/unit/fast-yaml.test.ts, a million times on a random seed. Prints the seed first; on a
// mismatch, fast-check's shrunk (minimal) text, what differs, and how to replay it.
//
//   npm run fuzz                          (builds first, then a million cases, random seed)
//   npm run fuzz -- --seed 42 --runs 5000
//   node scripts/fuzz-yaml.mjs [--seed N] [--runs N]   (after npm run compile)
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const helpers = join(root, "out/test/unit/helpers");
if (!existsSync(join(helpers, "yaml-arbitrary.js")) || !existsSync(join(helpers, "yaml-differential.js"))) {
  console.error("fuzz: the compiled test helpers are missing from out/; run `npm run compile` first (npm run fuzz does).");
  process.exit(2);
}

const { values } = parseArgs({ options: { seed: { type: "string" }, runs: { type: "string" } } });
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = values.runs !== undefined ? Number(values.runs) : 1_000_000;
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  console.error("fuzz: --seed and --runs take whole numbers, --runs at least 1");
  process.exit(2);
}

const fc = require("fast-check");
const { yamlText } = require(join(helpers, "yaml-arbitrary.js"));
const { comparePaths } = require(join(helpers, "yaml-differential.js"));

console.log(`fuzz: seed ${seed}, ${runs.toLocaleString("en")} cases`);
const started = Date.now();
let cases = 0;
let taken = 0;
const step = Math.max(1, Math.floor(runs / 10));
const result = fc.check(
  fc.property(yamlText(), (text) => {
    cases++;
    if (cases % step === 0) console.log(`  ${cases.toLocaleString("en")} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const { taken: tookIt, difference } = comparePaths(text);
    if (tookIt) taken++;
    if (difference) throw new Error(difference);
  }),
  { seed, numRuns: runs },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (!result.failed) {
  console.log(
    `fuzz: ${result.numRuns.toLocaleString("en")} cases, seed ${seed}, ${seconds} s, ${taken.toLocaleString("en")} taken by the fast path, 0 mismatches`,
  );
  process.exit(0);
}
const [text] = result.counterexample ?? [];
console.log(`fuzz: MISMATCH after ${result.numRuns.toLocaleString("en")} cases (seed ${seed}, ${seconds} s), shrunk ${result.numShrinks} times to:`);
console.log(`  text: ${JSON.stringify(text)}`);
console.log(`  what: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
console.log(`  replay: node scripts/fuzz-yaml.mjs --seed ${seed} --runs ${runs}  (fast-check path ${result.counterexamplePath})`);
process.exit(1);
