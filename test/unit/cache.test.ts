import { deepStrictEqual, notStrictEqual, strictEqual } from "node:assert";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LintCache } from "../../src/cli/cache.js";
import { runBin, runInProcess } from "./helpers/cli.js";
import { REPO } from "./helpers/fixtures.js";

// The cache is observed from outside: after a first run, the cached findings of one spec are
// replaced by a marker. A run that prints the marker used the cache; one that does not
// re-linted. Each case changes one input of the key and says whether the cache must hold.

const SPEC = "lapsed-member-winback.campaign.yaml";
const MARKER = "served from the cache";

interface CacheCase {
  name: string;
  change: (dir: string) => void;
  args?: string[];
  cached: boolean;
}

const CASES: CacheCase[] = [
  { name: "nothing changed", change: () => {}, cached: true },
  { name: "the spec changed", change: (dir) => edit(join(dir, SPEC), (t) => t.replace("Three DR emails", "Four DR emails")), cached: false },
  { name: "another spec changed", change: (dir) => edit(join(dir, "holiday-gift-guide.campaign.yaml"), (t) => `${t}\n`), cached: true },
  {
    name: "a glossary file changed",
    change: (dir) => edit(join(dir, "glossary/acme.glossary.yaml"), (t) => t.replace(/report: true/g, "report: false")),
    cached: false,
  },
  {
    name: "the config changed",
    change: (dir) => edit(join(dir, ".jointspec.yaml"), (t) => t.replace("ambiguous-term: warning", "ambiguous-term: error")),
    cached: false,
  },
  { name: "a touch that changes no byte", change: (dir) => edit(join(dir, SPEC), (t) => t), cached: true },
];

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

describe("--cache", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "jointspec-cache-"));
    cpSync(join(REPO, "examples"), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const { name, change, cached } of CASES) {
    it(`${name}: ${cached ? "served from the cache" : "linted again"}`, async () => {
      const cacheFile = join(dir, ".cache/jointspec.json");
      const args = ["lint", ".", "--format", "json", "--cache", "--cache-location", cacheFile];
      const first = await runInProcess(args, dir);
      strictEqual(first.code, 1);

      // Plant the marker in the cached findings of one spec.
      const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { findings: { message: string }[] }> };
      for (const finding of stored.entries[SPEC]!.findings) finding.message = MARKER;
      writeFileSync(cacheFile, JSON.stringify(stored));

      change(dir);
      const second = await runInProcess(args, dir);
      const messages = (JSON.parse(second.stdout) as { filePath: string; findings: { message: string }[] }[])
        .find((f) => f.filePath === SPEC)!
        .findings.map((f) => f.message);
      strictEqual(messages.includes(MARKER), cached, messages.join(" | "));
    });
  }

  it("a damaged cache file is ignored and rewritten", async () => {
    const cacheFile = join(dir, "cache.json");
    writeFileSync(cacheFile, "{ not json");
    const run = await runInProcess(["lint", ".", "--format", "json", "--cache", "--cache-location", cacheFile], dir);
    strictEqual(run.code, 1);
    strictEqual((JSON.parse(readFileSync(cacheFile, "utf8")) as { format: number }).format, 1);
  });

  it("the key covers the bytes, the config and the tool version", () => {
    const cache = LintCache.open(join(tmpdir(), "no-such-cache-file.json"), "1.0.0");
    const bytes = new TextEncoder().encode("jointspec: 1\n");
    const key = cache.key(bytes, "config-a");
    strictEqual(cache.key(bytes, "config-a"), key);
    notStrictEqual(cache.key(bytes, "config-b"), key);
    notStrictEqual(cache.key(new TextEncoder().encode("jointspec: 1 \n"), "config-a"), key);
    notStrictEqual(LintCache.open(join(tmpdir(), "no-such-cache-file.json"), "1.0.1").key(bytes, "config-a"), key);
  });
});

describe("--print-config", () => {
  it("shows which config applies to a spec, with every rule's severity", async () => {
    const run = await runInProcess(["--print-config", "examples/lapsed-member-winback.campaign.yaml"]);
    strictEqual(run.code, 0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown> & { rules: Record<string, string> };
    deepStrictEqual(
      { ...printed, rules: undefined },
      {
        file: "examples/lapsed-member-winback.campaign.yaml",
        configFile: "examples/.jointspec.yaml",
        isSpecByName: true,
        ignored: false,
        rules: undefined,
        glossaryFiles: ["examples/glossary/acme.glossary.yaml"],
        specs: ["**/*.campaign.yaml", "**/*.campaign.yml"],
        ignore: [],
        limits: { specSize: 2 * 1024 * 1024, glossarySize: 1024 * 1024 },
      },
    );
    strictEqual(printed.rules["ambiguous-term"], "warning");
    strictEqual(printed.rules["shared-kpi"], "warning");
  });

  it("says when no config file applies", async () => {
    const printed = JSON.parse((await runInProcess(["--print-config", "test/fixtures/design-example.campaign.yaml"])).stdout) as {
      configFile: unknown;
      rules: Record<string, string>;
    };
    strictEqual(printed.configFile, null);
    strictEqual(printed.rules["ambiguous-term"], "info");
  });
});

describe("--cache across worker threads", () => {
  it("a run large enough for several threads reads and fills the cache like one thread", function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), "jointspec-cache-workers-"));
    try {
      const spec = readFileSync(join(REPO, "examples/black-friday-flash-sale.campaign.yaml"), "utf8");
      for (let i = 0; i < 240; i++)
        writeFileSync(join(dir, `spec-${String(i).padStart(3, "0")}.campaign.yaml`), spec.replace("id: black-friday", `id: black-friday-${i}`));
      const cacheFile = join(dir, "cache.json");
      const args = ["lint", ".", "--format", "json", "--cache", "--cache-location", cacheFile];
      const first = runBin(args, dir);
      strictEqual(first.code, 0, first.stderr);
      const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { findings: { message: string }[] }> };
      strictEqual(Object.keys(stored.entries).length, 240);
      stored.entries["spec-123.campaign.yaml"]!.findings[0]!.message = MARKER;
      writeFileSync(cacheFile, JSON.stringify(stored));
      const second = JSON.parse(runBin(args, dir).stdout) as { filePath: string; findings: { message: string }[] }[];
      strictEqual(second.find((f) => f.filePath === "spec-123.campaign.yaml")!.findings[0]!.message, MARKER);
      strictEqual(second.filter((f) => f.findings[0]?.message === MARKER).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
