// `npm run examples`: lints examples/ with the built CLI, exactly as a user would run it.
// The examples hold problems on purpose, so exit code 1 (findings) is the expected outcome
// here; 2 (a usage or I/O error) or a crash still fails the script.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = ["bin/jointspec.js", "lint", "examples", ...process.argv.slice(2)];
console.log(`$ jointspec ${args.slice(1).join(" ")}`);
// The examples are set in 2027: linted as of its last day, each shows the problem it was
// written for, and not also "approved in the future" when run before their dates.
const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, JOINTSPEC_TODAY: process.env.JOINTSPEC_TODAY ?? "2027-12-31" } });
console.log(`(exit code ${run.status}: ${run.status === 1 ? "the examples show their problems, as intended" : run.status === 0 ? "no problems" : "error"})`);
process.exit(run.status === 0 || run.status === 1 ? 0 : 1);
