// The `jointspec` command. It receives its I/O as parameters and returns the exit code, so
// tests run it in-process exactly as the bin runs it: 0 clean, 1 lint failures, 2 usage or I/O.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs, styleText } from "node:util";
import { version } from "../core/generated/version.json";
import { SEVERITIES, type Severity } from "../core/types.js";
import { docsUrl } from "../core/rule.js";
import { RULES } from "../core/rules/index.js";
import { FORMATTERS } from "../formatters/index.js";
import { countBySeverity, failsAt, type FileReport, type FormatContext, type Formatter, type Paint, type RuleSummary } from "../formatters/types.js";
import { LintCache } from "./cache.js";
import { findCandidates } from "./files.js";
import { lintFiles, relativePath } from "./lint-files.js";
import { lintInWorkers, threadsFor } from "./parallel.js";
import { CliError, reason, Workspace } from "./workspace.js";

export interface CliIo {
  argv: readonly string[];
  /** The script worker threads run (the bundled CLI); without it, every run stays on one thread. */
  workerScript?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

const USAGE = `Usage: jointspec lint [options] [paths or globs...]
       jointspec rules [--format stylish|json]
       jointspec --print-config <file>
       jointspec --version | --help

Lints joint campaign-tech specs. With no paths, lints every spec under the current folder:
files named *.campaign.yaml or *.campaign.yml (or as the config's "specs" says), and any
YAML file whose top-level map has the "jointspec" key.

Options:
  -f, --format <name[:file]>  ${Object.keys(FORMATTERS).join(", ")}
                              (default stylish); repeat it for several reports,
                              e.g. -f stylish -f sarif:jointspec.sarif;
                              html is the preview as one self-contained page for
                              people without VS Code, e.g. -f html:jointspec-report.html;
                              gitlab is GitLab's Code Quality report, e.g.
                              -f gitlab:gl-code-quality-report.json
  -o, --output <file>         write the (single) report to a file instead of the terminal
  -c, --config <file>         use this config instead of the nearest .jointspec.yaml
      --fail-severity <level> fail (exit 1) on findings of this severity or worse:
                              error (default), warning or info
      --max-warnings <n>      fail when there are more than n warnings
      --quiet                 report errors only
      --cache                 skip specs unchanged since the last run (with the same
                              config, glossary files and JointSpec version)
      --cache-location <file> where the cache lives (default .jointspec-cache)
      --print-config <file>   show the config that applies to a file, and stop
      --no-color              no colours (also: NO_COLOR=1); --color forces them
      --specs-only            lint named files only when they are specs (for hooks
                              that pass every changed YAML file)
      --no-error-on-unmatched-pattern
                              a glob that matches nothing, or no spec found, is not
                              an error
      --                      every word after it is a path, even one that starts
                              with "-" (for scripts that pass paths they did not write)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 nothing at or above --fail-severity (and warnings within --max-warnings),
1 lint failures, 2 usage or I/O error.
`;

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(io: CliIo): Promise<number> {
  try {
    return await run(io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr.write(`jointspec: ${message}\n`);
    return 2;
  }
}

async function run(io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(io.argv);
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (values["print-config"] !== undefined) return printConfig(io, values["print-config"], values.config);
  const [command, ...paths] = positionals;
  const color = values.color ?? (io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== "0" : io.stdout.isTTY === true && !values.output);
  switch (command) {
    case "lint":
      return lint(io, paths, values, color);
    case "rules":
      return listRules(io, values.format?.[0] ?? "stylish");
    case undefined:
      throw new CliError(`no command given; try "jointspec lint" (see --help)`);
    default:
      throw new CliError(`unknown command "${command}"; the commands are lint and rules (see --help)`);
  }
}

type Options = ReturnType<typeof parseCommandLine>["values"];

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: joinNegativeNumbers(argv),
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: "string", short: "f", multiple: true },
        output: { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        "max-warnings": { type: "string" },
        "fail-severity": { type: "string" },
        cache: { type: "boolean" },
        "cache-location": { type: "string" },
        "print-config": { type: "string" },
        "specs-only": { type: "boolean" },
        quiet: { type: "boolean" },
        color: { type: "boolean" },
        "error-on-unmatched-pattern": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    // parseArgs explains the problem in one sentence; keep it and point at --help.
    throw new CliError(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} (see --help)`);
  }
}

// Options whose value may be a negative number. parseArgs reads "--max-warnings -1" as an
// option followed by another option and refuses it, so such a value is joined to its option
// ("--max-warnings=-1"). Nothing after "--" is touched: from there on every word is a path.
const NUMBER_OPTIONS: ReadonlySet<string> = new Set(["--max-warnings"]);

function joinNegativeNumbers(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      args.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (NUMBER_OPTIONS.has(arg) && next !== undefined && /^-\d+$/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else {
      args.push(arg);
    }
  }
  return args;
}

async function lint(io: CliIo, patterns: readonly string[], values: Options, color: boolean): Promise<number> {
  const outputs = parseOutputs(values.format, values.output);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  const failAt = parseFailSeverity(values["fail-severity"]);
  const explicitConfig = values.config ? resolve(io.cwd, values.config) : undefined;
  const workspace = new Workspace(explicitConfig, io.cwd);
  const cache = values.cache ? LintCache.open(resolve(io.cwd, values["cache-location"] ?? DEFAULT_CACHE), version) : undefined;
  const candidates = await findCandidates(patterns, io.cwd, values["error-on-unmatched-pattern"] !== false);

  // The html report shows each spec as a reader sees it, which needs the full analysis.
  const wantsPreview = outputs.some((output) => output.name === "html");
  const specsOnly = values["specs-only"] === true;
  // SARIF and GitLab fingerprints are made from the source text a finding points at.
  const wantsText = outputs.some((output) => output.name === "sarif" || output.name === "gitlab");
  const threads = io.workerScript ? threadsFor(candidates.length) : 1;
  const linted =
    threads > 1
      ? await lintInWorkers(candidates, threads, {
          cwd: io.cwd,
          explicitConfig,
          specsOnly,
          wantsPreview,
          wantsText,
          toolVersion: version,
          cacheEntries: cache?.all,
          script: io.workerScript!,
        })
      : lintFiles(candidates, { cwd: io.cwd, workspace, specsOnly, wantsPreview, wantsText, ...(cache ? { cache } : {}) });
  const reports: FileReport[] = [];
  for (const file of linted) {
    if (file.kind === "error") throw new CliError(file.message);
    if (file.kind === "skipped") continue;
    if (file.cacheUpdate) cache!.set(file.cacheUpdate.path, file.cacheUpdate.key, file.cacheUpdate.lint);
    const { report } = file;
    reports.push(values.quiet ? { ...report, findings: report.findings.filter((finding) => finding.severity === "error") } : report);
  }
  cache?.save();
  if (reports.length === 0 && values["error-on-unmatched-pattern"] !== false) {
    throw new CliError(`no specs found in ${patterns.length > 0 ? patterns.join(", ") : "the current folder"} (specs are *.campaign.yaml files, or YAML files with a top-level jointspec key)`);
  }

  // styleText must not second-guess the decision about colour made above.
  const paint: Paint = color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
  const context: FormatContext = {
    cwd: io.cwd,
    paint,
    toolVersion: version,
    rules: ruleSummaries(),
    failSeverity: failAt,
    maxWarnings,
    ...(wantsPreview ? { nonce: freshNonce() } : {}),
  };
  for (const output of outputs) {
    const text = output.formatter(reports, { ...context, paint: output.file ? (_style, t) => t : paint });
    if (!output.file) {
      io.stdout.write(text);
      continue;
    }
    const target = resolve(io.cwd, output.file);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    } catch (error) {
      throw new CliError(`cannot write ${output.file}: ${reason(error)}`);
    }
  }

  const counts = countBySeverity(reports);
  const failing = SEVERITIES.filter((severity) => failsAt(severity, failAt)).reduce((n, severity) => n + counts[severity], 0);
  // The stylish report on the terminal ends with its own summary; any other run gets one line.
  if (!outputs.some((output) => output.name === "stylish" && !output.file)) {
    const suppressed = reports.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
    io.stderr.write(
      `jointspec: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info(s) in ${reports.length} spec(s)${suppressed ? `, ${suppressed} suppressed` : ""}; failing on ${failAt}${failAt === "info" ? "" : " or worse"}\n`,
    );
  }
  if (failing > 0) return 1;
  if (maxWarnings >= 0 && counts.warning > maxWarnings) {
    io.stderr.write(`jointspec: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

const DEFAULT_CACHE = ".jointspec-cache";

interface Output {
  name: string;
  formatter: Formatter;
  file: string | undefined;
}

// "-f stylish -f sarif:out.sarif": each format goes to the terminal or to its own file.
function parseOutputs(formats: readonly string[] | undefined, output: string | undefined): Output[] {
  const specs = formats && formats.length > 0 ? formats : ["stylish"];
  const outputs = specs.map((spec): Output => {
    const colon = spec.indexOf(":");
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    const formatter = FORMATTERS[name];
    if (!formatter) throw new CliError(`unknown format "${name}"; use one of ${Object.keys(FORMATTERS).join(", ")}`);
    if (file === "") throw new CliError(`--format ${name}: needs a file name after the colon`);
    return { name, formatter, file };
  });
  if (output !== undefined) {
    if (outputs.length !== 1 || outputs[0]!.file) throw new CliError("--output goes with a single --format; for several reports, write -f name:file");
    outputs[0]!.file = output;
  }
  if (outputs.filter((o) => !o.file).length > 1) throw new CliError("only one --format can write to the terminal; give the others a file, as in -f sarif:jointspec.sarif");
  return outputs;
}

function parseFailSeverity(value: string | undefined): Severity {
  if (value === undefined) return "error";
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new CliError(`--fail-severity takes error, warning or info, not "${value}"`);
  return value as Severity;
}

// The config that applies to one file, as data: "which config applies" should never be a guess.
function printConfig(io: CliIo, file: string, explicitConfig: string | undefined): number {
  const path = resolve(io.cwd, file);
  const workspace = new Workspace(explicitConfig ? resolve(io.cwd, explicitConfig) : undefined, io.cwd);
  const effective = workspace.configFor(path);
  const shown = (p: string): string => relativePath(io.cwd, p);
  const report = {
    file: shown(path),
    configFile: effective.file ? shown(effective.file) : null,
    isSpecByName: effective.isSpecByName(path),
    ignored: effective.isIgnored(path),
    rules: Object.fromEntries(RULES.map((rule) => [rule.id, effective.severities[rule.id] ?? rule.defaultSeverity])),
    glossaryFiles: effective.glossaryFiles.map(shown),
    specs: effective.config.specs,
    ignore: effective.config.ignore,
    // In bytes, defaults filled in, as the run applies them.
    limits: effective.limits,
  };
  io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

function listRules(io: CliIo, format: string): number {
  const rules = ruleSummaries();
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  if (format !== "stylish") throw new CliError(`unknown format "${format}" for rules; use stylish or json`);
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    io.stdout.write(`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? "fix" : "   "}  ${rule.description}\n`);
  }
  return 0;
}

function ruleSummaries(): RuleSummary[] {
  return RULES.map((rule) => ({
    id: rule.id,
    defaultSeverity: rule.defaultSeverity,
    description: rule.description,
    fixable: rule.fixable,
    docsUrl: docsUrl(rule.id),
  }));
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  if (!/^-?\d+$/.test(value)) throw new CliError(`--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}

// A fresh random value for the html report's inline script and style (node:crypto is loaded only then).
function freshNonce(): string {
  const { randomBytes } = require("node:crypto") as typeof import("node:crypto");
  return randomBytes(18).toString("base64");
}
