// Lists a folder's YAML files for Lint Workspace, on any file system VS Code can open: a
// local disk, a remote, or a virtual one (vscode.dev, github.dev). VS Code's file search is
// tried first; a file system without a search provider makes findFiles wait for one that
// may never come, so after a while the folder is walked through vscode.workspace.fs
// instead, which every file system provider answers. Only when even that fails is the
// folder reported as unlisted, with the reason, for the command to say so.

import * as vscode from "vscode";

const YAML_GLOB = "**/*.{yaml,yml}";
const EXCLUDED_FOLDERS: readonly string[] = ["node_modules", ".git"];
const EXCLUDE_GLOB = `**/{${EXCLUDED_FOLDERS.join(",")}}/**`;

/** How long VS Code's file search may take before the folder is walked instead. */
const DEFAULT_SEARCH_TIMEOUT_MS = 10_000;
/** A walk stops after this many directory entries (a GitHub repository is read over the network). */
const DEFAULT_WALK_LIMIT = 20_000;

export interface ListOptions {
  searchTimeoutMs?: number;
  walkLimit?: number;
}

/** What was found under one root, and how. */
export interface FolderListing {
  root: vscode.Uri;
  files: vscode.Uri[];
  /** "search": VS Code's file search; "walk": vscode.workspace.fs, directory by directory; "none": neither could list it. */
  method: "search" | "walk" | "none";
  /** Why the listing is partial or missing, in words for a person; undefined when complete. */
  problem?: string;
}

/** Lists the YAML files under `root`, outside node_modules and .git, sorted by URI. */
export async function listYamlFiles(root: vscode.Uri, options: ListOptions = {}): Promise<FolderListing> {
  const searched = await searchFiles(root, options.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS);
  if (searched) return { root, files: sorted(searched), method: "search" };
  return walkFiles(root, options.walkLimit ?? DEFAULT_WALK_LIMIT);
}

// VS Code's file search, or undefined when it fails or does not answer in time.
async function searchFiles(root: vscode.Uri, timeoutMs: number): Promise<vscode.Uri[] | undefined> {
  const cancel = new vscode.CancellationTokenSource();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      cancel.cancel();
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    const search = Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(root, YAML_GLOB), EXCLUDE_GLOB, undefined, cancel.token));
    return await Promise.race([search.catch(() => undefined), timedOut]);
  } finally {
    clearTimeout(timer);
    cancel.dispose();
  }
}

// Breadth-first through vscode.workspace.fs. Symbolic links to folders are not followed
// (no cycles); a folder that cannot be read is skipped, the root failing means no listing.
async function walkFiles(root: vscode.Uri, limit: number): Promise<FolderListing> {
  const files: vscode.Uri[] = [];
  const queue: vscode.Uri[] = [root];
  let seen = 0;
  let unreadable = 0;
  while (queue.length > 0) {
    const folder = queue.shift()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch (error) {
      if (folder === root) return { root, files: [], method: "none", problem: reason(error) };
      unreadable++;
      continue;
    }
    for (const [name, type] of entries) {
      if (++seen > limit) {
        return { root, files: sorted(files), method: "walk", problem: `only the first ${limit} files and folders were looked at` };
      }
      const uri = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.SymbolicLink) continue;
      if (type & vscode.FileType.Directory) {
        if (!EXCLUDED_FOLDERS.includes(name)) queue.push(uri);
      } else if (/\.ya?ml$/.test(name)) {
        files.push(uri);
      }
    }
  }
  const problem = unreadable > 0 ? `${unreadable} folder(s) could not be read` : undefined;
  return { root, files: sorted(files), method: "walk", ...(problem ? { problem } : {}) };
}

function sorted(uris: vscode.Uri[]): vscode.Uri[] {
  return uris.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
