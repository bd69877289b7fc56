// The packaged extension is installed in a real VS Code and activates on a spec file.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as vscode from "vscode";
import { EXTENSION_ID, openInEditor, waitFor } from "../helpers";

describe("activation", () => {
  it(`${EXTENSION_ID} is installed with its bundled entry point`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    const main = path.resolve(extension.extensionPath, extension.packageJSON.main ?? "");
    assert.ok(fs.existsSync(main), `its main file ${main} does not exist`);
    // scripts/vscode/run.mjs installs the packaged .vsix and says where it went: the code
    // under test must be that copy, not the repository (test-electron loads the repository).
    const expected = process.env.JOINTSPEC_EXPECT_EXTENSION_PATH;
    if (expected) assert.equal(path.resolve(extension.extensionPath), path.resolve(expected), "the extension was not loaded from the installed .vsix");
    console.log(`${EXTENSION_ID} ${extension.packageJSON.version} in VS Code ${vscode.version} from ${extension.extensionPath}`);
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
