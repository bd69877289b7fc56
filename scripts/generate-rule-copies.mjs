// @ts-check
// Rewrites the copies of the rules' facts from the registry in src/core/rules (what is copied
// where: scripts/rule-copies.ts). Run by scripts/generate.mjs, so by `npm run compile`, before
// the config schema is compiled; runs alone too. Writes a file only when its text changes, so
// a build on a clean clone leaves the tree clean.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import YAML from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// The registry is TypeScript and this runs before tsc: bundle it in memory and load the bundle
// as a module. It imports its own sources, one JSON schema, and the word lists that
// scripts/generate.mjs compiles only later (src/core/generated/bundled-words.json): those come
// straight from their YAML here, since only the rules' facts are read.
const [bundle] = (
  await build({
    entryPoints: [join(root, "scripts/rule-copies.ts")],
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    logLevel: "warning",
    plugins: [
      {
        name: "word-lists-from-yaml",
        setup(build) {
          build.onResolve({ filter: /generated\/bundled-words\.json$/ }, () => ({ path: join(root, "glossary/jointspec.words.yaml"), namespace: "words" }));
          build.onLoad({ filter: /.*/, namespace: "words" }, (args) => ({
            contents: JSON.stringify(YAML.parse(readFileSync(args.path, "utf8"))),
            loader: "json",
          }));
        },
      },
    ],
  })
).outputFiles;
const loaded = { exports: {} };
new Function("module", "exports", bundle.text)(loaded, loaded.exports);
const { renderRuleCopies } = loaded.exports;

for (const { file, text } of renderRuleCopies((name) => readFileSync(join(root, name), "utf8"))) {
  if (readFileSync(join(root, file), "utf8") === text) continue;
  writeFileSync(join(root, file), text);
  console.log(`generate: rewrote ${file} from the rules in src/core/rules`);
}
