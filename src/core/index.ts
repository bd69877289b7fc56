// The core's public surface, for the CLI, the extension and the preview.
export { lintSpec, type LintOptions, type LintResult, type SpecAnalysis } from "./lint.js";
export { lintBytes, type BytesLintResult } from "./lint-bytes.js";
export { termAt, type TermAtPosition } from "./glossary/lookup.js";
export { Glossary, BUNDLED_ORIGIN, type GlossaryEntry, type GlossaryMeaning, type GlossaryTerm } from "./glossary/glossary.js";
export { FREE_TEXT_PATHS } from "./glossary/terms.js";
export {
  parseConfig,
  parseGlossaryFile,
  configCandidates,
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG,
  DEFAULT_SPEC_PATTERNS,
  type JointspecConfig,
} from "./config.js";
export { hasJointspecKey, mentionsJointspecKey, parseYaml } from "./parse.js";
export { applyTextEdits, fixAll } from "./fixes/apply.js";
export { disableNextLineEdit, findDirectives, type SuppressedFinding, type SuppressionDirective } from "./suppressions.js";
export { RULES, RULE_IDS, ruleById } from "./rules/index.js";
export { docsUrl, type Rule } from "./rule.js";
export { schemaAt, specSchema, type SchemaNode } from "./schema/spec-schema.js";
export * from "./types.js";
export { signOffRecord, compareRecord, SpecDigests, RECORD_VERSION, KPI_FIELDS, type RecordComparison } from "./sign-off/record.js";
export { reviewState, readyToSign, signOffSummary, type SignOffSummaryLine, type SigningFunction, type SignOffState, type SignOffReview, type ReadinessInput, type SignOffReadiness } from "./sign-off/review.js";
export { signOffEdits, signerProblem, signOffDateProblem, type Signer } from "./sign-off/edits.js";
