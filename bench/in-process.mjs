#!/usr/bin/env node
// @ts-check
// The editor's path, in-process and warm: lintSpec (from out/, as tsc compiles it) on the
// 150-line and the 5,000-line spec, and a hover look-up (termAt) on an analysis. Prints JSON
// with the median µs of each, for bench/run.mjs.
//
//   node bench/in-process.mjs [--quick]
//
// Each re-lint gets a slightly different text (one KPI target changed, as if typed), cycling
// through a few variants, so that a cache keyed by the text cannot stand in for linting.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS_DIR, FILES } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const { lintSpec } = require(join(root, "out/src/core/lint.js"));
const { termAt } = require(join(root, "out/src/core/glossary/lookup.js"));
const quick = process.argv.includes("--quick");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Text variants that differ in one number, as after a keystroke. */
function variants(text, count) {
  const match = /^(\s*target: )(\d+)$/m.exec(text) ?? /^(\s*baseline: )(\d+)$/m.exec(text);
  if (!match) throw new Error("no numeric target or baseline to vary");
  const at = match.index + match[1].length;
  return Array.from({ length: count }, (_, i) => `${text.slice(0, at)}${Number(match[2]) + i}${text.slice(at + match[2].length)}`);
}

function timeLint(path, warmup, iterations) {
  const texts = variants(readFileSync(join(CORPUS_DIR, path), "utf8"), 8);
  let findings = 0;
  for (let i = 0; i < warmup; i++) findings = lintSpec(texts[i % texts.length]).findings.length;
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const text = texts[i % texts.length];
    const start = process.hrtime.bigint();
    lintSpec(text);
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return {
    lines: texts[0].split("\n").length - 1,
    findings,
    iterations,
    warmup,
    medianUs: median(samples),
    minUs: Math.min(...samples),
    maxUs: Math.max(...samples),
  };
}

// Hovers over every glossary term in the spec and over as many places that hold none: the
// µs of one look-up, as the median over batches (one call is too short to time alone).
function timeHover(path, batches, batchSize) {
  const text = readFileSync(join(CORPUS_DIR, path), "utf8");
  const { analysis } = lintSpec(text);
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const positionOf = (offset) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line, character: offset - lineStarts[line] };
  };
  const onTerms = analysis.terms.map((t) => positionOf((t.start + t.end) >> 1));
  const elsewhere = onTerms.map((_, i) => positionOf(Math.floor(((i + 0.5) * text.length) / onTerms.length)));
  const positions = onTerms.flatMap((p, i) => [p, elsewhere[i]]);
  if (positions.length === 0) throw new Error(`no glossary terms in ${path} to hover on`);
  let hits = 0;
  for (const position of positions) if (termAt(analysis, position)) hits++;
  for (let i = 0; i < 20_000; i++) termAt(analysis, positions[i % positions.length]);
  const samples = [];
  let sink = 0;
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batchSize; i++) if (termAt(analysis, positions[(b * batchSize + i) % positions.length])) sink++;
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batchSize);
  }
  return { terms: onTerms.length, positions: positions.length, hitsPerRound: hits, lookups: batches * batchSize, medianUs: median(samples), sink };
}

const result = {
  small: timeLint(FILES.small, quick ? 50 : 300, quick ? 200 : 1000),
  medium: timeLint(FILES.medium, quick ? 5 : 20, quick ? 20 : 100),
  hover: timeHover(FILES.medium, quick ? 50 : 300, 1000),
};
console.log(JSON.stringify(result));
