// @ts-check
// Preloaded with `node --require` when /usr/bin/time is missing: reports the process's peak
// RSS (all threads) on exit, for bench/run.mjs to read from stderr.
process.on("exit", () => {
  process.stderr.write(`\njointspec-bench-maxrss=${process.resourceUsage().maxRSS}\n`);
});
