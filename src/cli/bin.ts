// The `jointspec` executable: hands the process's I/O to main and sets the exit code. The
// same file is the script of the worker threads that share a large run between cores.
import { main } from "./main.js";
import { runLintWorkerIfAny } from "./parallel.js";

if (!runLintWorkerIfAny()) {
  main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    readStdin,
    stdout: process.stdout,
    stderr: process.stderr,
    workerScript: workerScript(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`jointspec: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

// Workers start the way this process started: through bin/jointspec.js (and its code cache)
// when that is how the command was run, else from this bundle directly.
function workerScript(): string {
  return require.main?.filename ?? __filename;
}

// All of standard input as bytes, for --stdin; read only when asked, as it waits for the end.
function readStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    process.stdin.once("end", () => resolve(Buffer.concat(chunks)));
    process.stdin.once("error", reject);
  });
}
