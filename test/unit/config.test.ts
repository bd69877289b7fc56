import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { configCandidates, DEFAULT_CONFIG, DEFAULT_SPEC_PATTERNS, parseConfig } from "../../src/core/config.js";
import { lintSpec } from "../../src/core/lint.js";

describe("config", () => {
  it("reads severities, glossary files, spec patterns and ignores", () => {
    const parsed = parseConfig(
      "rules:\n  ambiguous-term: warning\n  joint-sign-off: off\nglossary: [g.yaml]\nspecs: ['campaigns/**/*.yaml']\nignore: ['drafts/**']\n",
    );
    deepStrictEqual(parsed, {
      ok: true,
      value: {
        rules: { "ambiguous-term": "warning", "joint-sign-off": "off" },
        glossary: ["g.yaml"],
        specs: ["campaigns/**/*.yaml"],
        ignore: ["drafts/**"],
        limits: {},
        people: [],
      },
    });
  });

  it("an empty config means all defaults", () => {
    deepStrictEqual(parseConfig("# nothing yet\n"), {
      ok: true,
      value: { rules: {}, glossary: [], specs: [...DEFAULT_SPEC_PATTERNS], ignore: [], limits: {}, people: [] },
    });
  });

  const PROBLEMS: [name: string, text: string, expected: [line: number, character: number, message: RegExp]][] = [
    ["an unknown rule id", "rules:\n  shared-kpis: error\n", [1, 2, /"shared-kpis" is not a JointSpec rule id/]],
    ["an unknown severity", "rules:\n  shared-kpi: fatal\n", [1, 14, /must be one of off, info, warning, error, warn, not "fatal"\.$/]],
    ["a misspelt severity", "rules:\n  shared-kpi: eror\n", [1, 14, /not "eror"\. Did you mean "error"\?$/]],
    ["a misspelt rule id", "rules:\n  shared-kpis: error\n", [1, 2, /^"shared-kpis" is not a JointSpec rule id\. Did you mean "shared-kpi"\?$/]],
    ["a misspelt key", "rule:\n  shared-kpi: error\n", [0, 0, /^Unknown key "rule" in this file\. Did you mean "rules"\?$/]],
    ["an unknown key", "rule:\n  shared-kpi: error\n", [0, 0, /Unknown key "rule"/]],
    ["broken YAML", "rules: [\n", [0, 7, /./]], // at the open bracket, not past the last line
  ];
  for (const [name, text, [line, character, message]] of PROBLEMS) {
    it(`reports ${name} with its position`, () => {
      const parsed = parseConfig(text);
      ok(!parsed.ok);
      const [first] = parsed.problems;
      deepStrictEqual([first!.range.start.line, first!.range.start.character], [line, character]);
      ok(message.test(first!.message), first!.message);
    });
  }

  it("reads warn as warning, as ESLint and Spectral users write it", () => {
    deepStrictEqual(parseConfig("rules:\n  schema: warn\n"), { ok: true, value: { ...DEFAULT_CONFIG, rules: { schema: "warning" } } });
  });

  it("reports every problem, in file order", () => {
    const parsed = parseConfig("rules:\n  shared-kpi: warnign\n  kpi-measurabel: error\nignore: drafts\n");
    ok(!parsed.ok);
    deepStrictEqual(
      parsed.problems.map((p) => [p.range.start.line, p.range.start.character]),
      [
        [1, 14],
        [2, 2],
        [3, 8],
      ],
    );
  });

  it("lists the config files to look for, nearest folder first", () => {
    deepStrictEqual(configCandidates("/work/repo/specs/a.campaign.yaml"), [
      "/work/repo/specs/.jointspec.yaml",
      "/work/repo/specs/.jointspec.yml",
      "/work/repo/.jointspec.yaml",
      "/work/repo/.jointspec.yml",
      "/work/.jointspec.yaml",
      "/work/.jointspec.yml",
      "/.jointspec.yaml",
      "/.jointspec.yml",
    ]);
    deepStrictEqual(configCandidates("C:\\repo\\a.yaml"), [
      "C:\\repo\\.jointspec.yaml",
      "C:\\repo\\.jointspec.yml",
      "C:\\.jointspec.yaml",
      "C:\\.jointspec.yml",
    ]);
  });

  it("severities change what the core reports", () => {
    const text = "jointspec: 1\nid: x\ntitle: X\nstatus: draft\n";
    const ids = (severities: Record<string, "off" | "info" | "warning" | "error">) =>
      lintSpec(text, { severities }).findings.map((f) => `${f.ruleId}:${f.severity}`);
    deepStrictEqual(ids({}), ["owners-both-functions:warning", "owners-both-functions:warning", "security-review:warning", "shared-kpi:warning"]);
    deepStrictEqual(ids({ "owners-both-functions": "off", "shared-kpi": "error" }), ["security-review:warning", "shared-kpi:error"]);
  });
});

describe("config: the roster (people:)", () => {
  it("reads the people of both functions, with role and email when given", () => {
    const parsed = parseConfig(
      "people:\n  - name: Dana Reyes\n    function: marketing\n    role: Campaign manager\n  - { name: Sam Patel, function: technology, email: sam@example.com }\n",
    );
    ok(parsed.ok);
    deepStrictEqual(parsed.value.people, [
      { name: "Dana Reyes", function: "marketing", role: "Campaign manager" },
      { name: "Sam Patel", function: "technology", email: "sam@example.com" },
    ]);
  });

  it("refuses a person without a function, or with one that is neither side, at its position", () => {
    const parsed = parseConfig("people:\n  - name: Dana Reyes\n    function: sales\n");
    ok(!parsed.ok);
    strictEqual(parsed.problems[0]!.range.start.line, 2);
    ok(/marketing, technology/.test(parsed.problems[0]!.message), parsed.problems[0]!.message);
    ok(!parseConfig("people:\n  - name: Dana Reyes\n").ok);
  });
});
