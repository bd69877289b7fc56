// Settings, config and glossary changes re-lint open specs; the commands; the status bar.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { api, closeAll, diagnosticsWhen, jointspecDiagnostics } from "../diagnostics-helpers";
import { openInEditor, workspaceFile } from "../helpers";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

// Rewrites a workspace file for the length of a test, then puts the original back.
async function withFile(path: string, change: (text: string) => string, run: () => Promise<void>): Promise<void> {
  const uri = workspaceFile(path);
  const original = await vscode.workspace.fs.readFile(uri);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(change(decoder.decode(original))));
  try {
    await run();
  } finally {
    await vscode.workspace.fs.writeFile(uri, original);
  }
}

describe("re-linting", () => {
  afterEach(closeAll);

  it("a settings change re-lints open specs", async () => {
    const document = await openInEditor("back-to-school-bundles.campaign.yaml");
    await diagnosticsWhen(document.uri, "the shared-kpi warning", (d) => d.length === 1);
    const settings = vscode.workspace.getConfiguration("jointspec");
    await settings.update("rules", { "shared-kpi": "off" }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWhen(document.uri, "no diagnostics with shared-kpi off", (d) => d.length === 0);
    } finally {
      await settings.update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhen(document.uri, "the warning back", (d) => d.length === 1);
  });

  it("the config file wins over the settings, and its changes re-lint", async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await diagnosticsWhen(document.uri, "two ambiguous-term warnings", (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
    await vscode.workspace.getConfiguration("jointspec").update("rules", { "ambiguous-term": "error" }, vscode.ConfigurationTarget.Workspace);
    try {
      // .jointspec.yaml says warning, and the file wins.
      await diagnosticsWhen(document.uri, "still warnings", (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
      await withFile(".jointspec.yaml", (text) => text.replace("ambiguous-term: warning", "ambiguous-term: off"), async () => {
        await diagnosticsWhen(document.uri, "no ambiguous-term with the config saying off", (d) => d.length === 0);
      });
    } finally {
      await vscode.workspace.getConfiguration("jointspec").update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhen(document.uri, "the warnings back", (d) => d.length === 2);
  });

  it("a glossary file change re-lints open specs", async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await diagnosticsWhen(document.uri, "the Northstar finding", (d) => d.some((x) => x.message.startsWith('"Northstar"')));
    await withFile("glossary/acme.glossary.yaml", (text) => text.replace(/report: true/g, "report: false"), async () => {
      await diagnosticsWhen(document.uri, "no Northstar finding", (d) => !d.some((x) => x.message.startsWith('"Northstar"')));
    });
    await diagnosticsWhen(document.uri, "the Northstar finding back", (d) => d.some((x) => x.message.startsWith('"Northstar"')));
  });
});

describe("commands", () => {
  afterEach(closeAll);

  it("Lint workspace reports specs that are not open", async () => {
    // A spec written behind VS Code's back, never opened in an editor.
    const uri = workspaceFile("unopened-winter-sale.campaign.yaml");
    const source = await vscode.workspace.fs.readFile(workspaceFile("holiday-gift-guide.campaign.yaml"));
    await vscode.workspace.fs.writeFile(uri, source);
    try {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
      const { files, findings } = await vscode.commands.executeCommand<{ files: number; findings: number }>("jointspec.lintWorkspace");
      assert.ok(files >= 11, `${files} specs`);
      assert.ok(findings >= 10, `${findings} findings`);
      assert.deepEqual(jointspecDiagnostics(uri).map((d) => String(typeof d.code === "object" ? d.code.value : "")), ["security-review"]);
      assert.deepEqual(jointspecDiagnostics(workspaceFile("config/app-settings.yaml")), []);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it("New campaign spec creates and opens a spec from the template", async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>("jointspec.newSpec", "autumn-test-drive", "Autumn test drive");
    try {
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.match(vscode.window.activeTextEditor!.document.getText(), /^jointspec: 1\nid: autumn-test-drive\ntitle: "Autumn test drive"\n/);
      await diagnosticsWhen(uri, "findings on the template's placeholders", (d) => d.some((x) => String(typeof x.code === "object" ? x.code.value : "") === "owners-both-functions"));
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it("the status bar shows the active spec's problems", async () => {
    const document = await openInEditor("black-friday-flash-sale.campaign.yaml");
    await diagnosticsWhen(document.uri, "the owners warning", (d) => d.length === 1);
    assert.equal(api().statusBar.text, "JointSpec: 1 $(warning)");
    const clean = await openInEditor("spring-loyalty-relaunch.campaign.yaml");
    await diagnosticsWhen(clean.uri, "no diagnostics", (d) => d.length === 0);
    assert.equal(api().statusBar.text, "$(check) JointSpec");
  });

  it("Show output opens the JointSpec channel", async () => {
    await vscode.commands.executeCommand("jointspec.showOutput");
  });
});

describe("trusted workspace settings", () => {
  afterEach(closeAll);

  it("a glossary file named in workspace settings adds its terms", async () => {
    const settings = vscode.workspace.getConfiguration("jointspec");
    await settings.update("glossary.files", ["glossary/extra.glossary.yaml"], vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openInEditor("zephyr-pilot.campaign.yaml");
      await diagnosticsWhen(document.uri, "the Zephyr finding", (d) => d.some((x) => x.message.startsWith('"Zephyr"')));
    } finally {
      await settings.update("glossary.files", undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
