// Rewrites the copies of the rules' facts from the registry in src/core/rules (what is copied
// where: scripts/rule-copies.ts). Run by scripts/generate.mjs, so by `npm run compile`, before
// the config schema is compiled; runs alone too. Writes a file only when its text changes, so
// a build on a clean clone leaves the tree clean.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// The registry is TypeScript and this runs before tsc: bundle it in memory (it imports
// nothing but its own sources and one JSON schema) and load the bundle as a module.
const [bundle] = buildSync({
  entryPoints: [join(root, "scripts/rule-copies.ts")],
  bundle: true,
  write: false,
  platform: "node",
  format: "cjs",
  logLevel: "warning",
}).outputFiles;
const loaded = { exports: {} };
new Function("module", "exports", bundle.text)(loaded, loaded.exports);
const { renderRuleCopies } = loaded.exports;

for (const { file, text } of renderRuleCopies((name) => readFileSync(join(root, name), "utf8"))) {
  if (readFileSync(join(root, file), "utf8") === text) continue;
  writeFileSync(join(root, file), text);
  console.log(`generate: rewrote ${file} from the rules in src/core/rules`);
}
