// The extension's reader for the core's config resolver: vscode.workspace.fs, so configs and
// glossaries are read on any file system VS Code opens, a disk or a virtual one. Kept to a
// thin adapter over the two calls it makes, typed by their shape rather than by vscode, so
// the unit tests can run it over a stand-in for workspace.fs and compare it with the CLI's.

import picomatch from "picomatch";
import type { AsyncConfigHost, ReadResult } from "../core/config-resolver.js";

/** The part of vscode.workspace.fs the resolver needs. */
export interface FileSystemLike<U> {
  stat(uri: U): PromiseLike<{ size: number }>;
  readFile(uri: U): PromiseLike<Uint8Array>;
}

/**
 * A config host over `fs`; `uriOf` turns a POSIX path into a URI on the document's file system.
 * With `confineTo` (a folder's path), files outside that folder read as unreadable: an untrusted
 * workspace's config must not point JointSpec at files elsewhere (`../` glossary paths).
 */
export function workspaceFsHost<U>(fs: FileSystemLike<U>, uriOf: (path: string) => U, confineTo?: string): AsyncConfigHost {
  const outside = (path: string): boolean => confineTo !== undefined && !path.startsWith(`${confineTo.replace(/\/$/, "")}/`);
  return {
    exists: async (path) => {
      if (outside(path)) return false;
      try {
        await fs.stat(uriOf(path));
        return true;
      } catch {
        return false;
      }
    },
    read: async (path, limit): Promise<ReadResult> => {
      if (outside(path)) return { kind: "unreadable", reason: "it is outside the workspace folder, and the workspace is not trusted" };
      const uri = uriOf(path);
      try {
        // Too large a file is refused by its size, before it is read.
        const size = (await fs.stat(uri)).size;
        if (size > limit) return { kind: "too-large", size };
        return { kind: "text", text: new TextDecoder("utf-8").decode(await fs.readFile(uri)) };
      } catch (error) {
        // vscode.FileSystemError names a missing file by its code.
        if ((error as { code?: string } | undefined)?.code === "FileNotFound") return { kind: "missing" };
        return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
      }
    },
    globs: (patterns) => picomatch([...patterns], { dot: true }),
  };
}
