// Runs action.yml the way GitHub's runner runs a composite action, so that the tests check
// the action as users get it:
// - the action is a `git clone` of this repository at HEAD (what GitHub checks out: only
//   what is committed, and no node_modules);
// - inputs are the `with:` strings, else the defaults of action.yml; `${{ … }}` expressions
//   are substituted into the step's strings (run, env, working-directory, name) before any
//   shell sees them, exactly as GitHub does, so an input pasted into `run:` would be run;
// - each `run:` step with `shell: bash` is written to a file and run as GitHub runs it:
//   `bash --noprofile --norc -eo pipefail FILE`, in GITHUB_WORKSPACE unless the step says
//   otherwise, with GITHUB_ACTION_PATH, GITHUB_OUTPUT (a fresh file per step), RUNNER_TEMP…
// - a failing step ends the action (later steps have no `if:` to run anyway), and the
//   action's outputs are evaluated at the end, failed or not, as GitHub does;
// - a `uses:` step, another shell or an expression it does not know makes it throw: the
//   action must need no other action, and the emulation must not guess.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { FIXTURE_TODAY } from "./fixtures.js";

interface ActionYaml {
  inputs?: Record<string, { default?: string; description?: string }>;
  outputs?: Record<string, { value: string; description?: string }>;
  runs: { using: string; steps: Step[] };
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}

export interface Annotation {
  kind: "error" | "warning" | "notice";
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  /** The exit code of the step that failed, or 0. */
  code: number;
  stdout: string;
  stderr: string;
  /** The workflow commands ::error, ::warning and ::notice that the steps printed. */
  annotations: Annotation[];
  /** The action's outputs; an output that was never set is "", as in GitHub's expressions. */
  outputs: Record<string, string>;
  /** The steps that ran, with their exit codes. */
  steps: { name: string; code: number }[];
}

export interface ActionOptions {
  /** The action's checkout (see cloneAtHead). */
  actionPath: string;
  /** The caller's repository, GITHUB_WORKSPACE. */
  workspace: string;
  /** The step's `with:` map. */
  inputs?: Record<string, string>;
  /** The runner's PATH (default: this process's). */
  path?: string;
}

const KNOWN_STEP_KEYS = new Set(["name", "id", "shell", "run", "env", "working-directory"]);
const STEP_KEYS_HINT = [...KNOWN_STEP_KEYS].join(", ");
const BASH = "/bin/bash";

/** Clones the repository at `repo` into `into` and checks out its HEAD commit: what GitHub checks out. */
export function cloneAtHead(repo: string, into: string): string {
  const sha = git(repo, "rev-parse", "HEAD").trim();
  git(repo, "clone", "--quiet", "--no-checkout", repo, into);
  git(into, "checkout", "--quiet", sha);
  return sha;
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** Runs the composite action in `actionPath` against `workspace`, as GitHub's runner would. */
export function runAction(options: ActionOptions): ActionRun {
  const action = parse(readFileSync(join(options.actionPath, "action.yml"), "utf8")) as ActionYaml;
  if (action.runs.using !== "composite") throw new Error(`the emulation runs composite actions, not "${action.runs.using}"`);
  const inputs = resolveInputs(action, options.inputs ?? {});
  const runnerTemp = mkdtempSync(join(options.workspace, "..", "runner-temp-"));
  const github = { action_path: options.actionPath, workspace: options.workspace };
  const stepOutputs: Record<string, Record<string, string>> = {};
  const evaluate = (text: string): string => substitute(text, { inputs, github, runner: { temp: runnerTemp, os: "Linux" }, steps: stepOutputs });

  const result: ActionRun = { code: 0, stdout: "", stderr: "", annotations: [], outputs: {}, steps: [] };
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses !== undefined) throw new Error(`step ${index + 1} uses ${step.uses}: the action must need no other action`);
    const unknown = Object.keys(step).filter((key) => !KNOWN_STEP_KEYS.has(key));
    if (unknown.length > 0) throw new Error(`step ${index + 1} has ${unknown.join(", ")}; the emulation knows ${STEP_KEYS_HINT}`);
    if (step.shell !== "bash") throw new Error(`step ${index + 1}: the emulation runs shell: bash, not ${String(step.shell)}`);
    if (step.run === undefined) throw new Error(`step ${index + 1} has no run:`);

    const name = step.name !== undefined ? evaluate(step.name) : `Run step ${index + 1}`;
    const script = join(runnerTemp, `step-${index + 1}.sh`);
    writeFileSync(script, evaluate(step.run));
    const outputFile = join(runnerTemp, `output-${index + 1}`);
    writeFileSync(outputFile, "");
    const env: Record<string, string> = {
      PATH: options.path ?? process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? runnerTemp,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ENV: join(runnerTemp, "env"),
      GITHUB_PATH: join(runnerTemp, "path"),
      GITHUB_STEP_SUMMARY: join(runnerTemp, "summary"),
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: "Linux",
      // Not GitHub's: the day the tests lint as of, so that no result depends on when they run.
      JOINTSPEC_TODAY: FIXTURE_TODAY,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(String(value))])),
    };
    const directory = step["working-directory"] !== undefined ? resolve(options.workspace, evaluate(step["working-directory"])) : options.workspace;
    const child = spawnSync(BASH, ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: directory, env, encoding: "utf8" });
    const code = child.status ?? 128;
    result.stdout += child.stdout;
    result.stderr += child.stderr;
    result.annotations.push(...annotationsIn(child.stdout));
    result.steps.push({ name, code });
    if (step.id !== undefined) stepOutputs[step.id] = parseOutputFile(readFileSync(outputFile, "utf8"));
    if (code !== 0) {
      result.code = code;
      break;
    }
  }
  for (const [id, output] of Object.entries(action.outputs ?? {})) result.outputs[id] = evaluate(output.value);
  return result;
}

// `with:` values win over defaults; an input the action does not declare is a mistake in the test.
function resolveInputs(action: ActionYaml, given: Record<string, string>): Record<string, string> {
  const declared = action.inputs ?? {};
  const lower = new Map(Object.keys(declared).map((id) => [id.toLowerCase(), id]));
  const inputs: Record<string, string> = {};
  for (const [id, spec] of Object.entries(declared)) inputs[id.toLowerCase()] = spec.default ?? "";
  for (const [id, value] of Object.entries(given)) {
    if (!lower.has(id.toLowerCase())) throw new Error(`the action has no input "${id}"`);
    inputs[id.toLowerCase()] = value;
  }
  return inputs;
}

interface Contexts {
  inputs: Record<string, string>;
  github: Record<string, string>;
  runner: Record<string, string>;
  steps: Record<string, Record<string, string>>;
}

// The expressions an action like this one uses: a context property path, nothing more.
function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    const path = /^([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))+$/.test(expression) ? expression.split(".") : undefined;
    if (!path) throw new Error(`the emulation cannot evaluate \${{ ${expression} }}`);
    const [context, ...rest] = path;
    switch (context) {
      case "inputs":
      case "github":
      case "runner": {
        if (rest.length !== 1) break;
        const values = contexts[context];
        const key = context === "inputs" ? rest[0]!.toLowerCase() : rest[0]!;
        if (!(key in values)) throw new Error(`\${{ ${expression} }}: no such ${context} value`);
        return values[key]!;
      }
      case "steps":
        if (rest.length === 3 && rest[1] === "outputs") return contexts.steps[rest[0]!]?.[rest[2]!] ?? "";
        break;
    }
    throw new Error(`the emulation cannot evaluate \${{ ${expression} }}`);
  });
}

// GITHUB_OUTPUT holds "name=value" lines and "name<<DELIMITER" … "DELIMITER" blocks.
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const equals = line.indexOf("=");
    if (heredoc && (equals < 0 || heredoc[1]!.length < equals)) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${heredoc[2]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (equals > 0) {
      outputs[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`GITHUB_OUTPUT: cannot read the line ${JSON.stringify(line)}`);
    }
  }
  return outputs;
}

// "::error file=a,line=3::message" with the runner's unescaping of %25, %0D, %0A, %3A, %2C.
function annotationsIn(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split("\n")) {
    const command = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!command) continue;
    const properties = Object.fromEntries(
      (command[2] ?? "")
        .split(",")
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf("=")), decodeCommandText(pair.slice(pair.indexOf("=") + 1))]),
    );
    annotations.push({ kind: command[1] as Annotation["kind"], properties, message: decodeCommandText(command[3]!) });
  }
  return annotations;
}

function decodeCommandText(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}

/** A fresh temporary folder with the given files (relative path → content). */
export function makeRepository(parent: string, files: Record<string, string>): string {
  const root = mkdtempSync(join(parent, "repo-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
