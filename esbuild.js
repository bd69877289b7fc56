// Bundles each entry point into one file. One options object per target, as the VS Code
// extension samples do; `--watch` rebuilds on change, `--production` minifies.
const esbuild = require("esbuild");

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

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
    bundle: true,
    platform: "browser",
    target: "es2020",
    format: "iife",
    minify: production,
    legalComments: "none",
    logLevel: "warning",
  },
  style: {
    entryPoints: ["src/preview/webview/preview.css"],
    outfile: "dist/webview/preview.css",
    bundle: true,
    minify: production,
    legalComments: "none",
    logLevel: "warning",
  },
};

/** @type {import("esbuild").BuildOptions[]} */
const targets = [
  {
    entryPoints: ["src/cli/bin.ts"],
    outfile: "dist/cli.js",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // The bundle is committed (see .gitignore) and shipped; its map is written beside it for
    // debugging but neither committed nor shipped, so the bundle carries no link to it.
    sourcemap: "external",
    // Always minified: a one-spec run starts about 6 ms sooner (bench: one small spec).
    minify: true,
    legalComments: "none",
    // ESM dependencies (fdir, via tinyglobby) read import.meta.url, which a CJS bundle lacks.
    define: { "import.meta.url": "importMetaUrl" },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: "warning",
  },
  {
    entryPoints: ["src/extension/extension.ts"],
    outfile: "dist/extension.js",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["vscode"],
    sourcemap: !production,
    minify: production,
    legalComments: "none",
    logLevel: "warning",
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
