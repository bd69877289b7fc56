#!/usr/bin/env node
// Where lintSpec's time goes, in-process: over every spec of a corpus folder, how many the
// exact fast YAML path accepts (src/core/fast-yaml.ts), and the CPU time of each phase of a
// lint (parse, with the fast path and the yaml library apart; toJS; schema; terms; pins;
// suppression comments; each rule; applying suppressions; the whole lintSpec). For deciding
// what to make faster; bench/run.mjs measures the budgets.
//
//   node bench/profile.mjs [folder or file…] [--rounds N]   (default: bench/corpus/specs, 3 rounds)
//
// Each phase is timed apart on the same texts, after one warm-up round, and the figures are
// the sum over the corpus of the best of the rounds, in ms. Phases are timed on their own, so
// their sum is close to (not exactly) the whole lintSpec. Reads out/ (run `npm run compile`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const out = (path) => require(join(root, "out/src/core", path));
const { lintSpec } = out("lint.js");
const { parseYaml } = out("parse.js");
const { fastParse } = out("fast-yaml.js");
const { RULES } = out("rules/index.js");
const { findTermOccurrences, readPins } = out("glossary/terms.js");
const { Glossary } = out("glossary/glossary.js");
const { findDirectives } = out("suppressions.js");
const validateSpec = out("generated/validate-spec.js");

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "3" } } });
const rounds = Number(values.rounds);
const targets = positionals.length > 0 ? positionals : [join(root, "bench/corpus/specs")];

function listSpecs(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listSpecs(join(path, entry.name)) : entry.name.endsWith(".yaml") ? [join(path, entry.name)] : []));
}

const texts = targets.flatMap(listSpecs).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const glossary = Glossary.bundled();

// Why the fast path declined, when it did: the first feature of the text it leaves to the library.
let accepted = 0;
const acceptedHeavy = { yes: 0, all: 0 };
for (const { text } of texts) {
  const ok = fastParse(text, 100) !== undefined;
  if (ok) accepted++;
  // Heavy specs carry long block or multi-line text; the generator's marker is the summary's length.
  if (text.length > 8000) {
    acceptedHeavy.all++;
    if (ok) acceptedHeavy.yes++;
  }
}

// Phase timing: the best of `rounds` per phase, summed over the corpus.
const now = () => process.cpuUsage();
const msSince = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const hr = () => process.hrtime.bigint();
const msHr = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const parsedOf = texts.map(({ text }) => parseYaml(text));
const phases = {
  "lintSpec (whole)": () => {
    for (const { text } of texts) lintSpec(text);
  },
  "fastParse (all texts)": () => {
    for (const { text } of texts) fastParse(text, 100);
  },
  "parseYaml, library only": () => {
    for (const { text } of texts) parseYaml(text, { libraryOnly: true });
  },
  "parseYaml (as lintSpec)": () => {
    for (const { text } of texts) parseYaml(text);
  },
  "document.toJS": () => {
    for (const p of parsedOf) p.document?.toJS();
  },
  "schema (Ajv)": () => {
    for (const p of parsedOf) validateSpec(p.data);
  },
  "terms (findTermOccurrences)": () => {
    for (const [i, p] of parsedOf.entries()) if (p.document) findTermOccurrences(p.document, texts[i].text, glossary);
  },
  "pins (readPins)": () => {
    for (const p of parsedOf) if (p.document) readPins(p.document, glossary);
  },
  directives: () => {
    for (const p of parsedOf) findDirectives(p.lines);
  },
};

// Rules: each rule's check wrapped to add up its own time during whole lints.
const ruleTimes = new Map();
for (const rule of RULES) {
  const check = rule.check;
  rule.check = (context, report) => {
    const start = hr();
    try {
      return check.call(rule, context, report);
    } finally {
      ruleTimes.set(rule.id, (ruleTimes.get(rule.id) ?? 0) + msHr(start));
    }
  };
}

const best = {};
for (let round = 0; round <= rounds; round++) {
  for (const [name, run] of Object.entries(phases)) {
    const start = now();
    run();
    const ms = msSince(start);
    if (round > 0) best[name] = Math.min(best[name] ?? Infinity, ms);
  }
}
// Rule times: the last round's lintSpec only.
ruleTimes.clear();
for (const { text } of texts) lintSpec(text);

const lines = texts.reduce((sum, { text }) => sum + text.split("\n").length, 0);
const bytes = texts.reduce((sum, { text }) => sum + text.length, 0);
console.log(`${texts.length} specs, ${lines} lines, ${(bytes / 1e6).toFixed(2)} MB of text (${targets.join(", ")})`);
console.log(
  `fast path accepts ${accepted} of ${texts.length} (${((100 * accepted) / texts.length).toFixed(1)}%); of texts over 8 kB, ${acceptedHeavy.yes} of ${acceptedHeavy.all}`,
);
console.log(`\nCPU ms, best of ${rounds} rounds, summed over the corpus:`);
for (const [name, ms] of Object.entries(best)) console.log(`  ${name.padEnd(30)} ${ms.toFixed(0).padStart(7)}`);
console.log(`\nrules, wall ms in one round of lintSpec:`);
for (const [id, ms] of [...ruleTimes].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(30)} ${ms.toFixed(1).padStart(7)}`);
