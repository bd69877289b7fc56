import { deepEqual, equal, match, ok, throws } from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO } from "./helpers/fixtures.js";

// The real-VS-Code runner's pure parts, checked without a VS Code: the .vsix file-list check
// (scripts/vscode/package-check.mjs) and the workspace build (scripts/vscode/workspace.mjs).
// `npm run test:vscode` runs them for real; here each check is shown to fail when it should.

interface PackageCheck {
  fileListProblems(files: string[], manifest: Record<string, unknown>): string[];
  filesTheManifestNames(manifest: Record<string, unknown>): string[];
}
interface PackageVsix {
  extensionFiles(folder?: string): string[];
}
interface WorkspaceBuilder {
  buildWorkspace(dest: string, from?: { examples?: string; own?: string }): string;
}

const load = async <T>(path: string) => (await import(pathToFileURL(join(REPO, path)).href)) as T;
const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as Record<string, unknown>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("the .vsix file-list check", () => {
  it("passes the list vsce packs from this repository, which holds every file the manifest names", async function () {
    this.timeout(120_000); // vsce takes seconds to load, many on a busy machine
    const { extensionFiles } = await load<PackageVsix>("scripts/package-vsix.mjs");
    const { fileListProblems, filesTheManifestNames } = await load<PackageCheck>("scripts/vscode/package-check.mjs");
    const files = extensionFiles();
    deepEqual(fileListProblems(files, manifest), []);
    for (const file of ["package.json", "dist/extension.js", "dist/web/extension.js", "media/icon.png", "schemas/jointspec.schema.json"]) {
      ok(filesTheManifestNames(manifest).includes(file), `the manifest names ${file}`);
      ok(files.includes(file), `vsce packs ${file}`);
    }
    ok(!files.includes("dist/cli.js"), "the CLI bundle is the npm package's, not the extension's");
  });

  it("reports a file the extension does not need, and a file the manifest names that is missing", async () => {
    const { fileListProblems } = await load<PackageCheck>("scripts/vscode/package-check.mjs");
    const files = ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "dist/extension.js", "dist/cli.js"];
    const problems = fileListProblems(files, manifest);
    equal(problems.length, 2, problems.join("\n"));
    match(problems[0] ?? "", /does not need at run time: dist\/cli\.js \(fix \.vscodeignore\)/);
    match(problems[1] ?? "", /lacks dist\/web\/extension\.js, media\/icon\.png, .*which package\.json names/);
  });
});

describe("the integration workspace", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "jointspec-workspace-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is examples/ with the tests' own files over it, and nothing else", async () => {
    const { buildWorkspace } = await load<WorkspaceBuilder>("scripts/vscode/workspace.mjs");
    const workspace = buildWorkspace(join(dir, "workspace"));
    const examples = filesUnder(join(REPO, "examples"));
    const own = filesUnder(join(REPO, "test/integration/workspace"));
    deepEqual(filesUnder(workspace), [...new Set([...examples, ...own])].sort());
    for (const file of examples.filter((name) => !own.includes(name))) {
      ok(readFileSync(join(workspace, file)).equals(readFileSync(join(REPO, "examples", file))), `${file} is the example's`);
    }
    // What the suites open beyond the examples.
    for (const file of ["zephyr-pilot.campaign.yaml", "glossary/extra.glossary.yaml", "config/app-settings.yaml", "docker-compose.yaml"]) {
      ok(existsSync(join(workspace, file)), file);
    }
  });

  it("starts empty each time: what a suite wrote is gone from the next build", async () => {
    const { buildWorkspace } = await load<WorkspaceBuilder>("scripts/vscode/workspace.mjs");
    const workspace = buildWorkspace(join(dir, "workspace"));
    writeFileSync(join(workspace, "left-by-a-suite.campaign.yaml"), "jointspec: 1\n");
    buildWorkspace(workspace);
    ok(!existsSync(join(workspace, "left-by-a-suite.campaign.yaml")));
  });

  it("refuses a test file that is a copy of an example, and lets a changed one replace it", async () => {
    const { buildWorkspace } = await load<WorkspaceBuilder>("scripts/vscode/workspace.mjs");
    const examples = join(dir, "examples");
    const own = join(dir, "own");
    cpSync(join(REPO, "examples"), examples, { recursive: true });
    mkdirSync(own);
    writeFileSync(join(own, ".jointspec.yaml"), readFileSync(join(examples, ".jointspec.yaml")));
    throws(() => buildWorkspace(join(dir, "workspace"), { examples, own }), /holds copies of .*examples\/ \(\.jointspec\.yaml\); delete them/);
    writeFileSync(join(own, ".jointspec.yaml"), "rules:\n  ambiguous-term: off\n");
    const workspace = buildWorkspace(join(dir, "workspace"), { examples, own });
    equal(readFileSync(join(workspace, ".jointspec.yaml"), "utf8"), "rules:\n  ambiguous-term: off\n");
  });
});
