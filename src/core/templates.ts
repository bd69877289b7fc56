// The text of a new spec and of a new config: one copy for the editor's New Campaign Spec
// command and for `jointspec init`, so both start people from the same page.

/** What a spec id looks like: lowercase words joined by hyphens (the schema's `id` pattern). */
export const SPEC_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A title people would say, from an id: "spring-loyalty-relaunch" → "Spring loyalty relaunch". */
export function titleFromId(id: string): string {
  return id
    .split("-")
    .map((word, i) => (i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(" ");
}

/** A first draft of a spec: every section present, placeholders where a person must decide. */
export function newSpecText(id: string, title: string): string {
  return `jointspec: 1
id: ${id}
title: ${JSON.stringify(title)}
status: draft
summary: What the campaign does, for whom, and why.
owners:
  marketing:
    - name: TBD
      role: Campaign manager
  technology:
    - name: TBD
      role: Solutions architect
kpis:
  - id: primary-kpi
    name: Primary KPI
    definition: Exactly what is counted, over which period
    target: TBD
    owners: [marketing, technology]
    focus: customer
    source: TBD
security_review:
  status: not-started
`;
}

/**
 * Where the first thing a person must decide in a new spec is, as offsets: the marketing
 * owner's "TBD". The editor selects it, so typing a name replaces it.
 */
export function firstPlaceholder(text: string): [start: number, end: number] | undefined {
  const at = text.indexOf("name: TBD");
  return at < 0 ? undefined : [at + "name: ".length, at + "name: TBD".length];
}

/**
 * A commented .jointspec.yaml: every setting a team can change, shown where it would change
 * it. As it stands it changes nothing: what is not commented out is the default.
 */
export const CONFIG_TEMPLATE = `# JointSpec configuration, read by the jointspec CLI and the VS Code extension alike.
# Data only: nothing in this file is ever run. Every key is optional: to use one that is
# commented out, remove the "# " in front of its lines.

# Rule severities: off, info, warning (or warn) or error. A rule not named here keeps its
# default; \`jointspec rules\` lists every rule with its default.
# rules:
#   ambiguous-term: warning
#   joint-sign-off: error

# Extra glossary files, relative to this file: they add terms or replace bundled ones.
# glossary:
#   - glossary/our-terms.glossary.yaml

# Files that are specs by name. A YAML file whose top-level map has the jointspec key is a
# spec whatever its name.
specs:
  - "**/*.campaign.yaml"
  - "**/*.campaign.yml"

# Files never linted, even when named on the command line (node_modules and .git never are).
# ignore:
#   - "drafts/**"
`;
