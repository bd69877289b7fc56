// Lints a list of candidate files: the per-file work of `jointspec lint`, shared by the main
// thread and the worker threads that split a large run between the machine's cores.

import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fixAll } from "../core/fixes/apply.js";
import { checkSpecSize, type LintOptions } from "../core/lint.js";
import { lintBytes, type BytesLintResult } from "../core/lint-bytes.js";
import { headMentionsJointspecKey, SPEC_HEAD_LENGTH } from "../core/parse.js";
import { decodeUtf8 } from "../core/text.js";
import type { Finding } from "../core/types.js";
import type { FileReport } from "../formatters/types.js";
import { buildPreviewModel, type PreviewInput } from "../preview/model/build.js";
import type { PreviewModel } from "../preview/model/types.js";
import type { CachedLint } from "./cache.js";
import type { Candidate } from "./files.js";
import { reason, type EffectiveConfig, type Workspace } from "./workspace.js";

export interface LintFilesOptions {
  cwd: string;
  workspace: Workspace;
  /** Lint named files only when they are specs (--specs-only). */
  specsOnly: boolean;
  /** Build the preview model too (the html format). */
  wantsPreview: boolean;
  /** Keep each file's text in its report (SARIF fingerprints read lines); otherwise it is dropped to save memory. */
  wantsText: boolean;
  /** Keep each finding's fixes in its report (the json format lists them); otherwise they are dropped. */
  wantsFixes?: boolean;
  /** Today's date (YYYY-MM-DD) for the rules that judge dates against it. */
  today: string | undefined;
  /** --fix writes each spec's preferred fixes; --fix-dry-run reports as if it had. */
  fix?: FixMode;
  /** Cached lints by path; undefined when --cache is off. */
  cache?: { key(bytes: Uint8Array, fingerprint: string): string; get(path: string, key: string): CachedLint | undefined };
}

export type FixMode = "write" | "dry-run";

export type LintedFile =
  | { kind: "report"; report: FileReport; fixed?: number; cacheUpdate?: { path: string; key: string; lint: CachedLint } }
  | { kind: "skipped" }
  /** Named on the command line, but the config's `ignore` matches it: the host says so once. */
  | { kind: "ignored"; path: string; configFile: string | undefined }
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

function lintFile(candidate: Candidate, options: LintFilesOptions): LintedFile {
  const { cwd, workspace, specsOnly } = options;
  const effective = workspace.configFor(candidate.path);
  // A named file that the config ignores is skipped as ESLint skips it, so hooks that pass
  // every changed file still keep drafts out; the host tells the user.
  if (effective.isIgnored(candidate.path)) {
    return candidate.explicit
      ? { kind: "ignored", path: relativePath(cwd, candidate.path), configFile: effective.file && relativePath(cwd, effective.file) }
      : { kind: "skipped" };
  }
  const path = relativePath(cwd, candidate.path);
  const lintOptions = lintOptionsOf(effective, options.today, {});
  // Named files are linted whatever they are, unless --specs-only (pre-commit names every YAML file it sees).
  const mustBeSpec = !candidate.explicit || specsOnly;
  const isSpec = (head: () => Uint8Array): boolean => !mustBeSpec || effective.isSpecByName(candidate.path) || headMentionsJointspecKey(head());
  let bytes: Uint8Array;
  try {
    // A file over the size limit is answered from its size: at most its head is read, to tell
    // whether it is a spec. Text from stdin is measured as it came.
    const read = candidate.bytes ? { bytes: candidate.bytes, size: candidate.bytes.length } : readWithinLimit(candidate.path, effective.limits.specSize);
    const tooLarge = checkSpecSize(read.size, lintOptions);
    if (tooLarge) {
      if (!isSpec(() => read.bytes)) return { kind: "skipped" };
      return { kind: "report", report: toReport(path, tooLarge, undefined, previewOf(tooLarge, path, effective, options.wantsPreview), options.wantsFixes) };
    }
    bytes = read.bytes;
  } catch (error) {
    return { kind: "error", message: `cannot read ${path}: ${reason(error)}` };
  }
  if (!isSpec(() => bytes)) return { kind: "skipped" };
  return options.fix ? fixFile(candidate, path, bytes, effective, options) : lintUnchanged(candidate, path, bytes, effective, options);
}

// What the config in force asks of the core for one file, on the day of the run, and which
// parts of a finding the run reads.
function lintOptionsOf(effective: EffectiveConfig, today: string | undefined, parts: Pick<LintOptions, "fixes" | "related">): LintOptions {
  return {
    severities: effective.severities,
    glossary: effective.glossary,
    maxSpecSize: effective.limits.specSize,
    people: effective.config.people,
    ...(today ? { today } : {}),
    ...parts,
  };
}

function lintUnchanged(
  candidate: Candidate,
  path: string,
  bytes: Uint8Array,
  effective: EffectiveConfig,
  { wantsPreview, wantsText, wantsFixes, cache, today }: Pick<LintFilesOptions, "wantsPreview" | "wantsText" | "wantsFixes" | "cache" | "today">,
): LintedFile {
  // Text from stdin has no file for the cache to describe. A finding can depend on the day (a
  // review approved in the future), so a cached lint holds for the day it was made.
  const key = candidate.bytes ? undefined : cache?.key(bytes, `${effective.fingerprint} ${today ?? ""}`);
  const cached = key ? cache!.get(path, key) : undefined;
  if (cached && !wantsPreview) {
    const decoded = wantsText ? decodeUtf8(bytes) : undefined;
    return { kind: "report", report: toReport(path, cached, decoded?.ok ? decoded.text : undefined, undefined, wantsFixes) };
  }
  // No report reads a finding's related places; only json reads its fixes, and a cache entry
  // keeps them for a later run that may be json.
  const result = lintBytes(bytes, lintOptionsOf(effective, today, { related: false, fixes: wantsFixes === true || cache !== undefined }));
  const lint = cachedLintOf(result);
  return {
    kind: "report",
    report: toReport(path, lint, wantsText ? result.text : undefined, previewOf(result, path, effective, wantsPreview), wantsFixes),
    ...(key ? { cacheUpdate: { path, key, lint } } : {}),
  };
}

// --fix and --fix-dry-run: the editor's Fix all (the same core function, the same minimal
// edits), then the report of what is left. Fixing skips the cache: its entries describe the
// file as it was. A file is written only when its text changed, with its byte order mark kept.
function fixFile(
  candidate: Candidate,
  path: string,
  bytes: Uint8Array,
  effective: EffectiveConfig,
  { fix, wantsPreview, wantsText, wantsFixes, today }: LintFilesOptions,
): LintedFile {
  const decoded = decodeUtf8(bytes);
  // Bytes that are not UTF-8 text have nothing to fix; their report says why.
  if (!decoded.ok) return lintUnchanged(candidate, path, bytes, effective, { wantsPreview, wantsText, wantsFixes, today });
  const fixed = fixAll(decoded.text, lintOptionsOf(effective, today, {}));
  const changed = fixed.text !== decoded.text;
  if (changed && fix === "write" && !candidate.bytes) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "\uFEFF" : "";
    try {
      writeFileSync(candidate.path, bom + fixed.text);
    } catch (error) {
      return { kind: "error", message: `cannot write ${path}: ${reason(error)}` };
    }
  }
  const result: BytesLintResult = { ...fixed.lint, text: fixed.text };
  const report = toReport(path, cachedLintOf(result), wantsText ? fixed.text : undefined, previewOf(result, path, effective, wantsPreview), wantsFixes);
  return { kind: "report", report: changed ? { ...report, output: fixed.text } : report, fixed: fixed.applied };
}

function cachedLintOf(result: BytesLintResult): CachedLint {
  const title = result.analysis?.spec?.title;
  return { findings: result.findings, suppressed: result.suppressed, ...(typeof title === "string" ? { title } : {}) };
}

// Every check, whatever --quiet leaves in the lists: the readiness checklist must not look greener than it is.
function previewOf(result: PreviewInput, path: string, effective: EffectiveConfig, wantsPreview: boolean): PreviewModel | undefined {
  return wantsPreview ? buildPreviewModel(result, { severities: effective.severities, fileName: path }) : undefined;
}

// A file's bytes and size; over `limit` bytes, only its first SPEC_HEAD_LENGTH bytes. One
// open, one fstat and one read: a run over many specs spends much of its I/O time in system
// calls, and a stat of the path before reading the file was one more per file.
function readWithinLimit(path: string, limit: number): { bytes: Uint8Array; size: number } {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    // A size of 0 may be a file the system cannot size ahead: read it to its end.
    if (size === 0) {
      const whole = readFileSync(fd);
      return { bytes: whole, size: whole.length };
    }
    const bytes = Buffer.allocUnsafe(Math.min(size, size > limit ? SPEC_HEAD_LENGTH : size));
    let filled = 0;
    while (filled < bytes.length) {
      const got = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (got === 0) break;
      filled += got;
    }
    return { bytes: filled < bytes.length ? bytes.subarray(0, filled) : bytes, size };
  } finally {
    closeSync(fd);
  }
}

function toReport(path: string, lint: CachedLint, text: string | undefined, preview: PreviewModel | undefined, wantsFixes = false): FileReport {
  return {
    path,
    findings: lint.findings.map((finding) => reported(finding, wantsFixes)),
    suppressed: lint.suppressed.map((entry) => ({ ...entry, finding: reported(entry.finding, wantsFixes) })),
    ...(lint.title !== undefined ? { title: lint.title } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(preview ? { preview } : {}),
  };
}

// A finding as the reports read it: without what no format reads (the spec path the editor
// uses, related places) and, unless asked for, its fixes. Worker threads send reports to the
// main thread, which holds them all until the end: smaller, they cost less on both sides.
function reported(finding: Finding, wantsFixes: boolean): Finding {
  if (finding.path === undefined && finding.related === undefined && (wantsFixes || finding.fixes === undefined)) return finding;
  const { path: _path, related: _related, fixes, ...kept } = finding;
  return wantsFixes && fixes ? { ...kept, fixes } : kept;
}

/** A path as reports show it: relative to the working folder, with forward slashes. */
export function relativePath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === "" ? "." : rel).split("\\").join("/");
}
