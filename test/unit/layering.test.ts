import { deepStrictEqual } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, posix, relative } from "node:path";
import { REPO } from "./helpers/fixtures.js";

// The dependency rules, enforced so the layering cannot silently rot. Each source folder may
// import the packages and the code its row names, and, with `import type` only, the types
// its row names. Every source file belongs to a row, so a new folder needs a decision here.
interface Layer {
  folder: string;
  /** Package names it may import, or "any but vscode" / "any". */
  packages: readonly string[] | "any but vscode" | "any";
  /** Folders (or single files) under the repository whose code it may import. */
  code: readonly string[];
  /** Folders (or single files) it may import types from, and nothing else. */
  types?: readonly string[];
}

const LAYERS: readonly Layer[] = [
  // The pure core: callers pass I/O in. The JSON Schemas are data it compiles against.
  // @noble/hashes gives the sign-off record its SHA-256, the same in Node and a web worker.
  { folder: "src/core", packages: ["yaml", "ajv", "@noble/hashes/sha2"], code: ["src/core", "schemas"] },
  // The preview's data: built from a lint result, as pure as the core it reads.
  { folder: "src/preview/model", packages: ["yaml"], code: ["src/core", "src/preview/model"] },
  // The page as HTML: string building from the model's data, and the attribute values the
  // page script reads (its lenses), nothing it could call.
  { folder: "src/preview/render", packages: [], code: ["src/preview/render"], types: ["src/core", "src/preview/model", "src/preview/webview/messages.ts"] },
  // The browser script: only the messages it shares with the host, which import nothing.
  { folder: "src/preview/webview", packages: [], code: ["src/preview/webview/messages.ts"] },
  // Pure (results, context) => text; the html format is the preview's renderer.
  { folder: "src/formatters", packages: [], code: ["src/formatters", "src/preview/render"], types: ["src/core", "src/preview/model"] },
  // The hosts never import each other; the CLI reaches the page only through the html format.
  { folder: "src/cli", packages: "any but vscode", code: ["src/cli", "src/core", "src/formatters", "src/preview/model"] },
  { folder: "src/extension", packages: "any", code: ["src/extension", "src/core", "src/formatters", "src/preview"] },
];

// The folders whose code must not touch the host: no vscode, file system, process or console.
const PURE = ["src/core", "src/preview"];

function sources(folder: string): string[] {
  const dir = join(REPO, folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(relative(REPO, path));
    return name.endsWith(".ts") ? [relative(REPO, path).split("\\").join("/")] : [];
  });
}

interface Import {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(REPO, file), "utf8");
  const statements = [...text.matchAll(/^\s*(import|export)\s(type\s)?[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => ({
    specifier: m[3]!,
    typeOnly: m[2] !== undefined,
  }));
  const bare = [...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((m) => ({ specifier: m[1]!, typeOnly: false }));
  const calls = [...text.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => ({ specifier: m[1]!, typeOnly: false }));
  return [...statements, ...bare, ...calls];
}

// The repository path a relative import names, with TypeScript's `.js` read as the `.ts` it compiles from.
function target(file: string, specifier: string): string {
  return posix.join(posix.dirname(file), specifier).replace(/\.js$/, ".ts");
}

const within = (path: string, places: readonly string[]): boolean => places.some((place) => path === place || path.startsWith(`${place}/`));

// The row of the most specific folder holding `file`.
function layerOf(file: string): Layer | undefined {
  return LAYERS.filter((layer) => within(file, [layer.folder])).sort((a, b) => b.folder.length - a.folder.length)[0];
}

function allowed(layer: Layer, { specifier, typeOnly }: Import, file: string): boolean {
  if (specifier.startsWith(".")) {
    const path = target(file, specifier);
    return within(path, layer.code) || (typeOnly && within(path, layer.types ?? []));
  }
  if (layer.packages === "any") return true;
  if (layer.packages === "any but vscode") return specifier !== "vscode";
  return layer.packages.includes(specifier);
}

// Code without comments and strings, to look for uses of globals.
function code(file: string): string {
  return readFileSync(join(REPO, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
}

// A Node built-in, with or without its node: prefix (fs, node:fs, fs/promises, path, crypto, ...).
function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!);
}

// Globals that exist in Node's extension host but not in VS Code's web-worker host.
const NODE_GLOBALS = ["process", "Buffer", "__dirname", "__filename", "require", "setImmediate", "global"];

// What the extension bundles for the web-worker host (package.json "browser"), where no Node exists.
const WEB_WORKER_SAFE = ["src/core", "src/preview", "src/extension"];

describe("layering", () => {
  const files = sources("src");

  it("every source file belongs to a layer", () => {
    deepStrictEqual(
      files.filter((file) => !layerOf(file)),
      [],
    );
  });

  for (const layer of LAYERS) {
    const types = layer.types ? `, and types from ${layer.types.join(", ")}` : "";
    const packages = Array.isArray(layer.packages) ? (layer.packages.length > 0 ? layer.packages.join(", ") : "no package") : `${layer.packages} package`;
    it(`${layer.folder} imports ${packages}, code from ${layer.code.join(", ")}${types}`, () => {
      const mine = files.filter((file) => layerOf(file) === layer);
      const found = mine.flatMap((file) =>
        importsOf(file)
          .filter((i) => !allowed(layer, i, file))
          .map((i) => `${file} imports ${i.typeOnly ? "types from " : ""}${i.specifier}`),
      );
      deepStrictEqual(found, []);
    });
  }

  it("the webview's messages import nothing", () => {
    deepStrictEqual(importsOf("src/preview/webview/messages.ts"), []);
  });

  for (const folder of PURE) {
    it(`${folder} uses neither vscode, fs, process nor console`, () => {
      const found = files
        .filter((file) => within(file, [folder]))
        .flatMap((file) => {
          const text = code(file);
          return ["vscode", "node:fs", "process.", "console.", "require("].filter((word) => text.includes(word)).map((word) => `${file} uses ${word}`);
        });
      deepStrictEqual(found, []);
    });
  }

  it(`${WEB_WORKER_SAFE.join(", ")} import no Node built-in (they run in the web-worker host too)`, () => {
    const found = files
      .filter((file) => within(file, WEB_WORKER_SAFE))
      .flatMap((file) =>
        importsOf(file)
          .filter((i) => !i.typeOnly && isNodeBuiltin(i.specifier))
          .map((i) => `${file} imports ${i.specifier}`),
      );
    deepStrictEqual(found, []);
  });

  it("src/extension uses no Node global (process, Buffer, __dirname, require, ...)", () => {
    const found = files
      .filter((file) => within(file, ["src/extension"]))
      .flatMap((file) => {
        const text = code(file);
        return NODE_GLOBALS.filter((name) => new RegExp(`(?<![\\w$.])${name}\\b(?!\\s*:)`).test(text)).map((name) => `${file} uses ${name}`);
      });
    deepStrictEqual(found, []);
  });

  it("the Node-built-in check itself catches what it must", () => {
    deepStrictEqual(["node:crypto", "fs", "fs/promises", "path", "os", "crypto", "process", "yaml", "./nonce.js", "vscode"].filter(isNodeBuiltin), [
      "node:crypto",
      "fs",
      "fs/promises",
      "path",
      "os",
      "crypto",
      "process",
    ]);
  });
});
