// Diagnostics in a real VS Code: every example spec shows its marked findings at the right
// ranges, linked to the rules' pages; non-spec YAML gets nothing; edits re-lint (timed).
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { expectedFindings } from "../../unit/helpers/expect-markers";
import { closeAll, diagnosticsWhen, jointspecDiagnostics, openUntitledSpec, summary, timeToDiagnostics } from "../diagnostics-helpers";
import { api } from "../diagnostics-helpers";
import { EXTENSION_ID, openInEditor, waitFor, workspaceFile } from "../helpers";

const EXAMPLES = [
  "spring-loyalty-relaunch.campaign.yaml",
  "partner-webinar.yaml",
  "black-friday-flash-sale.campaign.yaml",
  "back-to-school-bundles.campaign.yaml",
  "summer-referral-programme.campaign.yaml",
  "holiday-gift-guide.campaign.yaml",
  "new-year-sweepstakes.campaign.yaml",
  "mothers-day-gifting.campaign.yaml",
  "lapsed-member-winback.campaign.yaml",
  "student-discount-verification.campaign.yaml",
];

describe("diagnostics", () => {
  afterEach(closeAll);

  for (const name of EXAMPLES) {
    it(`${name}: the marked findings, at their ranges`, async () => {
      const document = await openInEditor(name);
      const expected = expectedFindings(document.getText());
      const found = await diagnosticsWhen(document.uri, `${name}'s diagnostics`, (d) => summary(d).join() === expected.join(), 10_000).catch(() =>
        jointspecDiagnostics(document.uri),
      );
      assert.deepEqual(summary(found), expected);
      for (const diagnostic of found) {
        assert.equal(diagnostic.source, "jointspec");
        assert.ok(typeof diagnostic.code === "object" && diagnostic.code.target.toString().endsWith(`/docs/rules/${String(diagnostic.code.value)}.md`));
        // The page bundled in the extension, which opens offline and before publication.
        const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
        assert.equal(diagnostic.code.target.toString(), vscode.Uri.joinPath(extensionUri, "docs", "rules", `${String(diagnostic.code.value)}.md`).toString());
      }
    });
  }

  it("the workspace config makes ambiguous-term a warning, with the workspace glossary's Northstar", async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    const found = await diagnosticsWhen(document.uri, "two ambiguous-term warnings", (d) => d.length === 2);
    assert.deepEqual(
      found.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Warning],
    );
    assert.ok(found.some((d) => d.message.startsWith('"Northstar" means')));
  });

  it("a non-spec YAML file gets no diagnostics", async () => {
    const document = await openInEditor("config/app-settings.yaml");
    // Ask the extension directly: it answers undefined for a document that is not a spec.
    assert.equal(await api().diagnostics.lint(document), undefined);
    assert.deepEqual(jointspecDiagnostics(document.uri), []);
    assert.equal(document.languageId, "yaml");
  });

  it("a YAML file another extension claims (docker-compose) is not ours at all", async () => {
    const document = await openInEditor("docker-compose.yaml");
    assert.equal(await api().diagnostics.lint(document), undefined);
    assert.deepEqual(jointspecDiagnostics(document.uri), []);
  });

  it("a spec over the size limit gets one spec-size diagnostic from its length, unread, also after an edit", async () => {
    const line = "  - The loyalty relaunch keeps members informed about rewards and tiers.\n";
    const head = "jointspec: 1\nid: too-big\ntitle: Too big\nstatus: draft\nx-notes:\n";
    const body = line.repeat(Math.floor((3 * 1024 * 1024 - head.length) / line.length));
    const text = `${head}${body}${"x".repeat(3 * 1024 * 1024 - head.length - body.length - 1)}\n`;
    assert.equal(text.length, 3 * 1024 * 1024);
    const editor = await openUntitledSpec(text);
    const { document } = editor;
    const found = await diagnosticsWhen(document.uri, "the spec-size diagnostic", (d) => d.length > 0, 20_000);
    assert.deepEqual(summary(found), ["spec-size@1:1"]);
    // The extension counts UTF-16 code units, not bytes, so it says "at least".
    assert.equal(
      found[0]!.message,
      "This spec is at least 3 MB, over the limit of 2 MB for specs, so JointSpec did not read or check it. A spec is a few hundred lines; split this file, or raise limits.specSize in .jointspec.yaml if it really is one spec.",
    );
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), "summary: still far too long\n")));
    const lint = await api().diagnostics.lint(document);
    assert.deepEqual(
      lint?.result.findings.map((f) => f.ruleId),
      ["spec-size"],
    );
    assert.equal(lint?.result.analysis.parsed.document, undefined, "the text was not parsed");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, found[0]!.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Show documentation for spec-size"), titles.join(" | "));
    assert.ok(!titles.includes("Disable spec-size for this line…"), "no comment can suppress it: the file is not read");
  });

  it("re-lints as you type, and times it (examples spec and a 5,000-line spec)", async () => {
    // Edits go to untitled copies, so no other test sees them.
    const source = await vscode.workspace.openTextDocument(workspaceFile("black-friday-flash-sale.campaign.yaml"));
    const editor = await openUntitledSpec(source.getText());
    const { document } = editor;
    await diagnosticsWhen(document.uri, "the first lint", (d) => d.length === 1);
    const line = document.lineAt(
      document
        .getText()
        .split("\n")
        .findIndex((l) => l.startsWith("status:")),
    );
    const small = await timeToDiagnostics(
      document.uri,
      () => editor.edit((edit) => edit.replace(line.range, "status: aproved")),
      (d) => d.some((x) => x.message.includes('"aproved"')),
    );

    const kpi = (i: number) =>
      `  - id: kpi-${i}\n    name: KPI ${i}\n    definition: Orders a week\n    target: 10\n    owners: [marketing, technology]\n    source: warehouse.orders\n    cadence: weekly\n`;
    const big = `jointspec: 1\nid: big\ntitle: Big\nstatus: draft\nowners:\n  marketing: [{ name: Ann }]\n  technology: [{ name: Bo }]\nsecurity_review: { status: approved, reviewer: Cy, date: 2027-01-01 }\nkpis:\n${Array.from({ length: 713 }, (_, i) => kpi(i)).join("")}`;
    const bigEditor = await openUntitledSpec(big);
    assert.ok(bigEditor.document.lineCount >= 5000, `${bigEditor.document.lineCount} lines`);
    await waitFor("the big spec's first lint", () => api().diagnostics.current(bigEditor.document), { timeoutMs: 20_000 });
    const large = await timeToDiagnostics(
      bigEditor.document.uri,
      () => bigEditor.edit((edit) => edit.replace(new vscode.Range(3, 0, 3, 13), "status: aproved")),
      (d) => d.some((x) => x.message.includes('"aproved"')),
    );
    const delay = vscode.workspace.getConfiguration("jointspec").get<number>("lint.delay");
    console.log(
      `edit → updated diagnostics: examples spec ${small.toFixed(0)} ms, ${bigEditor.document.lineCount}-line spec ${large.toFixed(0)} ms (linting on type waits ${delay} ms after the last edit; a hover or code-action request in between lints at once)`,
    );
  });
});
