// `jointspec sign-off FILE --function marketing|technology --name NAME [--date YYYY-MM-DD]`:
// writes a function's sign-off into a spec with the core's minimal edits (the same the editor
// applies), after the same checks: a person's name, a real date that is not ahead of today,
// a well-formed spec that is ready to sign. Bad input exits 2 with one line; a spec that is
// not ready exits 1 and says why; nothing is written unless everything holds.

import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { applyTextEdits } from "../core/fixes/apply.js";
import { lintSpec } from "../core/lint.js";
import { closestMatch } from "../core/schema/spec-schema.js";
import { signOffDateProblem, signOffEdits, signerProblem } from "../core/sign-off/edits.js";
import { signOffRecord } from "../core/sign-off/record.js";
import { readyToSign, reviewState, signOffSummary, type SigningFunction } from "../core/sign-off/review.js";
import { decodeUtf8 } from "../core/text.js";
import { FUNCTIONS } from "../core/types.js";
import type { CliIo } from "./main.js";
import { todayOf } from "./today.js";
import { CliError, reason, Workspace } from "./workspace.js";

export interface SignOffValues {
  function?: string;
  name?: string;
  date?: string;
  config?: string;
}

/** Signs `file` off; returns the exit code (errors in the input throw CliError, exit 2). */
export function signOff(io: CliIo, args: readonly string[], values: SignOffValues): number {
  if (args.length !== 1) {
    throw new CliError(
      args.length === 0
        ? 'sign-off needs the spec file to sign, as in jointspec sign-off spring.campaign.yaml --function marketing --name "Dana Reyes"'
        : `sign-off signs one spec at a time, not ${args.length} (${args.join(", ")})`,
    );
  }
  const file = args[0]!;
  const fn = signingFunction(values.function);
  if (values.name === undefined) throw new CliError(`--name is required: the person signing for ${fn}, as in --name "Dana Reyes"`);
  const nameProblem = signerProblem(values.name);
  if (nameProblem) throw new CliError(`--name: ${nameProblem}`);
  const today = todayOf(io.env);
  const date = values.date ?? today;
  const dateProblem = signOffDateProblem(date);
  if (dateProblem) throw new CliError(`--date: ${dateProblem}`);
  if (date > today) throw new CliError(`--date ${date} is after today (${today}); a sign-off is dated the day it is given`);

  const path = resolve(io.cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${reason(error)}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new CliError(`${file} is not a UTF-8 text file (line ${decoded.position.line + 1}: ${decoded.message})`);
  // The decoder drops a byte order mark; it goes back on when the file is written.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "\uFEFF" : "";
  const text = decoded.text;

  const signer = { name: values.name.trim(), date };
  const result = signOffEdits(text, fn, signer);
  if ("error" in result) throw new CliError(`${file}: ${result.error}`);

  // Ready or not is judged as the editor judges it, with the config that applies to the file.
  const effective = new Workspace(values.config ? resolve(io.cwd, values.config) : undefined, io.cwd).configFor(path);
  const lint = lintSpec(text, { severities: effective.severities, glossary: effective.glossary, maxSpecSize: effective.limits.specSize, today });
  const readiness = readyToSign(lint);
  if (!readiness.ready) {
    io.stderr.write(
      `jointspec: ${file} is not ready for ${fn} to sign; nothing was written:\n${readiness.reasons.map((why) => `jointspec:   - ${why}\n`).join("")}`,
    );
    return 1;
  }

  const before = reviewState(lint.analysis.spec)[fn];
  if (result.edits.length === 0) {
    io.stdout.write(`${file} is already signed off for ${fn} by ${signer.name} on ${date}, and nothing material has changed since; nothing to write.\n`);
    return 0;
  }
  const signed = applyTextEdits(text, result.edits);
  try {
    writeFileSync(path, bom + signed);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${reason(error)}`);
  }

  const replaced =
    before.state !== "missing"
      ? ` (replacing the sign-off by ${before.name ?? "someone"}${before.date ? ` of ${before.date}` : ""}${before.state === "stale" ? ", which was stale" : ""})`
      : "";
  const summary = signOffSummary(lint.analysis.spec ?? {});
  const width = Math.max(...summary.map((line) => line.label.length));
  io.stdout.write(
    `Signed off ${file} for ${fn} as ${signer.name} on ${date}${replaced}. What was signed:\n` +
      summary.map((line) => `  ${`${line.label}:`.padEnd(width + 1)} ${line.text}\n`).join("") +
      `Record: ${signOffRecord(lint.analysis.spec ?? {})}\n`,
  );
  return 0;
}

function signingFunction(value: string | undefined): SigningFunction {
  if (value === undefined) throw new CliError("--function is required: marketing or technology");
  if ((FUNCTIONS as readonly string[]).includes(value)) return value as SigningFunction;
  const hint = value.length <= 64 ? closestMatch(value, FUNCTIONS) : undefined;
  throw new CliError(`--function takes marketing or technology, not "${value}"${hint ? `; did you mean "${hint}"?` : ""}`);
}
