// Reports text that is not one well-formed YAML document: every other rule needs one.
import type { Rule } from "../rule.js";

export const yamlSyntax: Rule = {
  id: "yaml-syntax",
  defaultSeverity: "error",
  description: "The file is one well-formed YAML document",
  needs: "text",
  fixable: false,
  messages: { problem: "{{problem}}" },
  check({ syntaxProblems }, report) {
    for (const problem of syntaxProblems) report({ messageId: "problem", data: { problem: problem.message }, offsets: problem.offsets });
  },
};
