// Runs the integration suites in VS Code desktop through @vscode/test-electron, on machines
// that can download it (this project's own machines cannot: there, `npm run test:vscode`
// runs the same suites in code-server's VS Code). Usage: npm run compile && npm run test:electron
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { runTests } from "@vscode/test-electron";

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, "../../..");
  // The suites edit the folder they open, so it is built fresh, as scripts/vscode/run.mjs
  // builds its own: examples/ with the tests' own files from test/integration/workspace/.
  const { buildWorkspace } = (await import(pathToFileURL(path.join(repo, "scripts/vscode/workspace.mjs")).href)) as {
    buildWorkspace(dest: string): string;
  };
  const workspace = buildWorkspace(path.join(repo, ".vscode-test", "electron-workspace"));
  await runTests({
    version: process.env.VSCODE_VERSION ?? "stable",
    cachePath: path.join(repo, ".vscode-test", "electron"),
    // Desktop loads the extension from the repository (after `npm run compile`), not a .vsix.
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(__dirname, "index"),
    launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust"],
  });
}

main().catch((error: unknown) => {
  console.error(`test:electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
