// Runs the CLI two ways with the same arguments: in-process through main(), and as a child
// process through the built bin, as users and CI run it. Each CLI case runs both ways.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../../src/cli/main.js";
import { REPO } from "./fixtures.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = join(REPO, "bin/jointspec.js");

export async function runInProcess(args: readonly string[], cwd = REPO, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main({
    argv: args,
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

export function runBin(args: readonly string[], cwd = REPO, env: Record<string, string | undefined> = {}): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

export const RUNNERS = [
  { name: "in-process", run: runInProcess },
  { name: "bin", run: async (args: readonly string[], cwd?: string, env?: Record<string, string | undefined>) => runBin(args, cwd, env) },
] as const;
