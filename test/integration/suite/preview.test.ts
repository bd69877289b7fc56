// The preview panel in a real VS Code: it opens beside a spec with the spec's readiness, it
// follows edits, a click on an item reveals its source line, only allow-listed messages are
// accepted, and the page is locked down. The webview's own DOM is not reachable from the
// extension host, so clicks arrive through the controller's `receive`, exactly as the
// page's script posts them (the browser side is covered by test/unit/preview-browser.test.ts).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { PreviewController, PreviewSnapshot } from "../../../src/extension/preview-panel";
import { api, closeAll, openUntitledSpec } from "../diagnostics-helpers";
import { waitFor, workspaceFile, workspaceText } from "../helpers";

// activate() returns the controller as `preview` (src/extension/extension.ts).
function previews(): PreviewController {
  const controller = (api() as unknown as { preview?: PreviewController }).preview;
  assert.ok(controller, "the extension API has no `preview`: activate() must return registerPreview()'s controller as `preview`");
  return controller;
}

async function previewOf(
  uri: vscode.Uri,
  what: string,
  accept: (snapshot: PreviewSnapshot) => boolean = (s) => s.model !== undefined,
): Promise<PreviewSnapshot> {
  return waitFor(what, () => {
    const snapshot = previews().snapshot(uri);
    return snapshot && accept(snapshot) ? snapshot : undefined;
  });
}

const checkState = (snapshot: PreviewSnapshot, ruleId: string): string | undefined => snapshot.model?.readiness.find((c) => c.ruleId === ruleId)?.state;

const BLACK_FRIDAY = "black-friday-flash-sale.campaign.yaml";

describe("preview panel", () => {
  afterEach(closeAll);

  it("opens to the side of a spec and shows its readiness checklist", async () => {
    const text = await workspaceText(BLACK_FRIDAY);
    const editor = await openUntitledSpec(text);
    assert.equal(await vscode.commands.executeCommand(OPEN_TO_SIDE), true);
    const snapshot = await previewOf(editor.document.uri, "the preview of the Black Friday spec");
    assert.equal(snapshot.model?.heading, "Black Friday flash sale");
    assert.equal(checkState(snapshot, "owners-both-functions"), "failed");
    assert.equal(checkState(snapshot, "shared-kpi"), "passed");
    assert.match(snapshot.body, /Named owners on both sides/);
    // The editor keeps the focus; the preview sits beside it.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  // A true window reload cannot run inside the test run (it would end the run), so the two
  // halves of a reload are tested: the page that saves the state is there from the moment
  // the panel exists, and a panel restored with no state still finds its spec.
  it("gives a preview its page, which saves the spec in the webview state, before the spec is linted", async () => {
    const editor = await openUntitledSpec(await workspaceText(BLACK_FRIDAY));
    const uri = editor.document.uri.toString();
    const serializer = previews() as unknown as vscode.WebviewPanelSerializer;
    const panel = vscode.window.createWebviewPanel("jointspec.preview", "Preview", vscode.ViewColumn.Beside, {});
    const restoring = serializer.deserializeWebviewPanel(panel, { documentUri: uri, lens: "technology" });
    // Synchronously, before any lint: the page names the spec, so its script can save it.
    assert.ok(panel.webview.html.includes(`data-document-uri="${uri}"`), panel.webview.html.slice(0, 300));
    assert.match(panel.webview.html, /Opening the preview/);
    await restoring;
    const snapshot = await previewOf(editor.document.uri, "the restored preview");
    assert.equal(snapshot.model?.heading, "Black Friday flash sale");
    assert.ok(snapshot.page.includes('data-lens="technology"'), "the lens kept in the state comes back");
  });

  it("comes back after a reload that came before its page saved any state, from the spec its title names", async () => {
    const editor = await openUntitledSpec(await workspaceText(BLACK_FRIDAY));
    const name = editor.document.uri.path.split("/").pop()!;
    const serializer = previews() as unknown as vscode.WebviewPanelSerializer;
    const panel = vscode.window.createWebviewPanel("jointspec.preview", `Preview ${name}`, vscode.ViewColumn.Beside, {});
    await serializer.deserializeWebviewPanel(panel, undefined);
    const snapshot = await previewOf(editor.document.uri, "the preview restored from its title");
    assert.equal(snapshot.model?.heading, "Black Friday flash sale");
  });

  it("updates as the spec is edited, without saving", async () => {
    const text = await workspaceText(BLACK_FRIDAY);
    const editor = await openUntitledSpec(text);
    await vscode.commands.executeCommand(OPEN_TO_SIDE);
    const before = await previewOf(editor.document.uri, "the first render", (s) => checkState(s, "owners-both-functions") === "failed");
    const offset = editor.document.getText().indexOf("name: TBD");
    assert.ok(offset > 0, "the spec names TBD as its technology owner");
    const start = editor.document.positionAt(offset + "name: ".length);
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, 3)), "Ada Lovelace")));
    const after = await previewOf(
      editor.document.uri,
      "the preview to show the named technology owner",
      (s) => checkState(s, "owners-both-functions") === "passed",
    );
    assert.ok(after.renders > before.renders);
    assert.match(after.body, /Ada Lovelace/);
    assert.ok(!after.body.includes("Not named yet"));
  });

  it("reveals the source line of a clicked item", async () => {
    const text = await workspaceText(BLACK_FRIDAY);
    const editor = await openUntitledSpec(text);
    await vscode.commands.executeCommand(OPEN_TO_SIDE);
    const snapshot = await previewOf(editor.document.uri, "the preview");
    // What the page's script sends for a click on the failing owners check: its data-range.
    const attribute = /data-check="owners-both-functions" data-range="(\d+),(\d+),(\d+),(\d+)"/.exec(snapshot.body);
    assert.ok(attribute, "the owners check carries a data-range");
    const [line, character, endLine, endCharacter] = attribute.slice(1).map(Number) as [number, number, number, number];
    // A side that names only a placeholder is reported at the placeholder, where the name goes.
    assert.equal(
      editor.document.getText(new vscode.Range(line, character, endLine, endCharacter)),
      "TBD",
      "the failing check points at the technology owner's placeholder name",
    );

    // Move the cursor away first, so that the reveal is what brings it back.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const accepted = await previews().receive(editor.document.uri, {
      type: "reveal",
      range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
    });
    assert.equal(accepted, true);
    await waitFor(`the cursor on line ${line + 1}`, () => {
      const active = vscode.window.activeTextEditor;
      return (
        active?.document.uri.toString() === editor.document.uri.toString() &&
        active.selection.start.line === line &&
        active.selection.start.character === character
      );
    });
  });

  it("accepts only the messages of the allow-list", async () => {
    const editor = await openUntitledSpec(await workspaceText(BLACK_FRIDAY));
    await vscode.commands.executeCommand(OPEN_TO_SIDE);
    await previewOf(editor.document.uri, "the preview");
    const controller = previews();
    const rejected: unknown[] = [
      { type: "command", command: "workbench.action.terminal.new" },
      { type: "reveal", range: "1,2,3,4" },
      { type: "reveal", range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
      { type: "reveal", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, extra: true },
      "ready",
      null,
    ];
    for (const message of rejected) assert.equal(await controller.receive(editor.document.uri, message), false, JSON.stringify(message));
    assert.equal(await controller.receive(editor.document.uri, { type: "ready" }), true);
  });

  it("serves a locked-down page: CSP default-src 'none', a nonce, no command links", async () => {
    const editor = await openUntitledSpec(await workspaceText(BLACK_FRIDAY));
    await vscode.commands.executeCommand(OPEN_TO_SIDE);
    const { page } = await previewOf(editor.document.uri, "the preview");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? "";
    assert.match(csp, /^default-src 'none';/);
    assert.ok(!csp.includes("unsafe-inline") && !csp.includes("unsafe-eval"), csp);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, "a nonce of at least 16 characters");
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
    assert.match(page, new RegExp(`<script nonce="${nonce!.replace(/[+/=]/g, "\\$&")}" src="[^"]+/dist/webview/preview\\.js"`));
    assert.ok(!/command:/i.test(page));
  });

  it("says so instead of opening for a file that is not a spec", async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile("docker-compose.yaml"));
    await vscode.window.showTextDocument(document);
    assert.equal(await vscode.commands.executeCommand(OPEN), false);
    assert.equal(previews().snapshot(document.uri), undefined);
  });
});

const OPEN = "jointspec.openPreview";
const OPEN_TO_SIDE = "jointspec.openPreviewToSide";
