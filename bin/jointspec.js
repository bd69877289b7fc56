#!/usr/bin/env node
// The installed command: the CLI bundled by esbuild.js into one file.
require("../dist/cli.js");
