// The packaged extension is installed in a real VS Code, runs in the extension host the
// harness asked for (Node's, or the web worker's of vscode.dev), and activates on a spec file.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXTENSION_ID, currentHost, openInEditor, testEnv, waitFor } from "../helpers";

// The global object's class: DedicatedWorkerGlobalScope in a web worker, Object in Node.
const globalScope = (globalThis as { constructor?: { name?: string } }).constructor?.name ?? "unknown";

describe("activation", () => {
  it("runs in the extension host the harness asked for", () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    console.log(
      `host: ${currentHost()} (global scope ${globalScope}, typeof process ${typeof process}, extensionKind ${vscode.ExtensionKind[extension.extensionKind]})`,
    );
    const expected = testEnv("JOINTSPEC_EXPECT_HOST");
    if (expected === "webworker") {
      // No Node at all: the browser entry runs, in a worker inside the workbench page.
      assert.equal(typeof process, "undefined", "a Node process object is visible: this is not the web-worker host");
      assert.equal(globalScope, "DedicatedWorkerGlobalScope");
      // The web-worker host runs where the UI runs, even in this remote window.
      assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    } else if (expected === "node") {
      assert.equal(typeof process.versions.node, "string", "no Node process: this is not Node's extension host");
      assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace);
    } else {
      assert.equal(expected, undefined, `JOINTSPEC_EXPECT_HOST is "node" or "webworker", not "${expected}"`);
    }
  });

  it(`${EXTENSION_ID} is installed with its bundled entry point`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    // The host runs package.json "main" (Node) or "browser" (web worker): that file must exist.
    const entry = currentHost() === "node" ? extension.packageJSON.main : extension.packageJSON.browser;
    assert.equal(typeof entry, "string", `package.json names no entry point for the ${currentHost()} host`);
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, entry)).then(undefined, () => undefined);
    assert.ok(stat && stat.size > 0, `its entry point ${entry} does not exist in ${extension.extensionUri.toString()}`);
    // scripts/vscode/run.mjs installs the packaged .vsix and says where it went: the code
    // under test must be that copy, not the repository (test-electron loads the repository).
    const expected = testEnv("JOINTSPEC_EXPECT_EXTENSION_PATH");
    if (expected)
      assert.equal(extension.extensionUri.path.replace(/\/+$/, ""), expected.replace(/\/+$/, ""), "the extension was not loaded from the installed .vsix");
    console.log(`${EXTENSION_ID} ${extension.packageJSON.version} in VS Code ${vscode.version} from ${extension.extensionUri.toString()} (${entry})`);
  });

  it("activates when a *.campaign.yaml file is opened", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const activeBefore = extension.isActive;
    const started = performance.now();
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await waitFor(`${EXTENSION_ID} to become active`, () => extension.isActive);
    const elapsedMs = performance.now() - started;
    assert.equal(document.languageId, "yaml", "specs keep the yaml language id");
    // activate() measures itself: the extension's own share of the time above.
    const { activationMs } = extension.exports as { activationMs: number };
    assert.ok(Number.isFinite(activationMs));
    console.log(`activation: activate() itself took ${activationMs.toFixed(1)} ms`);
    console.log(
      activeBefore
        ? "activation: already active before the spec was opened (an activation event fired at startup)"
        : `activation: active ${elapsedMs.toFixed(1)} ms after openTextDocument of a *.campaign.yaml`,
    );
  });
});
