// Who is signing: with the day (today.ts), the facts of a sign-off that only the host knows.
// The name comes from the user setting jointspec.signOff.name, else from git's user.name
// through the built-in git extension, when there is one. In the web-worker host (vscode.dev,
// github.dev) that extension is absent or runs in another host whose exports this one cannot
// reach: every step may fail, and failing only means the question starts empty.

import * as vscode from "vscode";

/** The setting that remembers the signer's name (user scope only: package.json). */
const SIGNER_SETTING = "signOff.name";

// Git's extension activates on its own schedule; asking must never hold up the question long.
const GIT_TIMEOUT_MS = 1500;

/** The name to offer when asking who is signing: the setting, else git's user.name, else "". */
export async function suggestedSignerName(documentUri: vscode.Uri | undefined): Promise<string> {
  const remembered = vscode.workspace.getConfiguration("jointspec").get<string>(SIGNER_SETTING, "").trim();
  if (remembered) return remembered;
  return (await withTimeout(gitUserName(documentUri), GIT_TIMEOUT_MS)) ?? "";
}

/** Remembers the name entered, for the next sign-off, in the user's settings. */
export async function rememberSignerName(name: string): Promise<void> {
  const settings = vscode.workspace.getConfiguration("jointspec");
  if (settings.get<string>(SIGNER_SETTING, "") === name) return;
  await settings.update(SIGNER_SETTING, name, vscode.ConfigurationTarget.Global);
}

// The parts of the git extension's API (extensions/git/src/api/git.d.ts, version 1) read here.
interface GitRepository {
  readonly rootUri: vscode.Uri;
  getConfig(key: string): Promise<string>;
  getGlobalConfig(key: string): Promise<string>;
}
interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

// user.name of the spec's repository (its local config wins, as git's own does), else of any
// open repository; undefined when git is not there or says nothing.
async function gitUserName(documentUri: vscode.Uri | undefined): Promise<string | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>("vscode.git");
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (typeof exports?.getAPI !== "function") return undefined;
    const git = exports.getAPI(1);
    const repository = (documentUri ? git.getRepository(documentUri) : null) ?? git.repositories[0];
    const name = repository ? (await repository.getConfig("user.name").catch(() => "")) || (await repository.getGlobalConfig("user.name").catch(() => "")) : "";
    return name.trim() || undefined;
  } catch {
    // Disabled, absent, or in another extension host: the person types their name.
    return undefined;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
