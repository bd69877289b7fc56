#!/usr/bin/env node
// @ts-check
// The "bare loop", the floor the CLI is measured against: for each file, `yaml`'s parseDocument
// with a LineCounter (positions, as any linter needs), toJS, and the spec schema checked by Ajv
// compiled once at start-up (at run time, with ajv-formats, as a plain Node script would). No
// rules, no glossary, no output but one number: the schema errors and parse errors it found.
//
//   node bench/bare-loop.mjs <file or folder>...
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;

const schema = JSON.parse(readFileSync(new URL("../schemas/jointspec.schema.json", import.meta.url), "utf8"));
// strict: false lets Ajv accept the editor keywords (markdownDescription…) the schema carries.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function* yamlFiles(path) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path, { recursive: true, encoding: "utf8" }).sort()) {
      if (/\.ya?ml$/.test(name)) yield join(path, name);
    }
  } else yield path;
}

let problems = 0;
for (const arg of process.argv.slice(2)) {
  for (const file of yamlFiles(arg)) {
    const lineCounter = new LineCounter();
    const document = parseDocument(readFileSync(file, "utf8"), { lineCounter });
    problems += document.errors.length;
    if (!validate(document.toJS())) problems += validate.errors.length;
  }
}
console.log(problems);
