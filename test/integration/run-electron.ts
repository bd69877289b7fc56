// Runs the integration suites in VS Code desktop through @vscode/test-electron, on machines
// that can download it (this project's own machines cannot: there, `npm run test:vscode`
// runs the same suites in code-server's VS Code). Usage: npm run compile && npm run test:electron
import * as path from "node:path";
import { runTests } from "@vscode/test-electron";

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, "../../..");
  await runTests({
    version: process.env.VSCODE_VERSION ?? "stable",
    cachePath: path.join(repo, ".vscode-test", "electron"),
    // Desktop loads the extension from the repository (after `npm run compile`), not a .vsix.
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(__dirname, "index"),
    launchArgs: [path.join(repo, "test/integration/workspace"), "--disable-extensions", "--disable-workspace-trust"],
  });
}

main().catch((error: unknown) => {
  console.error(`test:electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
