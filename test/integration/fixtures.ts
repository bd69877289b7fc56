// Fixture files (test/fixtures) for the integration suites, by path relative to that folder.
// In Node's extension host they are read from disk. A web worker cannot read the repository,
// so the bundle for it (scripts/vscode/web-host.mjs) replaces this module with one that holds
// the text of test/fixtures/fixes, read at bundle time: one set of suites for both hosts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES } from "../unit/helpers/fixtures";

/** The text of test/fixtures/<relativePath>. */
export function fixtureText(relativePath: string): string {
  return readFileSync(join(FIXTURES, ...relativePath.split("/")), "utf8");
}
