// Quick fixes and Fix all in a real VS Code: each fix applies through the editor and leaves
// every other byte as it was (the expected files are the whole truth).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAll, diagnosticsWhen, openUntitledSpec } from "../diagnostics-helpers";
import { fixtureText } from "../fixtures";

const CASES = JSON.parse(fixtureText("fixes/cases.json")) as { name: string; ruleId: string; fix: string }[];
const read = (name: string): string => fixtureText(`fixes/${name}`);
const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === "object" ? String(d.code.value) : "");

async function actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, kind?: string): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, diagnostic.range, kind);
}

describe("code actions", () => {
  afterEach(closeAll);

  for (const { name, ruleId, fix } of CASES) {
    it(`${name}: ${fix}`, async () => {
      const editor = await openUntitledSpec(read(`${name}.before.campaign.yaml`));
      const { document } = editor;
      const [diagnostic] = await diagnosticsWhen(document.uri, `a ${ruleId} diagnostic`, (d) => d.some((x) => ruleOf(x) === ruleId)).then((d) =>
        d.filter((x) => ruleOf(x) === ruleId),
      );
      const actions = await actionsFor(document, diagnostic!);
      const action = actions.find((a) => a.title === fix);
      assert.ok(action?.edit, `"${fix}" among ${actions.map((a) => a.title).join(" | ")}`);
      assert.ok(actions.some((a) => a.title === `Show documentation for ${ruleId}`));
      assert.ok(actions.some((a) => a.title === `Disable ${ruleId} for this line…`));
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      assert.equal(document.getText(), read(`${name}.after.campaign.yaml`));
    });
  }

  it("Fix all (source.fixAll.jointspec) applies the preferred fixes only", async () => {
    const editor = await openUntitledSpec(read("shared-kpi-flow-owners.before.campaign.yaml"));
    const { document } = editor;
    await diagnosticsWhen(document.uri, "the shared-kpi diagnostic", (d) => d.some((x) => ruleOf(x) === "shared-kpi"));
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      document.uri,
      whole,
      "source.fixAll.jointspec",
    );
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    assert.equal(document.getText(), read("shared-kpi-flow-owners.after.campaign.yaml"));
  });

  it("Fix all offers nothing when no fix is safe to apply unasked", async () => {
    const editor = await openUntitledSpec(read("pin-term-new-glossary.before.campaign.yaml"));
    await diagnosticsWhen(editor.document.uri, "the ambiguous-term diagnostic", (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      new vscode.Range(0, 0, 1, 0),
      "source.fixAll.jointspec",
    );
    assert.equal(actions.length, 0);
  });

  it("Disable <rule> for this line writes the directive with its reason, and the finding goes", async () => {
    const editor = await openUntitledSpec(read("add-technology-owner.before.campaign.yaml"));
    const { document } = editor;
    const [diagnostic] = await diagnosticsWhen(document.uri, "the owners diagnostic", (d) => d.some((x) => ruleOf(x) === "owners-both-functions"));
    const before = document.getText();
    const line = diagnostic!.range.start.line;
    assert.ok(
      await vscode.commands.executeCommand("jointspec.disableRuleForLine", document.uri, "owners-both-functions", line, "IT names its owner at kickoff"),
    );
    const lines = before.split("\n");
    lines.splice(line, 0, "# jointspec-disable-next-line owners-both-functions -- IT names its owner at kickoff");
    assert.equal(document.getText(), lines.join("\n"));
    await diagnosticsWhen(document.uri, "no owners diagnostic", (d) => !d.some((x) => ruleOf(x) === "owners-both-functions"));
  });
});
