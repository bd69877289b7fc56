// @ts-check
// The folder the integration suites and the UI check open: built at run time from examples/
// (the specs, .jointspec.yaml and glossary a user sees) with the tests' own files from
// test/integration/workspace/ laid over it (a spec the suites edit, a non-spec YAML file, a
// second glossary). The examples are not copied into the repository a second time, so the
// suites always test the examples as they are.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { HarnessError, REPO } from "./browser.mjs";

const EXAMPLES = join(REPO, "examples");
const TEST_OWN_FILES = join(REPO, "test/integration/workspace");

/** @param {string} dir @returns {string[]} the files under dir, as paths relative to it */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Builds a fresh workspace in `dest` (emptied first): examples/, then the tests' own files
 * over it. A file of the tests' own that is the same as the example it would replace is a
 * stale copy, and fails the build of the workspace: delete it from test/integration/workspace/.
 * `from` names other source folders (for the harness's own tests).
 * @param {string} dest
 * @param {{ examples?: string, own?: string }} [from]
 * @returns {string} dest
 */
export function buildWorkspace(dest, { examples = EXAMPLES, own = TEST_OWN_FILES } = {}) {
  const copies = filesUnder(own).filter((file) => {
    const example = join(examples, file);
    return existsSync(example) && readFileSync(example).equals(readFileSync(join(own, file)));
  });
  if (copies.length) {
    throw new HarnessError(
      `${relative(REPO, own)}/ holds copies of ${relative(REPO, examples)}/ (${copies.join(", ")}); delete them: the workspace is built from ${relative(REPO, examples)}/`,
    );
  }
  rmSync(dest, { recursive: true, force: true });
  cpSync(examples, dest, { recursive: true });
  cpSync(own, dest, { recursive: true });
  return dest;
}
