// Lints a list of candidate files: the per-file work of `jointspec lint`, shared by the main
// thread and the worker threads that split a large run between the machine's cores.

import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { relative } from "node:path";
import { checkSpecSize } from "../core/lint.js";
import { lintBytes } from "../core/lint-bytes.js";
import { mentionsJointspecKey } from "../core/parse.js";
import { decodeUtf8 } from "../core/text.js";
import type { FileReport } from "../formatters/types.js";
import { buildPreviewModel, type PreviewInput } from "../preview/model/build.js";
import type { PreviewModel } from "../preview/model/types.js";
import type { CachedLint } from "./cache.js";
import type { Candidate } from "./files.js";
import { reason, type Workspace } from "./workspace.js";

export interface LintFilesOptions {
  cwd: string;
  workspace: Workspace;
  /** Lint named files only when they are specs (--specs-only). */
  specsOnly: boolean;
  /** Build the preview model too (the html format). */
  wantsPreview: boolean;
  /** Keep each file's text in its report (SARIF fingerprints read lines); otherwise it is dropped to save memory. */
  wantsText: boolean;
  /** Cached lints by path; undefined when --cache is off. */
  cache?: { key(bytes: Uint8Array, fingerprint: string): string; get(path: string, key: string): CachedLint | undefined };
}

export type LintedFile =
  | { kind: "report"; report: FileReport; cacheUpdate?: { path: string; key: string; lint: CachedLint } }
  | { kind: "skipped" }
  | { kind: "error"; message: string };

/** Lints each candidate; a file that cannot be read ends the list with an error. */
export function lintFiles(candidates: readonly Candidate[], options: LintFilesOptions): LintedFile[] {
  const results: LintedFile[] = [];
  for (const candidate of candidates) {
    const result = lintFile(candidate, options);
    results.push(result);
    if (result.kind === "error") break;
  }
  return results;
}

/** Lints the candidates `size` at a time, handing each batch to `send` as soon as it is done. */
export function lintFilesInBatches(candidates: readonly Candidate[], options: LintFilesOptions, size: number, send: (batch: LintedFile[]) => void): void {
  for (let start = 0; start < candidates.length; start += size) {
    const batch = lintFiles(candidates.slice(start, start + size), options);
    send(batch);
    if (batch.some((file) => file.kind === "error")) return;
  }
}

function lintFile(candidate: Candidate, { cwd, workspace, specsOnly, wantsPreview, wantsText, cache }: LintFilesOptions): LintedFile {
  const effective = workspace.configFor(candidate.path);
  if (!candidate.explicit && effective.isIgnored(candidate.path)) return { kind: "skipped" };
  const path = relativePath(cwd, candidate.path);
  const lintOptions = { severities: effective.severities, glossary: effective.glossary, maxSpecSize: effective.limits.specSize };
  // Named files are linted whatever they are, unless --specs-only (pre-commit names every YAML file it sees).
  const mustBeSpec = !candidate.explicit || specsOnly;
  const isSpec = (head: () => Uint8Array): boolean =>
    !mustBeSpec || effective.isSpecByName(candidate.path) || mentionsJointspecKey(new TextDecoder().decode(head().subarray(0, HEAD_BYTES)));
  // Every check, whatever --quiet leaves in the lists: the readiness checklist must not look greener than it is.
  const preview = (linted: PreviewInput): PreviewModel | undefined => (wantsPreview ? buildPreviewModel(linted, { severities: effective.severities, fileName: path }) : undefined);
  let bytes: Uint8Array;
  try {
    // A file over the size limit is answered from its size: at most its head is read, to tell whether it is a spec.
    const tooLarge = checkSpecSize(statSync(candidate.path).size, lintOptions);
    if (tooLarge) return isSpec(() => readHead(candidate.path)) ? { kind: "report", report: toReport(path, tooLarge, undefined, preview(tooLarge)) } : { kind: "skipped" };
    bytes = readFileSync(candidate.path);
  } catch (error) {
    return { kind: "error", message: `cannot read ${path}: ${reason(error)}` };
  }
  if (!isSpec(() => bytes)) return { kind: "skipped" };

  const key = cache?.key(bytes, effective.fingerprint);
  const cached = key ? cache!.get(path, key) : undefined;
  if (cached && !wantsPreview) {
    const decoded = wantsText ? decodeUtf8(bytes) : undefined;
    return { kind: "report", report: toReport(path, cached, decoded?.ok ? decoded.text : undefined, undefined) };
  }
  const result = lintBytes(bytes, lintOptions);
  const title = result.analysis?.spec?.title;
  const lint: CachedLint = { findings: result.findings, suppressed: result.suppressed, ...(typeof title === "string" ? { title } : {}) };
  return { kind: "report", report: toReport(path, lint, wantsText ? result.text : undefined, preview(result)), ...(key ? { cacheUpdate: { path, key, lint } } : {}) };
}

// How much of a file is read to look for a top-level jointspec key.
const HEAD_BYTES = 65536;

function readHead(path: string): Uint8Array {
  const head = new Uint8Array(HEAD_BYTES);
  const fd = openSync(path, "r");
  try {
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function toReport(path: string, lint: CachedLint, text: string | undefined, preview: PreviewModel | undefined): FileReport {
  return {
    path,
    findings: lint.findings,
    suppressed: lint.suppressed,
    ...(lint.title !== undefined ? { title: lint.title } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(preview ? { preview } : {}),
  };
}

/** A path as reports show it: relative to the working folder, with forward slashes. */
export function relativePath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === "" ? "." : rel).split("\\").join("/");
}
