// @ts-check
// Bundles each entry point into one file. One options object per target, as the VS Code
// extension samples do, each spreading what it shares with the others; `--watch` rebuilds on
// change, `--production` minifies.
const esbuild = require("esbuild");
const path = require("node:path");

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/**
 * What every target shares: one self-contained file, quiet unless something is wrong.
 * @type {import("esbuild").BuildOptions}
 */
const shared = {
  bundle: true,
  legalComments: "none",
  logLevel: "warning",
  // yaml's ES module build, on every platform. For Node, yaml's package exports its CommonJS
  // build, which esbuild wraps in an object of getters, one call for every use of a yaml
  // export: about 5% of a large CLI run. The ES module build is hoisted into the bundle like
  // our own code. Both builds come from the same source; they differ only in how yaml logs
  // warnings (parse.ts sets logLevel "silent") and in two debugging variables read from the
  // environment.
  alias: { yaml: path.join(path.dirname(require.resolve("yaml/package.json")), "browser", "dist", "index.js") },
};

/**
 * The extension, in either extension host; only `vscode` comes from the host.
 * @type {import("esbuild").BuildOptions}
 */
const extension = {
  ...shared,
  entryPoints: ["src/extension/extension.ts"],
  format: "cjs",
  external: ["vscode"],
  sourcemap: !production,
  minify: production,
};

/**
 * The preview page's script and style sheet, for the panel to load from dist/webview/.
 * scripts/generate-preview.mjs builds the same two again, minified and in memory, for the
 * HTML report to carry inline: these options are the one definition both use.
 * @type {{ script: import("esbuild").BuildOptions, style: import("esbuild").BuildOptions }}
 */
const webview = {
  script: {
    // It imports only src/preview/webview/messages.ts.
    entryPoints: ["src/preview/webview/main.ts"],
    outfile: "dist/webview/preview.js",
    ...shared,
    platform: "browser",
    target: "es2020",
    format: "iife",
    minify: production,
  },
  style: {
    entryPoints: ["src/preview/webview/preview.css"],
    outfile: "dist/webview/preview.css",
    ...shared,
    minify: production,
  },
};

/** @type {import("esbuild").BuildOptions[]} */
const targets = [
  {
    ...shared,
    entryPoints: ["src/cli/bin.ts"],
    outfile: "dist/cli.js",
    platform: "node",
    target: "node20",
    format: "cjs",
    // The bundle is committed (see .gitignore) and shipped; its map is written beside it for
    // debugging but neither committed nor shipped, so the bundle carries no link to it.
    sourcemap: "external",
    // Always minified: a one-spec run starts about 6 ms sooner (bench: one small spec).
    minify: true,
    // ESM dependencies (fdir, via tinyglobby) read import.meta.url, which a CJS bundle lacks.
    define: { "import.meta.url": "importMetaUrl" },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  },
  {
    // package.json "main": VS Code desktop and remote windows run it in the Node extension host.
    ...extension,
    outfile: "dist/extension.js",
    platform: "node",
    target: "node20",
  },
  {
    // package.json "browser": vscode.dev and github.dev run it in the web-worker extension
    // host, where nothing but `vscode` can be required. A Node built-in imported anywhere in
    // src/extension or src/core fails this build ("Could not resolve"); packages with a
    // "browser" field (yaml) resolve to their browser build.
    ...extension,
    outfile: "dist/web/extension.js",
    platform: "browser",
    target: "es2022",
  },
  webview.script,
  webview.style,
];

async function build() {
  if (watch) {
    for (const options of targets) await (await esbuild.context(options)).watch();
    return;
  }
  await Promise.all(targets.map((options) => esbuild.build(options)));
}

module.exports = { webview };

// Run as a script it builds; required (by scripts/generate-preview.mjs) it only lends its options.
if (require.main === module) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
