// The shared vocabulary of the core: positions, findings, fixes and rules.
// Positions follow VS Code and LSP: 0-based lines, characters counted in UTF-16 code units.

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replaces the text between two offsets of the original text (UTF-16 code units). */
export interface TextEdit {
  range: Range;
  /** The same span as `range`, as offsets into the text the edit was computed for. */
  offsets: [start: number, end: number];
  newText: string;
}

/** A titled set of edits; `preferred` fixes are the ones "Fix all" applies without asking. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The part of the spec the finding concerns, as the rule reported it (for the preview). */
  path?: SpecPath;
  /** Fixes a user can pick; at most one is `preferred`. */
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** A path into the spec's data: map keys and sequence indexes, as in JSON Pointer. */
export type SpecPath = readonly (string | number)[];

/** The two functions a joint spec brings together. */
export const FUNCTIONS = ["marketing", "technology"] as const;
export type BusinessFunction = (typeof FUNCTIONS)[number];
