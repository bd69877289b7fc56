// The extension in an untrusted workspace (restricted mode): it still lints, as it never
// executes anything from a workspace, but the settings it declares restricted
// (jointspec.glossary.files, jointspec.specs) count only from the user, not the workspace.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { api, diagnosticsWhen } from "../diagnostics-helpers";
import { EXTENSION_ID, openInEditor, waitFor, workspaceFile } from "../helpers";

describe("untrusted workspace", () => {
  it("is untrusted, and the extension runs in it", async () => {
    assert.equal(vscode.workspace.isTrusted, false, "the harness opens this folder without trust");
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await waitFor(`${EXTENSION_ID} to activate`, () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    await diagnosticsWhen(document.uri, "the ambiguous-term findings", (d) => d.length === 2);
  });

  it("ignores glossary files named in workspace settings", async () => {
    await vscode.workspace.fs.writeFile(
      workspaceFile(".vscode/settings.json"),
      new TextEncoder().encode(JSON.stringify({ "jointspec.lint.delay": 123, "jointspec.glossary.files": ["glossary/extra.glossary.yaml"] })),
    );
    // The unrestricted setting beside it shows that VS Code has read the file.
    await waitFor("VS Code to read .vscode/settings.json", () => vscode.workspace.getConfiguration("jointspec").get("lint.delay") === 123);
    assert.deepEqual(vscode.workspace.getConfiguration("jointspec").get("glossary.files"), []);
    const document = await openInEditor("zephyr-pilot.campaign.yaml");
    const lint = await waitFor("the spec's lint", () => api().diagnostics.current(document));
    assert.deepEqual(
      lint.result.findings.map((f) => f.message),
      [],
      "no Zephyr finding: the workspace's glossary file was not read",
    );
  });
});
