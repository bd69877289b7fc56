// @ts-check
// Builds the preview page's assets for the HTML report, into src/preview/render/generated/:
// the style sheet (src/preview/webview/preview.css) and the page script
// (src/preview/webview/main.ts), minified, as strings with their CSP hashes. The report
// inlines both, so it is one self-contained file. The esbuild options are esbuild.js's own
// (the same two files it builds into dist/webview/ for the panel), here always minified and
// kept in memory. Run by scripts/generate.mjs, before tsc.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "src/preview/render/generated");
mkdirSync(outDir, { recursive: true });

const { webview } = createRequire(import.meta.url)("../esbuild.js");
const built = (options) => {
  const [file] = buildSync({ ...options, absWorkingDir: root, minify: true, write: false }).outputFiles ?? [];
  if (!file) throw new Error(`esbuild returned no output for ${options.entryPoints}`);
  return file.text.trim();
};
const css = built(webview.style);
const script = built(webview.script);

// Inline, the text must not end its own element early.
if (/<\/style/i.test(css)) throw new Error("src/preview/webview/preview.css contains </style, which would end the report's inline style");
if (/<\/script|<!--/i.test(script)) throw new Error("the bundled preview script contains </script or <!--, which would break the report's inline script");

const hash = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
writeFileSync(join(outDir, "preview-assets.json"), `${JSON.stringify({ css, script, cssHash: hash(css), scriptHash: hash(script) })}\n`);
