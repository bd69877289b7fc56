// A read-only file system held in memory, on a URI scheme of its own: a stand-in for the
// virtual file systems of vscode.dev and github.dev. VS Code has no file search for it, as it
// has none for many virtual file systems, so workspace.findFiles never answers there.
import * as vscode from "vscode";

export class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly onDidChange = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.onDidChange.event;

  /** `files`: path → text; folders exist by the paths below them. `unreadable`: folders whose listing fails. */
  constructor(
    files: Record<string, string>,
    private readonly unreadable: readonly string[] = [],
  ) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, new TextEncoder().encode(text));
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if (this.isFolder(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (this.unreadable.includes(uri.path)) throw vscode.FileSystemError.NoPermissions(uri);
    if (!this.isFolder(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    const prefix = uri.path === "/" ? "/" : `${uri.path}/`;
    const entries = new Map<string, vscode.FileType>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name, ...rest] = path.slice(prefix.length).split("/");
      entries.set(name!, rest.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  private isFolder(path: string): boolean {
    const prefix = path === "/" ? "/" : `${path}/`;
    return [...this.files.keys()].some((file) => file.startsWith(prefix));
  }
}
