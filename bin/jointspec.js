#!/usr/bin/env node
// The installed command: runs the CLI that esbuild bundled into dist/cli.js.
//
// Compiling that 0.7 MB bundle is a third of the start-up of a one-spec run, so the compiled
// code is kept in V8's code cache in the system's temp folder, keyed by the bundle's size and
// time and by the Node version: the next run skips the compile. Node 22 does this by itself
// (module.enableCompileCache); Node 20 does not. Any problem with the cache falls back to a
// plain require, so the cache can only make a run faster, never break it.
// biome-ignore lint/suspicious/noRedundantUseStrict: this file is CommonJS (package.json has no "type"), where the directive is not implied
"use strict";

// The bundle is built for Node 20.16 or later (package.json's engines). The pre-commit hook
// runs this file with whatever `node` is on PATH (Debian 12's own is Node 18), so an older
// Node gets one clear line and exit code 2 instead of an error from somewhere in the bundle.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 16)) {
  process.stderr.write(`jointspec: needs Node.js 20.16 or later, but ${process.execPath} is v${process.versions.node}\n`);
  process.exit(2);
}

const fs = require("node:fs");
const path = require("node:path");
const bundle = path.join(__dirname, "..", "dist", "cli.js");

// Compiles the bundle with the code cache and returns the function that runs it; throws when
// the cache machinery is not available, before anything of the CLI has run.
function compileWithCodeCache() {
  const Module = require("node:module");
  const os = require("node:os");
  const vm = require("node:vm");
  const stat = fs.statSync(bundle);
  const cacheDir = path.join(os.tmpdir(), "jointspec-code-cache");
  const cacheFile = path.join(cacheDir, `${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
  const wrapper = script.runInThisContext();
  const cli = new Module(bundle, module);
  cli.filename = bundle;
  cli.paths = Module._nodeModulePaths(path.dirname(bundle));
  return () => {
    wrapper.call(cli.exports, cli.exports, Module.createRequire(bundle), cli, bundle, path.dirname(bundle));
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    // Written once the run is over, so that the functions it compiled are in the cache too.
    process.once("beforeExit", () => {
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      } catch {
        // a read-only temp folder: no cache, same result
      }
    });
  };
}

let run;
try {
  run = compileWithCodeCache();
} catch {
  run = () => require(bundle);
}
run();
