// Sign-off in a real VS Code: the command asks who signs and confirms, then writes
// approvals.<function> as one minimal edit that keeps every comment, and one undo takes it
// back; a placeholder name and a spec that is not ready are refused; the preview offers the
// button only when the spec is ready and its message runs the same flow; a later change of
// substance shows the sign-off as stale, and the quick fix signs again.
//
// The dialogs are answered through the extension's own dialog object (activate() returns it
// as `signOffDialogs`): in Node's extension host this file, outside the extension, gets a
// `vscode` API object of its own, so replacing `vscode.window.showInputBox` here would not
// reach the extension. The real input box and modal are clicked through in test/ui/check.mjs.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { parse } from "yaml";
import type { SignOffDialogs } from "../../../src/extension/sign-off";
import type { PreviewController, PreviewSnapshot } from "../../../src/extension/preview-panel";
import { api, closeAll, diagnosticsWhen, openUntitledSpec } from "../diagnostics-helpers";
import { EXTENSION_ID, waitFor, workspaceText } from "../helpers";

const READY = "autumn-app-launch.campaign.yaml";
const NOT_READY = "black-friday-flash-sale.campaign.yaml";
const NAME_SETTING = "signOff.name";

// The sign-off's date as the extension writes it: the day jointspec.lint.today pins (the
// harness pins the fixtures' day), else today where the test runs.
function today(): string {
  const pinned = vscode.workspace.getConfiguration("jointspec").get<string>("lint.today", "");
  if (pinned) return pinned;
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Asked {
  inputs: vscode.InputBoxOptions[];
  modals: { message: string; detail: string | undefined; items: string[] }[];
  notes: string[];
  warnings: string[];
}

// Answers the sign-off's dialogs: `name` for the input box, the button `confirm` in the modal
// (null dismisses it, as Escape would); records what was asked.
function answer(name: string | undefined, confirm: string | null = "Sign off"): Asked {
  const asked: Asked = { inputs: [], modals: [], notes: [], warnings: [] };
  const dialogs = api().signOffDialogs;
  dialogs.showInputBox = async (options) => {
    asked.inputs.push(options);
    return name;
  };
  dialogs.showInformationMessage = async (message, options, ...items) => {
    if (options.modal) {
      asked.modals.push({ message, detail: options.detail, items });
      return confirm ?? undefined;
    }
    asked.notes.push(message);
    return undefined;
  };
  dialogs.showWarningMessage = async (message) => {
    asked.warnings.push(message);
    return undefined;
  };
  return asked;
}

const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === "object" ? String(d.code.value) : "");

function previews(): PreviewController {
  return api().preview;
}

async function previewOf(uri: vscode.Uri, what: string, accept: (snapshot: PreviewSnapshot) => boolean): Promise<PreviewSnapshot> {
  return waitFor(what, () => {
    const snapshot = previews().snapshot(uri);
    return snapshot && accept(snapshot) ? snapshot : undefined;
  });
}

// Changes the KPI's target in the editor, as a person would type it.
async function changeTarget(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const offset = editor.document.getText().indexOf(from);
  assert.ok(offset > 0, `the spec has ${from}`);
  const start = editor.document.positionAt(offset);
  assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(start, editor.document.positionAt(offset + from.length)), to)));
}

describe("sign-off", () => {
  let saved: SignOffDialogs;
  let savedName: string | undefined;

  // The suite may run alone (JOINTSPEC_TEST_GREP): activate the extension rather than rely on an earlier suite.
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  beforeEach(async () => {
    saved = { ...api().signOffDialogs };
    const settings = vscode.workspace.getConfiguration("jointspec");
    savedName = settings.inspect<string>(NAME_SETTING)?.globalValue;
    await settings.update(NAME_SETTING, undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    Object.assign(api().signOffDialogs, saved);
    await vscode.workspace.getConfiguration("jointspec").update(NAME_SETTING, savedName, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  it("asks who signs, shows what is signed, writes approvals.marketing minimally, and one undo takes it back", async () => {
    const before = await workspaceText(READY);
    const editor = await openUntitledSpec(before);
    const asked = answer("Dana Reyes");

    const result = await vscode.commands.executeCommand<{ outcome: string }>("jointspec.signOffForMarketing");
    assert.deepEqual(result, { outcome: "signed", name: "Dana Reyes", date: today() });

    // The question: a person's name is accepted, a placeholder or a team is refused with the reason.
    assert.equal(asked.inputs.length, 1);
    const validate = asked.inputs[0]!.validateInput!;
    assert.equal(await validate("Dana Reyes"), undefined);
    assert.match(String(await validate("TBD")), /"TBD" is a placeholder/);
    assert.match(String(await validate("Marketing team")), /is a team, not a person/);
    // What is signed: the spec's title, status, owners, shared KPI with its target, security review.
    assert.equal(asked.modals.length, 1);
    assert.deepEqual(asked.modals[0]!.items, ["Sign off"]);
    assert.match(asked.modals[0]!.message, /Autumn app launch/);
    for (const fact of [
      "Status: in-review",
      "Marketing owners: Dana Reyes",
      "Technology owners: Sam Patel",
      "KPIs: app-activation-rate (target >= 12%, shared)",
      "Security review: approved by Priya Nair on 2026-11-10",
    ]) {
      assert.ok(asked.modals[0]!.detail?.includes(fact), `the dialog's detail names ${fact}:\n${asked.modals[0]!.detail}`);
    }

    // Minimal: the original text is untouched, comments included; the sign-off is added at the end.
    const after = editor.document.getText();
    assert.ok(after.startsWith(before), `the original text is kept as it was; got:\n${after}`);
    assert.match(after.slice(before.length), /^approvals:/m);
    const approval = (parse(after) as { approvals: { marketing: Record<string, unknown>; technology?: unknown } }).approvals;
    assert.equal(approval.marketing.name, "Dana Reyes");
    assert.equal(String(approval.marketing.date), today());
    assert.equal(approval.technology, undefined, "only the function that signed");
    // The name is remembered for the next time, in the user's settings.
    assert.equal(vscode.workspace.getConfiguration("jointspec").inspect<string>(NAME_SETTING)?.globalValue, "Dana Reyes");

    // One undo step takes the whole sign-off back.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand("undo");
    assert.equal(editor.document.getText(), before);
  });

  it("offers the remembered name, and replaces only its own function's entry", async () => {
    await vscode.workspace.getConfiguration("jointspec").update(NAME_SETTING, "Sam Patel", vscode.ConfigurationTarget.Global);
    const editor = await openUntitledSpec(await workspaceText(READY));
    const first = answer("Dana Reyes");
    await vscode.commands.executeCommand("jointspec.signOff", "marketing", editor.document.uri);
    assert.equal(first.inputs[0]!.value, "Sam Patel", "the setting's name is offered");
    const signedByMarketing = editor.document.getText();

    const asked = answer("Sam Patel");
    const result = await vscode.commands.executeCommand<{ outcome: string }>("jointspec.signOff", "technology", editor.document.uri);
    assert.equal(result.outcome, "signed");
    assert.equal(asked.inputs[0]!.value, "Dana Reyes", "the name entered last time is offered");
    const after = editor.document.getText();
    assert.ok(after.startsWith(signedByMarketing), `marketing's sign-off is left as it was, technology's added after it; got:\n${after}`);
    const approvals = (parse(after) as { approvals: Record<string, { name: string }> }).approvals;
    assert.deepEqual([approvals.marketing?.name, approvals.technology?.name], ["Dana Reyes", "Sam Patel"]);
  });

  it("refuses a placeholder name, says why, and leaves the spec as it was", async () => {
    const before = await workspaceText(READY);
    const editor = await openUntitledSpec(before);
    const asked = answer("TBD");
    const result = await vscode.commands.executeCommand<{ outcome: string; reasons: string[] }>("jointspec.signOffForTechnology");
    assert.equal(result.outcome, "refused");
    assert.match(result.reasons.join(" "), /"TBD" is a placeholder/);
    assert.equal(asked.modals.length, 0, "nothing is confirmed for a name that cannot sign");
    assert.equal(asked.warnings.length, 1);
    assert.match(asked.warnings[0]!, /"TBD" is a placeholder/);
    assert.equal(editor.document.getText(), before);
    assert.equal(vscode.workspace.getConfiguration("jointspec").inspect<string>(NAME_SETTING)?.globalValue, undefined, "a refused name is not remembered");
  });

  it("does not sign a spec that is not ready for that function, and says why", async () => {
    const before = await workspaceText(NOT_READY);
    const editor = await openUntitledSpec(before);
    const asked = answer("Lena Fischer");
    const result = await vscode.commands.executeCommand<{ outcome: string; reasons: string[] }>("jointspec.signOff", "marketing", editor.document.uri);
    assert.equal(result.outcome, "refused");
    assert.ok(result.reasons.length > 0);
    assert.equal(asked.inputs.length, 0, "nobody is asked to sign what is not ready");
    assert.equal(asked.warnings.length, 1);
    assert.equal(editor.document.getText(), before);
  });

  it("a cancelled confirmation writes nothing", async () => {
    const before = await workspaceText(READY);
    const editor = await openUntitledSpec(before);
    const asked = answer("Dana Reyes", null);
    const result = await vscode.commands.executeCommand<{ outcome: string }>("jointspec.signOffForMarketing");
    assert.deepEqual(result, { outcome: "cancelled" });
    assert.equal(asked.modals.length, 1);
    assert.equal(editor.document.getText(), before);
  });

  it("the preview offers the button when ready; its message signs; a later target change shows the sign-off stale; the quick fix signs again", async () => {
    const editor = await openUntitledSpec(await workspaceText(READY));
    const { uri } = editor.document;
    await vscode.commands.executeCommand("jointspec.openPreviewToSide");
    const ready = await previewOf(uri, "the preview with sign-off buttons", (s) => s.model !== undefined);
    assert.equal(ready.model?.approvals.marketing.canSign, true);
    assert.match(ready.body, /<button type="button" class="sign-off-button" data-sign-off="marketing">Sign off for marketing<\/button>/);
    assert.match(ready.body, /data-sign-off="technology"/);

    // What the page's script posts for a click on "Sign off for marketing".
    answer("Dana Reyes");
    assert.equal(await previews().receive(uri, { type: "signOff", function: "marketing" }), true);
    await waitFor("approvals.marketing in the spec", () => editor.document.getText().includes("approvals:"));
    const signed = await previewOf(uri, "the preview showing a current sign-off", (s) => s.model?.approvals.marketing.state === "current");
    assert.ok(!signed.body.includes('data-sign-off="marketing"'), "no button for a current sign-off");
    assert.match(signed.body, /Dana Reyes <span class="badge badge--current">Current<\/span>/);

    await changeTarget(editor, '">= 12%"', '">= 15%"');
    const stale = await previewOf(uri, "the preview showing the sign-off stale", (s) => s.model?.approvals.marketing.state === "stale");
    const changes = stale.model!.approvals.marketing.changes;
    assert.ok(
      changes.some((change) => /target/.test(change) && /app-activation-rate/.test(change)),
      `what changed names the KPI's target: ${JSON.stringify(changes)}`,
    );
    assert.match(stale.body, /badge--stale/);
    assert.match(stale.body, /data-sign-off="marketing">Sign again<\/button>/);

    // The finding's quick fix runs the same flow.
    const [diagnostic] = (await diagnosticsWhen(uri, "a stale-sign-off diagnostic", (d) => d.some((x) => ruleOf(x) === "stale-sign-off"))).filter(
      (x) => ruleOf(x) === "stale-sign-off",
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, diagnostic!.range);
    const again = actions.find((a) => a.title === "Sign again for marketing");
    assert.ok(again?.command, `"Sign again for marketing" among ${actions.map((a) => a.title).join(" | ")}`);
    answer("Dana Reyes");
    const result = await vscode.commands.executeCommand<{ outcome: string }>(again.command.command, ...(again.command.arguments ?? []));
    assert.equal(result.outcome, "signed");
    await diagnosticsWhen(uri, "no stale-sign-off diagnostic after signing again", (d) => !d.some((x) => ruleOf(x) === "stale-sign-off"));
    await previewOf(uri, "the preview showing the new sign-off current", (s) => s.model?.approvals.marketing.state === "current");
  });
});
