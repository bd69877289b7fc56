import { deepStrictEqual } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { REPO } from "./helpers/fixtures.js";

// The dependency rules of STYLE.md, enforced so the layering cannot silently rot:
// core imports only yaml, ajv and itself (no vscode, no fs, no process, no console);
// formatters import only core types; cli and extension never import each other. The extension
// also runs in VS Code's web-worker host (package.json "browser"), where no Node exists: it and
// the core it bundles import no Node built-in and use no Node global.

function sources(folder: string): string[] {
  const dir = join(REPO, folder);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(relative(REPO, path));
    return name.endsWith(".ts") ? [relative(REPO, path)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(REPO, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm), ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
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

// Globals that exist in Node's extension host but not in a web worker.
const NODE_GLOBALS = ["process", "Buffer", "__dirname", "__filename", "require", "setImmediate", "global"];

function violations(folder: string, allowed: (specifier: string, file: string) => boolean): string[] {
  return sources(folder).flatMap((file) => importsOf(file).filter((s) => !allowed(s, file)).map((s) => `${file} imports ${s}`));
}

describe("layering", () => {
  it("src/core imports only yaml, ajv and itself", () => {
    deepStrictEqual(
      violations("src/core", (s, file) => s === "yaml" || s === "ajv" || (s.startsWith(".") && !join(file, "..", s).includes("src/cli") && !join(file, "..", s).includes("src/formatters"))),
      [],
    );
  });

  it("src/core uses neither vscode, fs, process nor console", () => {
    const found = sources("src/core").flatMap((file) => {
      const text = code(file);
      return ["vscode", "node:fs", "process.", "console.", "require("].filter((word) => text.includes(word)).map((word) => `${file} uses ${word}`);
    });
    deepStrictEqual(found, []);
  });

  it("src/core and src/extension import no Node built-in (both run in the web-worker host)", () => {
    deepStrictEqual(
      [...violations("src/core", (s) => !isNodeBuiltin(s)), ...violations("src/extension", (s) => !isNodeBuiltin(s))],
      [],
    );
  });

  it("src/extension uses no Node global (process, Buffer, __dirname, require, ...)", () => {
    const found = sources("src/extension").flatMap((file) => {
      const text = code(file);
      return NODE_GLOBALS.filter((name) => new RegExp(`(?<![\\w$.])${name}\\b(?!\\s*:)`).test(text)).map((name) => `${file} uses ${name}`);
    });
    deepStrictEqual(found, []);
  });

  it("the Node-built-in check itself catches what it must", () => {
    deepStrictEqual(["node:crypto", "fs", "fs/promises", "path", "os", "crypto", "process", "yaml", "./nonce.js", "vscode"].filter(isNodeBuiltin), ["node:crypto", "fs", "fs/promises", "path", "os", "crypto", "process"]);
  });

  it("src/formatters import only core types and each other", () => {
    deepStrictEqual(
      violations("src/formatters", (s, file) => s.startsWith("./") || (s.startsWith("../core/") && /^import type /m.test(readFileSync(join(REPO, file), "utf8")))),
      [],
    );
    const found = sources("src/formatters").flatMap((file) => importsOf(file).filter((s) => s.startsWith("../core/")).map((s) => ({ file, s })));
    for (const { file, s } of found) {
      const line = readFileSync(join(REPO, file), "utf8").split("\n").find((l) => l.includes(`"${s}"`))!;
      deepStrictEqual(line.startsWith("import type "), true, `${file}: ${line}`);
    }
  });

  it("src/webview imports only its typed messages, which import nothing", () => {
    deepStrictEqual(violations("src/webview", (s, file) => file.endsWith("preview.ts") && s === "./messages.js"), []);
  });

  it("the CLI never imports the extension", () => {
    deepStrictEqual(violations("src/cli", (s) => !s.includes("extension") && s !== "vscode"), []);
  });
});
