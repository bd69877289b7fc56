// The formatters by name, as `--format` accepts them.
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { html } from "./html.js";
import { json } from "./json.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, junit, github, gitlab, html };
