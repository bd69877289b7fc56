// The `jointspec` command. It receives its I/O as parameters and returns the exit code, so
// tests run it in-process exactly as the bin runs it: 0 clean, 1 lint failures, 2 usage or I/O.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs, styleText } from "node:util";
import { version } from "../core/generated/version.json";
import { lintBytes } from "../core/lint-bytes.js";
import { mentionsJointspecKey } from "../core/parse.js";
import { docsUrl } from "../core/rule.js";
import { RULES } from "../core/rules/index.js";
import { FORMATTERS } from "../formatters/index.js";
import type { FileReport, FormatContext, Paint, RuleSummary } from "../formatters/types.js";
import { findCandidates } from "./files.js";
import { CliError, reason, Workspace } from "./workspace.js";

export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

const USAGE = `Usage: jointspec lint [options] [paths or globs...]
       jointspec rules [--format stylish|json]
       jointspec --version | --help

Lints joint campaign-tech specs. With no paths, lints every spec under the current folder:
files named *.campaign.yaml or *.campaign.yml (or as the config's "specs" says), and any
YAML file whose top-level map has the "jointspec" key.

Options:
  -f, --format <name>       stylish (default), json or sarif
  -o, --output <file>       write the report to a file instead of the terminal
  -c, --config <file>       use this config instead of the nearest .jointspec.yaml
      --max-warnings <n>    fail (exit 1) when there are more than n warnings
      --quiet               report errors only
      --no-color            no colours (also: NO_COLOR=1); --color forces them
      --no-error-on-unmatched-pattern
                            a glob that matches nothing is not an error
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 lint failures,
2 usage or I/O error.
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
  const [command, ...paths] = positionals;
  const color = values.color ?? (io.env.NO_COLOR ? false : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== "0" : io.stdout.isTTY === true && !values.output);
  switch (command) {
    case "lint":
      return lint(io, paths, values, color);
    case "rules":
      return listRules(io, values.format ?? "stylish");
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
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: "string", short: "f" },
        output: { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        "max-warnings": { type: "string" },
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

async function lint(io: CliIo, patterns: readonly string[], values: Options, color: boolean): Promise<number> {
  const formatName = values.format ?? "stylish";
  const formatter = FORMATTERS[formatName];
  if (!formatter) throw new CliError(`unknown format "${formatName}"; use one of ${Object.keys(FORMATTERS).join(", ")}`);
  const maxWarnings = parseMaxWarnings(values["max-warnings"]);
  const workspace = new Workspace(values.config ? resolve(io.cwd, values.config) : undefined, io.cwd);
  const candidates = await findCandidates(patterns, io.cwd, values["error-on-unmatched-pattern"] !== false);

  const reports: FileReport[] = [];
  for (const candidate of candidates) {
    const effective = workspace.configFor(candidate.path);
    if (!candidate.explicit && effective.isIgnored(candidate.path)) continue;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(candidate.path);
    } catch (error) {
      throw new CliError(`cannot read ${relativePath(io.cwd, candidate.path)}: ${reason(error)}`);
    }
    if (!candidate.explicit && !effective.isSpecByName(candidate.path) && !mentionsJointspecKey(new TextDecoder().decode(bytes.subarray(0, 65536)))) continue;
    const result = lintBytes(bytes, { severities: effective.severities, glossary: effective.glossary });
    const findings = values.quiet ? result.findings.filter((finding) => finding.severity === "error") : result.findings;
    reports.push({ path: relativePath(io.cwd, candidate.path), findings, ...(result.text !== undefined ? { text: result.text } : {}) });
  }
  if (reports.length === 0 && values["error-on-unmatched-pattern"] !== false) {
    throw new CliError(`no specs found in ${patterns.length > 0 ? patterns.join(", ") : "the current folder"} (specs are *.campaign.yaml files, or YAML files with a top-level jointspec key)`);
  }

  // styleText must not second-guess the decision about colour made above.
  const paint: Paint = color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
  const context: FormatContext = { cwd: io.cwd, paint, toolVersion: version, rules: ruleSummaries() };
  const output = formatter(reports, context);
  if (values.output) {
    const target = resolve(io.cwd, values.output);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    } catch (error) {
      throw new CliError(`cannot write ${values.output}: ${reason(error)}`);
    }
  } else {
    io.stdout.write(output);
  }

  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warning").length, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`jointspec: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
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

function relativePath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === "" ? "." : rel).split("\\").join("/");
}

