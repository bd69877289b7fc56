// Settings, config and glossary changes re-lint open specs; the commands; the status bar.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { api, closeAll, diagnosticsWhen, jointspecDiagnostics } from "../diagnostics-helpers";
import { openInEditor, workspaceFile, workspaceText } from "../helpers";
import { MemoryFileSystem } from "../memory-fs";

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
    await diagnosticsWhen(
      document.uri,
      "two ambiguous-term warnings",
      (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning),
    );
    await vscode.workspace.getConfiguration("jointspec").update("rules", { "ambiguous-term": "error" }, vscode.ConfigurationTarget.Workspace);
    try {
      // .jointspec.yaml says warning, and the file wins.
      await diagnosticsWhen(document.uri, "still warnings", (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
      await withFile(
        ".jointspec.yaml",
        (text) => text.replace("ambiguous-term: warning", "ambiguous-term: off"),
        async () => {
          await diagnosticsWhen(document.uri, "no ambiguous-term with the config saying off", (d) => d.length === 0);
        },
      );
    } finally {
      await vscode.workspace.getConfiguration("jointspec").update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhen(document.uri, "the warnings back", (d) => d.length === 2);
  });

  it("a glossary file change re-lints open specs", async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await diagnosticsWhen(document.uri, "the Northstar finding", (d) => d.some((x) => x.message.startsWith('"Northstar"')));
    await withFile(
      "glossary/acme.glossary.yaml",
      (text) => text.replace(/report: true/g, "report: false"),
      async () => {
        await diagnosticsWhen(document.uri, "no Northstar finding", (d) => !d.some((x) => x.message.startsWith('"Northstar"')));
      },
    );
    await diagnosticsWhen(document.uri, "the Northstar finding back", (d) => d.some((x) => x.message.startsWith('"Northstar"')));
  });

  // The config's ignore holds in the editor as on the command line: an ignored spec shows nothing.
  it("a spec the config ignores shows no diagnostics", async () => {
    const document = await openInEditor("lapsed-member-winback.campaign.yaml");
    await diagnosticsWhen(document.uri, "two ambiguous-term warnings", (d) => d.length === 2);
    await withFile(
      ".jointspec.yaml",
      (text) => `${text}\nignore:\n  - "lapsed-member-winback.campaign.yaml"\n`,
      async () => {
        await diagnosticsWhen(document.uri, "no diagnostics once the config ignores the spec", (d) => d.length === 0);
        // Linting it again (as on save) keeps it clear.
        assert.equal(await api().diagnostics.lint(document), undefined);
        assert.equal(jointspecDiagnostics(document.uri).length, 0);
      },
    );
    await diagnosticsWhen(document.uri, "the warnings back", (d) => d.length === 2);
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
      // How many findings the workspace's specs hold in all depends on what earlier tests left
      // open and configured; what this test is about is the unopened spec's, checked below.
      assert.ok(findings >= 1, `${findings} findings`);
      assert.deepEqual(
        jointspecDiagnostics(uri).map((d) => String(typeof d.code === "object" ? d.code.value : "")),
        ["security-review"],
      );
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
      // The first placeholder is selected, so typing a name replaces it.
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.getText(editor.selection), "TBD");
      assert.equal(editor.selection.start.line, 7);
      await diagnosticsWhen(uri, "findings on the template's placeholders", (d) =>
        d.some((x) => String(typeof x.code === "object" ? x.code.value : "") === "owners-both-functions"),
      );
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

describe("Lint Workspace on a file system without file search (as on vscode.dev and github.dev)", () => {
  type Result = { files: number; findings: number; problems: string[] };
  const ruleIds = (uri: vscode.Uri): string[] => jointspecDiagnostics(uri).map((d) => String(typeof d.code === "object" ? d.code.value : ""));
  let scheme = 0;

  // Mounts `files` on a fresh scheme, runs Lint Workspace over its root, then unmounts it.
  async function lintMemoryFolder(
    files: Record<string, string>,
    options: { unreadable?: string[]; walkLimit?: number } = {},
  ): Promise<{ result: Result; root: vscode.Uri }> {
    const root = vscode.Uri.from({ scheme: `jointspec-memfs-${++scheme}`, path: "/repo" });
    const mount = vscode.workspace.registerFileSystemProvider(root.scheme, new MemoryFileSystem(files, options.unreadable), { isReadonly: true });
    try {
      // A short wait for file search, which never answers for this scheme; then the folder is walked.
      const result = await vscode.commands.executeCommand<Result>("jointspec.lintWorkspace", [root], {
        searchTimeoutMs: 300,
        ...(options.walkLimit ? { walkLimit: options.walkLimit } : {}),
      });
      return { result, root };
    } finally {
      mount.dispose();
    }
  }

  it("walks the folders through vscode.workspace.fs and lints the specs it finds", async () => {
    const spec = await workspaceText("holiday-gift-guide.campaign.yaml");
    const { result, root } = await lintMemoryFolder({
      "/repo/campaigns/winter-sale.campaign.yaml": spec,
      "/repo/campaigns/notes.yaml": "title: not a spec\n",
      "/repo/node_modules/some-package/copy.campaign.yaml": spec,
      "/repo/.git/copy.campaign.yaml": spec,
    });
    const winter = vscode.Uri.joinPath(root, "campaigns/winter-sale.campaign.yaml");
    try {
      assert.deepEqual(result, { files: 1, findings: 1, problems: [] });
      assert.deepEqual(ruleIds(winter), ["security-review"]);
      assert.deepEqual(ruleIds(vscode.Uri.joinPath(root, "node_modules/some-package/copy.campaign.yaml")), []);
    } finally {
      api().diagnostics.forget(winter);
    }
  });

  it("says which folder it cannot list, and why, instead of failing silently", async () => {
    const { result } = await lintMemoryFolder({ "/repo/a.campaign.yaml": "jointspec: 1\n" }, { unreadable: ["/repo"] });
    assert.equal(result.files, 0);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!, /^cannot list the files of jointspec-memfs-\d+:\/repo \(.+\); specs there are still checked when you open them$/);
  });

  it("says when it stopped walking early", async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/repo/notes-${i}.yaml`, "title: not a spec\n"]));
    const { result } = await lintMemoryFolder(files, { walkLimit: 3 });
    assert.deepEqual(
      result.problems.map((p) => p.replace(/jointspec-memfs-\d+/, "memfs")),
      ["in memfs:/repo, only the first 3 files and folders were looked at; specs left out are still checked when you open them"],
    );
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
