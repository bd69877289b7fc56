// @ts-check
// Helpers shared by the Spectral functions: the same defensive readers as the core's
// src/core/spec-data.ts, rewritten here because a Spectral ruleset cannot import TypeScript.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const FUNCTIONS = ["marketing", "technology"];
export const SIGN_OFF_STATUSES = new Set(["approved", "live"]);

export const asMap = (value) => (typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined);
export const asList = (value) => (Array.isArray(value) ? value : []);
export const asText = (value) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined);

// Words people write instead of a name when they do not know it yet.
// biome-ignore format: a word list, kept on one line
const PLACEHOLDERS = new Set(["", "tbd", "tbc", "tba", "?", "??", "???", "n/a", "na", "none", "someone", "somebody", "todo", "unknown", "-", "--", "x", "xx", "xxx"]);

export function isNamed(value) {
  const text = asText(value);
  return (
    text !== undefined &&
    !PLACEHOLDERS.has(
      text
        .trim()
        .toLowerCase()
        .replace(/[.!?]+$/, ""),
    )
  );
}

/** A file named in a rule's options, relative to the ruleset's folder. */
export function rulesetRelative(context, file) {
  const source = context.rule?.owner?.source;
  if (typeof source !== "string") throw new Error(`cannot tell where the ruleset is, to find ${file}`);
  return resolve(dirname(source), file);
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}
