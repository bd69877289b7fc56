// Runs the CLI two ways with the same arguments: in-process through main(), and as a child
// process through the built bin, as users and CI run it. Each CLI case runs both ways.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import { FIXTURE_TODAY, REPO } from "./fixtures.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = join(REPO, "bin/jointspec.js");

// Bytes written to stdout read as the child process's would: UTF-8, a byte order mark kept.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

export async function runInProcess(
  args: readonly string[],
  cwd = REPO,
  env: Record<string, string | undefined> = {},
  stdin?: string | Uint8Array,
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main({
    argv: args,
    cwd,
    // The day the tests run on must not change what they find (a case may name another day).
    env: { JOINTSPEC_TODAY: FIXTURE_TODAY, ...env },
    // Like a process whose stdin is an empty pipe when the case pipes nothing in.
    readStdin: async () => (typeof stdin === "string" ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array())),
    stdout: { write: (text: string | Uint8Array) => (stdout += typeof text === "string" ? text : decoder.decode(text)), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

export function runBin(args: readonly string[], cwd = REPO, env: Record<string, string | undefined> = {}, stdin?: string | Uint8Array): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, JOINTSPEC_TODAY: FIXTURE_TODAY, ...env },
    input: stdin ?? "",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

export const RUNNERS = [
  { name: "in-process", run: runInProcess },
  {
    name: "bin",
    run: async (args: readonly string[], cwd?: string, env?: Record<string, string | undefined>, stdin?: string | Uint8Array) => runBin(args, cwd, env, stdin),
  },
] as const;
