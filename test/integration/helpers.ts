// Small helpers shared by the integration suites (suite/*.test.ts). Not a suite itself.
// The suites run in both extension hosts, Node's and the web worker's (scripts/vscode/
// web-host.mjs bundles them for it), so nothing here may need Node.
import * as vscode from "vscode";

export const EXTENSION_ID = "jointspec.jointspec";

// A web worker has no environment: its runner (web/index.ts) hands the harness's settings over.
let handedOver: Readonly<Record<string, string>> | undefined;

/** For the web-worker runner: the settings the harness gave it, in place of environment variables. */
export function setTestEnv(settings: Readonly<Record<string, string>>): void {
  handedOver = settings;
}

/** A setting from the harness: an environment variable in Node's extension host, handed over in the worker. */
export function testEnv(name: string): string | undefined {
  if (handedOver) return handedOver[name];
  return typeof process === "undefined" ? undefined : process.env[name];
}

/** Which extension host runs this code: "webworker" (vscode.dev, github.dev) or "node". */
export function currentHost(): "webworker" | "node" {
  return typeof process === "undefined" || !process.versions?.node ? "webworker" : "node";
}

// The folder VS Code opened for the tests: a fresh copy of examples/ with the tests' own files
// from test/integration/workspace/ over it (scripts/vscode/workspace.mjs builds it).
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("no workspace folder is open (the runner opens one built by scripts/vscode/workspace.mjs)");
  return folder;
}

// A file of the test workspace, by its path relative to the workspace folder.
export function workspaceFile(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split("/"));
}

// A workspace file's text, read through VS Code's file system (works in both hosts).
export async function workspaceText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(relativePath)));
}

// Opens a workspace file in an editor, as a person would, and returns its document.
export async function openInEditor(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

// Resolves once condition() is truthy, checking every `intervalMs`; rejects after `timeoutMs`
// with what it waited for. The extension API has no event for most of these states.
export async function waitFor<T>(
  what: string,
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 10_000, intervalMs = 10 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
