// Builds the preview page's assets for the HTML report, into src/preview/render/generated/:
// the style sheet (media/preview.css, which the VS Code panel loads as a file) and the page
// script (src/preview/webview/main.ts, which esbuild.js also bundles for the panel), as strings
// with their CSP hashes. The report inlines both, so it is one self-contained file.
// Run by scripts/generate.mjs, before tsc.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync, transformSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "src/preview/render/generated");
mkdirSync(outDir, { recursive: true });

const css = transformSync(readFileSync(join(root, "media/preview.css"), "utf8"), { loader: "css", minify: true, logLevel: "warning" }).code.trim();
const bundle = buildSync({
  entryPoints: [join(root, "src/preview/webview/main.ts")],
  bundle: true,
  write: false,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
});
const script = bundle.outputFiles[0].text.trim();

// Inline, the text must not end its own element early.
if (/<\/style/i.test(css)) throw new Error("media/preview.css contains </style, which would end the report's inline style");
if (/<\/script|<!--/i.test(script)) throw new Error("the bundled preview script contains </script or <!--, which would break the report's inline script");

const hash = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
writeFileSync(join(outDir, "preview-assets.json"), `${JSON.stringify({ css, script, cssHash: hash(css), scriptHash: hash(script) })}\n`);
