// The `jointspec` command. It receives its I/O as parameters and returns the exit code, so
// tests run it in-process exactly as the bin runs it: 0 clean, 1 lint failures, 2 usage or I/O.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs, styleText } from "node:util";
import { CONFIG_FILE_NAMES } from "../core/config.js";
import { version } from "../core/generated/version.json";
import { SEVERITIES, type Severity } from "../core/types.js";
import { docsUrl } from "../core/rule.js";
import { RULES } from "../core/rules/index.js";
import { closestMatch } from "../core/schema/spec-schema.js";
import { CONFIG_TEMPLATE, newSpecText, SPEC_ID_PATTERN, titleFromId } from "../core/templates.js";
import { FORMATTERS } from "../formatters/index.js";
import { countBySeverity, failsAt, summaryOf, type FileReport, type FormatContext, type Formatter, type Paint, type RuleSummary } from "../formatters/types.js";
import { LintCache } from "./cache.js";
import { findCandidates, type Candidate } from "./files.js";
import { lintFiles, relativePath, type FixMode } from "./lint-files.js";
import { lintInWorkers, workersFor } from "./parallel.js";
import { signOff } from "./sign-off.js";
import { todayOf } from "./today.js";
import { CliError, reason, Workspace } from "./workspace.js";

export interface CliIo {
  argv: readonly string[];
  /** The script worker threads run (the bundled CLI); without it, every run stays on one thread. */
  workerScript?: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input, for --stdin. */
  readStdin?: () => Promise<Uint8Array>;
  /** Bytes are written as they are: --stdin --fix hands back text it could not decode unchanged. */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

const USAGE = `Usage: jointspec lint [options] [paths or globs...]
       jointspec lint --stdin [--stdin-filename <path>] [options]
       jointspec sign-off <file> --function marketing|technology --name <name> [--date YYYY-MM-DD]
       jointspec init [spec-id]
       jointspec rules [--format stylish|json]
       jointspec --print-config <file>
       jointspec --version | --help

Lints joint campaign-tech specs. With no paths, lints every spec under the current folder:
files named *.campaign.yaml or *.campaign.yml (or as the config's "specs" says), and any
YAML file whose top-level map has the "jointspec" key. A file named on the command line
that the config ignores is skipped with a warning.

init writes a commented .jointspec.yaml and a first spec, <spec-id>.campaign.yaml
(default first-campaign), into the current folder; it never overwrites a file.

sign-off writes approvals.<function> into the spec: the signer's name, the date and a
record of what was signed, so that stale-sign-off reports any material change made after
it. Only the sign-off's lines change. It refuses a placeholder or a team as the name, a
date after today, and a file that is not a spec; a spec that is not ready to sign (errors,
an owner missing on one side, no shared KPI, a security review not approved) is left as
it is, with the reasons, and exit code 1.

Options:
  -f, --format <name[:file]>  ${Object.keys(FORMATTERS).join(", ")}
                              (default stylish); repeat it for several reports,
                              e.g. -f stylish -f sarif:jointspec.sarif;
                              html is the preview as one self-contained page for
                              people without VS Code, e.g. -f html:jointspec-report.html;
                              gitlab is GitLab's Code Quality report, e.g.
                              -f gitlab:gl-code-quality-report.json
  -o, --output <file>         write the (single) report to a file instead of the terminal
      --output-file <file>    the same as --output
  -c, --config <file>         use this config instead of the nearest .jointspec.yaml
      --fix                   write each finding's preferred fix (the fixes the editor's
                              Fix all applies) into the file, then report what is left;
                              a file that is not well-formed YAML is never touched
      --fix-dry-run           report as if fixed, writing nothing; -f json gives each
                              changed text as "output"
      --stdin                 lint the text piped in instead of files
      --stdin-filename <path> the name that text goes by: its config, whether it is a
                              spec, and its name in the report (default <stdin>);
                              with --fix, stdout gets the fixed text (all of it, fixed
                              or not) and the report goes to stderr
      --fail-severity <level> fail (exit 1) on findings of this severity or worse:
                              error (default), warning (or warn) or info
      --max-warnings <n>      fail when there are more than n warnings
      --quiet                 show only the findings that fail the run (errors, unless
                              --fail-severity says otherwise); the exit code is the same
      --cache                 skip specs unchanged since the last run (with the same
                              config, glossary files and JointSpec version)
      --cache-location <file> where the cache lives (default .jointspec-cache)
      --concurrency <n>       how many worker threads lint a run: auto (default: one
                              fewer than the cores, 1 to 8, for 200 files or more),
                              off (none: the main thread lints), or a number
      --print-config <file>   show the config that applies to a file, and stop
      --no-color              no colours (also: NO_COLOR=1); --color forces them
      --specs-only            lint named files only when they are specs (for hooks
                              that pass every changed YAML file)
      --no-error-on-unmatched-pattern
                              a glob that matches nothing, or no spec found, is not
                              an error
      --                      every word after it is a path, even one that starts
                              with "-" (for scripts that pass paths they did not write)

sign-off options:
      --function <name>       the function signing: marketing or technology
      --name <name>           the person signing, as in --name "Dana Reyes"
      --date <YYYY-MM-DD>     the day of the sign-off (default today, local time;
                              JOINTSPEC_TODAY=YYYY-MM-DD sets what today is)
  -c, --config <file>         the config to judge readiness with, as for lint
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
    // A message of several lines (every problem of a config file) keeps the prefix on each.
    io.stderr.write(
      message
        .split("\n")
        .map((line) => `jointspec: ${line}\n`)
        .join(""),
    );
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
  refuseOptionsOfOtherCommands(command, values);
  const color =
    values.color ??
    (io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== "0" : io.stdout.isTTY === true && !values.output && !values["output-file"]);
  switch (command) {
    case "lint":
      return lint(io, paths, values, color);
    case "init":
      return init(io, paths);
    case "sign-off":
      return signOff(io, paths, values);
    case "rules":
      return listRules(io, values.format?.[0] ?? "stylish");
    case undefined:
      throw new CliError(`no command given; try "jointspec lint" (see --help)`);
    default:
      throw new CliError(`unknown command "${command}";${didYouMean(command, COMMANDS) || " the commands are init, lint, rules and sign-off"} (see --help)`);
  }
}

const COMMANDS = ["init", "lint", "rules", "sign-off"] as const;

// The options only sign-off reads, and the ones it shares with lint; any other option given
// to the wrong command would be silently ignored, so it is refused instead.
const SIGN_OFF_OPTIONS: ReadonlySet<string> = new Set(["function", "name", "date"]);
const SHARED_OPTIONS: ReadonlySet<string> = new Set(["config", "help", "version", "print-config"]);

function refuseOptionsOfOtherCommands(command: string | undefined, values: Options): void {
  const given = Object.keys(values).filter((name) => values[name as keyof Options] !== undefined && !SHARED_OPTIONS.has(name));
  const misplaced = command === "sign-off" ? given.filter((name) => !SIGN_OFF_OPTIONS.has(name)) : given.filter((name) => SIGN_OFF_OPTIONS.has(name));
  if (misplaced.length === 0) return;
  const option = `--${misplaced[0]}`;
  throw new CliError(
    command === "sign-off"
      ? `${option} is not an option of sign-off (see --help)`
      : `${option} is an option of jointspec sign-off, not of ${command ?? "a command-less run"} (see --help)`,
  );
}

// " did you mean "x"?" when a word is a typo of a known one. Only the short known list is
// compared, and a word far longer than any of them is no typo.
function didYouMean(word: string, known: readonly string[], prefix = ""): string {
  if (word.length > 64) return "";
  const suggestion = closestMatch(word, known);
  return suggestion ? ` did you mean "${prefix}${suggestion}"?` : "";
}

type Options = ReturnType<typeof parseCommandLine>["values"];

/** Every option of the command line; --help and the README's table list each one. */
export const OPTIONS = {
  format: { type: "string", short: "f", multiple: true },
  output: { type: "string", short: "o" },
  "output-file": { type: "string" },
  config: { type: "string", short: "c" },
  fix: { type: "boolean" },
  "fix-dry-run": { type: "boolean" },
  stdin: { type: "boolean" },
  "stdin-filename": { type: "string" },
  "max-warnings": { type: "string" },
  "fail-severity": { type: "string" },
  cache: { type: "boolean" },
  "cache-location": { type: "string" },
  concurrency: { type: "string" },
  "print-config": { type: "string" },
  "specs-only": { type: "boolean" },
  quiet: { type: "boolean" },
  color: { type: "boolean" },
  "error-on-unmatched-pattern": { type: "boolean" },
  function: { type: "string" },
  name: { type: "string" },
  date: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function parseCommandLine(argv: readonly string[]) {
  const args = joinNegativeNumbers(argv);
  try {
    return parseArgs({ args, allowPositionals: true, allowNegative: true, options: OPTIONS });
  } catch (error) {
    const message = explainArgsError(args) ?? (error instanceof Error ? error.message.split("\n")[0]! : String(error));
    throw new CliError(`${message} (see --help)`);
  }
}

// parseArgs's own messages quote oddly ("as in '-- "--formt"") and suggest nothing. Read
// leniently, the same words show which one is wrong, and it is said in our own words.
function explainArgsError(args: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args: [...args], allowPositionals: true, allowNegative: true, strict: false, tokens: true, options: OPTIONS });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = (OPTIONS as Record<string, { type: "string" | "boolean" }>)[token.name];
    const negated = token.rawName.startsWith("--no-");
    if (!option || (negated && option.type !== "boolean")) {
      const long = token.rawName.startsWith("--");
      const hint = long ? didYouMean(token.rawName.slice(2), LONG_OPTIONS, "--") : "";
      return `unknown option ${token.rawName};${hint || ` a path that starts with "-" goes after "--", as in jointspec lint -- ${token.rawName}`}`;
    }
    if (option.type === "boolean" && token.value !== undefined) return `${token.rawName} takes no value, not "${token.value}"`;
    if (option.type === "string" && token.value === undefined) return `${token.rawName} needs a value`;
    if (option.type === "string" && !token.inlineValue && token.value!.startsWith("-")) {
      return `${token.rawName} needs a value, and "${token.value}" looks like an option; if it is the value, write ${token.rawName}=${token.value}`;
    }
  }
  return undefined;
}

// Every long option as it may be written, "--no-" forms of the switches included.
const LONG_OPTIONS: readonly string[] = Object.entries(OPTIONS).flatMap(([name, option]) => (option.type === "boolean" ? [name, `no-${name}`] : [name]));

// Options whose value may be a negative number. parseArgs reads "--max-warnings -1" as an
// option followed by another option and refuses it, so such a value is joined to its option
// ("--max-warnings=-1"). Nothing after "--" is touched: from there on every word is a path.
const NUMBER_OPTIONS: ReadonlySet<string> = new Set(["--max-warnings", "--concurrency"]);

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
  const outputs = parseOutputs(values.format, outputFile(values));
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  const failAt = parseFailSeverity(values["fail-severity"]);
  const fix = fixMode(values);
  const stdin = values.stdin === true;
  if (values["stdin-filename"] !== undefined && !stdin) throw new CliError("--stdin-filename names the text piped in with --stdin; add --stdin");
  if (stdin && patterns.length > 0) throw new CliError(`--stdin lints the text piped in, so it takes no paths (got ${patterns.join(", ")})`);
  const explicitConfig = values.config ? resolve(io.cwd, values.config) : undefined;
  const workspace = new Workspace(explicitConfig, io.cwd);
  // One day for the whole run, decided once, even if it runs past midnight.
  const today = todayOf(io.env);
  const cache = values.cache ? LintCache.open(resolve(io.cwd, values["cache-location"] ?? DEFAULT_CACHE), version) : undefined;
  const piped = stdin ? await readStdin(io) : undefined;
  const candidates: Candidate[] = piped
    ? [{ path: resolve(io.cwd, values["stdin-filename"] ?? STDIN_NAME), explicit: true, bytes: piped }]
    : await findCandidates(patterns, io.cwd, values["error-on-unmatched-pattern"] !== false);
  // With --stdin --fix, standard output carries the text alone, so a report meant for the terminal goes to stderr.
  const terminal = piped && fix === "write" ? io.stderr : io.stdout;

  // The html report shows each spec as a reader sees it, which needs the full analysis.
  const wantsPreview = outputs.some((output) => output.name === "html");
  const specsOnly = values["specs-only"] === true;
  // SARIF and GitLab fingerprints are made from the source text a finding points at.
  const wantsText = outputs.some((output) => output.name === "sarif" || output.name === "gitlab");
  // Only the json format lists each finding's fixes.
  const wantsFixes = outputs.some((output) => output.name === "json");
  // Checked even where there are no workers to start (tests call main in-process).
  const concurrency = parseConcurrency(values.concurrency, candidates.length);
  const workers = io.workerScript ? concurrency : 0;
  const here = { cwd: io.cwd, workspace, specsOnly, wantsPreview, wantsText, wantsFixes, today, ...(fix ? { fix } : {}), ...(cache ? { cache } : {}) };
  const linted =
    workers > 0
      ? await lintInWorkers(candidates, workers, { here, explicitConfig, toolVersion: version, cacheEntries: cache?.all, script: io.workerScript! })
      : lintFiles(candidates, here);
  const reports: FileReport[] = [];
  let ignored = 0;
  let fixed = 0;
  for (const file of linted) {
    if (file.kind === "error") throw new CliError(file.message);
    if (file.kind === "skipped") continue;
    if (file.kind === "ignored") {
      ignored++;
      io.stderr.write(
        `jointspec: warning: ${file.path} not linted: ${file.configFile ? `${file.configFile} ignores it` : "node_modules and .git are never linted"}\n`,
      );
      continue;
    }
    if (file.cacheUpdate) cache!.set(file.cacheUpdate.path, file.cacheUpdate.key, file.cacheUpdate.lint);
    reports.push(file.report);
    fixed += file.fixed ?? 0;
  }
  cache?.save();
  if (piped && fix === "write") {
    const output = reports[0]?.output;
    // The text goes back as it came, byte order mark included; unfixed text goes back byte for byte.
    const bom = piped[0] === 0xef && piped[1] === 0xbb && piped[2] === 0xbf ? "\uFEFF" : "";
    io.stdout.write(output === undefined ? piped : bom + output);
  }
  if (reports.length === 0 && ignored === 0 && values["error-on-unmatched-pattern"] !== false) {
    if (piped)
      throw new CliError(`the text piped in is not a spec (--specs-only: name it *.campaign.yaml with --stdin-filename, or give it a top-level jointspec key)`);
    throw new CliError(
      `no specs found in ${patterns.length > 0 ? patterns.join(", ") : "the current folder"} (specs are *.campaign.yaml files, or YAML files with a top-level jointspec key)`,
    );
  }
  // --quiet hides what would not fail the run; the exit code is decided on every finding.
  const shown = values.quiet
    ? reports.map((report) => ({ ...report, findings: report.findings.filter((finding) => failsAt(finding.severity, failAt)) }))
    : reports;

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
    const text = output.formatter(shown, { ...context, paint: output.file ? (_style, t) => t : paint });
    if (!output.file) {
      terminal.write(text);
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
  // The stylish report on the terminal ends with its own summary, in the same words; any other run gets one line.
  if (!outputs.some((output) => output.name === "stylish" && !output.file)) {
    const suppressed = reports.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
    io.stderr.write(
      `jointspec: ${summaryOf(shown)}${suppressed ? `, ${suppressed} suppressed` : ""}; failing on ${failAt}${failAt === "info" ? "" : " or worse"}\n`,
    );
  }
  if (fixed > 0) {
    const what = `${plural(fixed, "problem")} in ${plural(reports.filter((report) => report.output !== undefined).length, "spec")}`;
    io.stderr.write(
      fix === "write"
        ? `jointspec: fixed ${what}${piped ? " (the fixed text is on stdout)" : ""}\n`
        : `jointspec: --fix-dry-run would fix ${what}; nothing was written\n`,
    );
  }
  if (failing > 0) return 1;
  if (maxWarnings >= 0 && counts.warning > maxWarnings) {
    io.stderr.write(`jointspec: ${plural(counts.warning, "warning")}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

const DEFAULT_CACHE = ".jointspec-cache";

/** The name piped-in text goes by without --stdin-filename (as ESLint names it). */
const STDIN_NAME = "<stdin>";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function fixMode(values: Options): FixMode | undefined {
  if (values.fix && values["fix-dry-run"]) throw new CliError("--fix writes the fixes and --fix-dry-run only shows them; give one of the two");
  return values.fix ? "write" : values["fix-dry-run"] ? "dry-run" : undefined;
}

// --output-file is ESLint's name for --output.
function outputFile(values: Options): string | undefined {
  if (values.output !== undefined && values["output-file"] !== undefined && values.output !== values["output-file"]) {
    throw new CliError("--output and --output-file are the same option; give one file");
  }
  return values.output ?? values["output-file"];
}

async function readStdin(io: CliIo): Promise<Uint8Array> {
  if (!io.readStdin) throw new CliError("--stdin: no standard input to read");
  try {
    return await io.readStdin();
  } catch (error) {
    throw new CliError(`cannot read standard input: ${reason(error)}`);
  }
}

// Writes a commented config and a first spec from the editor's New Campaign Spec template.
// Nothing is overwritten: if either file is there, nothing is written at all.
function init(io: CliIo, args: readonly string[]): number {
  if (args.length > 1) throw new CliError(`init takes one spec id at most, not ${args.length} words (${args.join(" ")})`);
  const id = args[0] ?? "first-campaign";
  if (!SPEC_ID_PATTERN.test(id)) throw new CliError(`"${id}" is not a spec id: use lowercase words joined by hyphens, such as spring-loyalty-relaunch`);
  const specFile = `${id}.campaign.yaml`;
  const taken = [...CONFIG_FILE_NAMES, specFile].filter((name) => existsSync(join(io.cwd, name)));
  if (taken.length > 0) {
    const onlyTheSpec = taken.length === 1 && taken[0] === specFile;
    throw new CliError(
      `${taken.join(" and ")} already ${taken.length === 1 ? "exists" : "exist"}; init never overwrites a file${onlyTheSpec ? " (for a spec of another name: jointspec init <spec-id>)" : ""}`,
    );
  }
  for (const [name, text] of [
    [CONFIG_FILE_NAMES[0], CONFIG_TEMPLATE],
    [specFile, newSpecText(id, titleFromId(id))],
  ] as const) {
    try {
      // "wx": should the file appear in the meantime, it is still not overwritten.
      writeFileSync(join(io.cwd, name), text, { flag: "wx" });
    } catch (error) {
      throw new CliError(`cannot write ${name}: ${reason(error)}`);
    }
  }
  io.stdout.write(
    `Wrote ${CONFIG_FILE_NAMES[0]} and ${specFile}. Next, fill in the spec's TBDs, then:\n` +
      `  jointspec lint                                   what the spec still needs\n` +
      `  jointspec lint -f html -o jointspec-report.html  the spec as a page to share\n`,
  );
  return 0;
}

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
    if (!formatter) {
      const hint = didYouMean(name, Object.keys(FORMATTERS));
      throw new CliError(
        `unknown format "${name}";${hint ? `${hint} (formats: ${Object.keys(FORMATTERS).join(", ")})` : ` use one of ${Object.keys(FORMATTERS).join(", ")}`}`,
      );
    }
    if (file === "") throw new CliError(`--format ${name}: needs a file name after the colon`);
    return { name, formatter, file };
  });
  if (output !== undefined) {
    if (outputs.length !== 1 || outputs[0]!.file)
      throw new CliError("--output goes with a single --format (so does --output-file); for several reports, write -f name:file");
    outputs[0]!.file = output;
  }
  if (outputs.filter((o) => !o.file).length > 1)
    throw new CliError("only one --format can write to the terminal; give the others a file, as in -f sarif:jointspec.sarif");
  return outputs;
}

function parseFailSeverity(value: string | undefined): Severity {
  if (value === undefined) return "error";
  // "warn" as ESLint and Spectral spell it.
  if (value === "warn") return "warning";
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    const hint = didYouMean(value, SEVERITIES);
    throw new CliError(`--fail-severity takes error, warning or info, not "${value}"${hint ? `;${hint}` : ""}`);
  }
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

// --concurrency: the number of worker threads for a run of `count` files (0: the main thread alone).
function parseConcurrency(value: string | undefined, count: number): number {
  if (value === undefined || value === "auto") return workersFor(count);
  if (value === "off") return 0;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`--concurrency takes auto, off or a whole number of threads (1 or more), not "${value}"`);
  return Math.min(Number(value), count);
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
