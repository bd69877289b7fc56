// Hovers and completions through VS Code's own provider commands, as the editor asks.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAll, diagnosticsWhen, openUntitledSpec } from "../diagnostics-helpers";
import { openInEditor, waitFor } from "../helpers";

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))).join("\n");
}

describe("hovers", () => {
  afterEach(closeAll);

  it('"DR" shows both meanings, that this spec pins none, and where the entry comes from', async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await diagnosticsWhen(document.uri, "the lint", (d) => d.length > 0);
    const offset = document.getText().indexOf(" DR ") + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset + 1));
    const text = hoverText(hovers);
    assert.match(text, /direct response/);
    assert.match(text, /disaster recovery/);
    assert.match(text, /Not pinned in this spec/);
    assert.match(text, /bundled JointSpec glossary/);
    for (const hover of hovers)
      for (const content of hover.contents) if (content instanceof vscode.MarkdownString) assert.ok(!content.isTrusted, "hovers cannot run commands");
  });

  it("a pinned term says which meaning this spec uses", async () => {
    const document = await openInEditor("spring-loyalty-relaunch.campaign.yaml");
    const offset = document.getText().indexOf("DR emails");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset + 1));
    assert.match(hoverText(hovers), /\*Marketing:\*\* \*direct response\*.*pinned in this spec/);
  });

  it("a name on the roster (.jointspec.yaml people:) shows its function and role", async () => {
    const document = await openInEditor("roster/team-offsite.campaign.yaml");
    const offset = document.getText().indexOf("Sam Patel");
    // The first spec opened in a folder with its own .jointspec.yaml waits for that config to be
    // read; in the web worker that takes a few round trips, and a hover asked for meanwhile may
    // come back empty, as one does for a person who hovers too early. Ask again until it answers.
    const text = await waitFor("a hover on Sam Patel", async () =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset + 2))),
    );
    assert.match(text, /\*\*Sam Patel\*\* — technology, Solutions architect/);
    assert.match(text, /roster in \.jointspec\.yaml/);
  });

  it("a workspace glossary term says which file it comes from", async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    const offset = document.getText().indexOf("Northstar");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset + 2));
    assert.match(hoverText(hovers), /workspace glossary `glossary\/acme\.glossary\.yaml`/);
  });

  it("a key shows its schema description", async () => {
    const document = await openInEditor("spring-loyalty-relaunch.campaign.yaml");
    const offset = document.getText().indexOf("security_review:");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, document.positionAt(offset + 3));
    assert.match(hoverText(hovers), /Security review[\s\S]*status/);
  });

  it("nothing in a non-spec YAML file", async () => {
    const document = await openInEditor("config/app-settings.yaml");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, new vscode.Position(1, 2));
    assert.equal(hoverText(hovers), "");
  });
});

describe("completions", () => {
  afterEach(closeAll);

  async function labelsAt(content: string): Promise<string[]> {
    const offset = content.indexOf("|");
    const editor = await openUntitledSpec(content.replace("|", ""));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      "vscode.executeCompletionItemProvider",
      editor.document.uri,
      editor.document.positionAt(offset),
    );
    return list.items.map((item) => (typeof item.label === "string" ? item.label : item.label.label));
  }

  it("offers the status values", async () => {
    const labels = await labelsAt("jointspec: 1\nid: x\ntitle: X\nstatus: |\n");
    for (const value of ["draft", "in-review", "approved", "live", "retired"]) assert.ok(labels.includes(value), `${value} in ${labels.join(", ")}`);
  });

  it("offers security_review.status and classification values", async () => {
    const review = await labelsAt("jointspec: 1\nsecurity_review:\n  status: |\n");
    assert.ok(["not-started", "requested", "in-progress", "approved", "waived"].every((v) => review.includes(v)));
    const data = await labelsAt("jointspec: 1\ndata:\n  - name: email\n    classification: |\n");
    assert.ok(["public", "internal", "confidential", "pii"].every((v) => data.includes(v)));
  });

  it("offers the functions as KPI owners", async () => {
    const labels = await labelsAt("jointspec: 1\nkpis:\n  - id: a\n    owners: [marketing, |]\n");
    assert.ok(labels.includes("technology"));
  });

  it("offers glossary terms under glossary:", async () => {
    const labels = await labelsAt("jointspec: 1\nglossary:\n  |\n");
    assert.ok(labels.includes("DR") && labels.includes("customer"));
  });

  it("offers the roster's people of a side under owners.<side>, from the folder's .jointspec.yaml", async () => {
    const document = await openInEditor("roster/team-offsite.campaign.yaml");
    const labelsBefore = async (name: string): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        "vscode.executeCompletionItemProvider",
        document.uri,
        document.positionAt(document.getText().indexOf(name)),
      );
      return list.items.map((item) => (typeof item.label === "string" ? item.label : item.label.label));
    };
    // As for the hover above: the folder's config may still be on its way in the web worker.
    await waitFor("completions from the folder's roster", async () => (await labelsBefore("Dana Reyes")).includes("Dana Reyes"));
    const marketing = await labelsBefore("Dana Reyes");
    assert.ok(marketing.includes("Dana Reyes") && !marketing.includes("Sam Patel"), marketing.join(", "));
    const technology = await labelsBefore("Sam Patel");
    assert.ok(technology.includes("Sam Patel") && !technology.includes("Dana Reyes"), technology.join(", "));
  });

  it("offers nothing of ours in a non-spec YAML file", async () => {
    const document = await openInEditor("config/app-settings.yaml");
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", document.uri, new vscode.Position(0, 0));
    assert.ok(!list.items.some((item) => item.detail === "A new joint campaign-tech spec" || item.label === "jointspec: new campaign spec"));
  });
});
