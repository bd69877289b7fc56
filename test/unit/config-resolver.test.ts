import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { nodeConfigHost } from "../../src/cli/workspace.js";
import { joinPath, parentOf, resolveConfig, resolveConfigSync, type ResolvedConfig, type ResolveOptions } from "../../src/core/config-resolver.js";
import { BUNDLED_ORIGIN } from "../../src/core/glossary/glossary.js";
import { KB } from "../../src/core/limits.js";
import { workspaceFsHost, type FileSystemLike } from "../../src/extension/config-host.js";
import { runInProcess } from "./helpers/cli.js";
import { FIXTURES } from "./helpers/fixtures.js";

// One fixture tree, resolved through the CLI's reader (Node's fs, synchronous) and through
// the extension's (its workspace.fs adapter, here over an in-memory file system at another
// root, as on vscode.dev): both must give the same answers, and the answers must be the ones
// the README promises.
const TREE = join(FIXTURES, "config-resolver").split("\\").join("/");
const VIRTUAL = "/workspace";

// A stand-in for vscode.workspace.fs: URIs with a path, sizes from stat, bytes from
// readFile, and a missing file reported as VS Code reports it (a FileSystemError whose code
// is "FileNotFound").
interface FakeUri {
  scheme: string;
  path: string;
}
class MemoryFileSystem implements FileSystemLike<FakeUri> {
  private readonly files = new Map<string, Uint8Array>();

  constructor(from: string, at: string) {
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder)) {
        const path = `${folder}/${name}`;
        if (statSync(path).isDirectory()) walk(path);
        else this.files.set(at + path.slice(from.length), new Uint8Array(readFileSync(path)));
      }
    };
    walk(from);
  }

  stat(uri: FakeUri): Promise<{ size: number }> {
    const bytes = this.files.get(uri.path);
    return bytes ? Promise.resolve({ size: bytes.length }) : Promise.reject(notFound(uri));
  }

  readFile(uri: FakeUri): Promise<Uint8Array> {
    const bytes = this.files.get(uri.path);
    return bytes ? Promise.resolve(bytes) : Promise.reject(notFound(uri));
  }
}

function notFound(uri: FakeUri): Error {
  return Object.assign(new Error(`${uri.scheme}:${uri.path} (FileNotFound)`), { code: "FileNotFound" });
}

const memory = new MemoryFileSystem(TREE, VIRTUAL);
const editorHost = workspaceFsHost(memory, (path): FakeUri => ({ scheme: "memfs", path }));

// What a host would act on, with paths relative to the tree's root so the two roots compare.
function answers(resolved: ResolvedConfig, root: string, probes: readonly string[]): unknown {
  const local = (path: string | undefined): string | undefined => (path === undefined ? undefined : path.slice(root.length + 1));
  return {
    file: local(resolved.file),
    severities: resolved.severities,
    limits: resolved.limits,
    specs: resolved.config.specs,
    ignore: resolved.config.ignore,
    base: local(resolved.base),
    glossaryFiles: resolved.glossaryFiles.map(local),
    workspaceTerms: resolved.glossary.entries.filter((entry) => entry.origin !== BUNDLED_ORIGIN).map((entry) => `${entry.term} from ${entry.origin}`),
    problems: resolved.problems.map((problem) => ({ ...problem, file: local(problem.file), namedIn: local(problem.namedIn) })),
    verdicts: Object.fromEntries(
      probes.map((probe) => [probe, { spec: resolved.isSpecByName(`${root}/${probe}`), ignored: resolved.isIgnored(`${root}/${probe}`) }]),
    ),
  };
}

function optionsAt(root: string): ResolveOptions {
  return { root, originOf: (path) => path.slice(root.length + 1) };
}

// Every file the test asks about, from each config's point of view.
const PROBES = [
  "monorepo/web/campaigns/spring-sale.yaml",
  "monorepo/web/campaigns/drafts/summer-teaser.yaml",
  "monorepo/web/notes/meeting.yaml",
  "monorepo/web/node_modules/pkg/x.campaign.yaml",
  "loose/referral.campaign.yaml",
];

async function bothHosts(file: string): Promise<unknown> {
  const cli = answers(resolveConfigSync(`${TREE}/${file}`, nodeConfigHost, optionsAt(TREE)), TREE, PROBES);
  const editor = answers(await resolveConfig(`${VIRTUAL}/${file}`, editorHost, optionsAt(VIRTUAL)), VIRTUAL, PROBES);
  deepStrictEqual(editor, cli, "the extension's reader and the CLI's disagree");
  return cli;
}

type Answers = {
  file: string | undefined;
  severities: Record<string, string>;
  limits: { specSize: number; glossarySize: number };
  base: string;
  workspaceTerms: string[];
  problems: {
    kind: string;
    role: string;
    file: string;
    namedIn?: string;
    problems?: { message: string; range: { start: { line: number; character: number } } }[];
    reason?: string;
    size?: number;
    limit?: number;
  }[];
  verdicts: Record<string, { spec: boolean; ignored: boolean }>;
};

describe("config resolver: the CLI's and the extension's readers agree", () => {
  it("a project config: severities, limits, a glossary beside it and one in ../", async () => {
    const got = (await bothHosts("monorepo/web/campaigns/spring-sale.yaml")) as Answers;
    strictEqual(got.file, "monorepo/web/.jointspec.yaml");
    deepStrictEqual(got.severities, { "ambiguous-term": "warning", "joint-sign-off": "off" });
    deepStrictEqual(got.limits, { specSize: 512 * KB, glossarySize: 1024 * KB });
    // Glossary paths may leave the config's folder: the shared one loads, in both hosts.
    deepStrictEqual(got.workspaceTerms, ["Storefront from monorepo/web/glossary/team.glossary.yaml", "Beacon from shared/terms.glossary.yaml"]);
    deepStrictEqual(got.problems, []);
  });

  it("spec and ignore patterns are relative to the config; outside its folder no pattern speaks", async () => {
    const got = (await bothHosts("monorepo/web/campaigns/spring-sale.yaml")) as Answers;
    strictEqual(got.base, "monorepo/web");
    deepStrictEqual(got.verdicts, {
      "monorepo/web/campaigns/spring-sale.yaml": { spec: true, ignored: false },
      // The draft is a spec by name and ignored: neither host lints it.
      "monorepo/web/campaigns/drafts/summer-teaser.yaml": { spec: true, ignored: true },
      "monorepo/web/notes/meeting.yaml": { spec: false, ignored: false },
      "monorepo/web/node_modules/pkg/x.campaign.yaml": { spec: false, ignored: true },
      // Not judged by its name alone: outside the config's folder only its content can make it a spec.
      "loose/referral.campaign.yaml": { spec: false, ignored: false },
    });
  });

  it("the nearest config wins, .jointspec.yml included", async () => {
    const got = (await bothHosts("monorepo/web/mobile/launches/app-launch.campaign.yaml")) as Answers;
    strictEqual(got.file, "monorepo/web/mobile/.jointspec.yml");
    deepStrictEqual(got.severities, { "kpi-measurable": "error" });
    deepStrictEqual(got.workspaceTerms, []);
  });

  it("no config: the defaults, with patterns relative to the root", async () => {
    const got = (await bothHosts("loose/referral.campaign.yaml")) as Answers;
    strictEqual(got.file, undefined);
    strictEqual(got.base, "");
    deepStrictEqual(got.severities, {});
    deepStrictEqual(got.verdicts["loose/referral.campaign.yaml"], { spec: true, ignored: false });
    deepStrictEqual(got.verdicts["monorepo/web/campaigns/drafts/summer-teaser.yaml"], { spec: false, ignored: false });
  });

  it("a config with mistakes: every problem with its position, and the defaults", async () => {
    const got = (await bothHosts("monorepo/broken/winter.campaign.yaml")) as Answers;
    strictEqual(got.file, "monorepo/broken/.jointspec.yaml");
    deepStrictEqual(got.severities, {});
    strictEqual(got.problems.length, 1);
    const [problem] = got.problems;
    deepStrictEqual([problem!.role, problem!.kind], ["config", "invalid"]);
    deepStrictEqual(
      problem!.problems!.map((p) => [p.range.start.line, p.range.start.character]),
      [
        [2, 2],
        [3, 10],
      ],
    );
    ok(/"shared-kpis" is not a JointSpec rule id/.test(problem!.problems![0]!.message), problem!.problems![0]!.message);
    ok(/not "fatal"/.test(problem!.problems![1]!.message), problem!.problems![1]!.message);
  });

  it("a glossary file that is not there: named, with the config that names it", async () => {
    const got = (await bothHosts("monorepo/missing-glossary/autumn.campaign.yaml")) as Answers;
    deepStrictEqual(got.problems, [
      {
        file: "monorepo/missing-glossary/terms.glossary.yaml",
        role: "glossary",
        namedIn: "monorepo/missing-glossary/.jointspec.yaml",
        kind: "unreadable",
        reason: "no such file or directory",
      },
    ]);
  });

  it("a glossary file over the config's limit: refused by its size, unread", async () => {
    const got = (await bothHosts("monorepo/big-glossary/easter.campaign.yaml")) as Answers;
    const size = statSync(`${TREE}/shared/terms.glossary.yaml`).size;
    deepStrictEqual(got.problems, [
      { file: "shared/terms.glossary.yaml", role: "glossary", namedIn: "monorepo/big-glossary/.jointspec.yaml", kind: "too-large", size, limit: 100 },
    ]);
    deepStrictEqual(got.workspaceTerms, []);
  });
});

describe("config resolver: hosts' settings and paths", () => {
  it("settings apply under the file, rule by rule and limit by limit; settings' glossary files are read after the config's", async () => {
    const options: ResolveOptions = {
      ...optionsAt(VIRTUAL),
      settings: {
        rules: { "ambiguous-term": "error", schema: "warning" },
        limits: { specSize: 1000, glossarySize: 2000 },
        glossaryFiles: [`${VIRTUAL}/shared/terms.glossary.yaml`],
      },
    };
    const resolved = await resolveConfig(`${VIRTUAL}/monorepo/web/campaigns/spring-sale.yaml`, editorHost, options);
    deepStrictEqual(resolved.severities, { "ambiguous-term": "warning", schema: "warning", "joint-sign-off": "off" });
    deepStrictEqual(resolved.limits, { specSize: 512 * KB, glossarySize: 2000 });
    deepStrictEqual(resolved.glossaryFiles, [
      `${VIRTUAL}/monorepo/web/glossary/team.glossary.yaml`,
      `${VIRTUAL}/shared/terms.glossary.yaml`,
      `${VIRTUAL}/shared/terms.glossary.yaml`,
    ]);
  });

  it("settings' spec patterns apply when no config does, relative to the root", async () => {
    const resolved = await resolveConfig(`${VIRTUAL}/loose/referral.campaign.yaml`, editorHost, {
      ...optionsAt(VIRTUAL),
      settings: { specs: ["monorepo/**/notes/*.yaml"] },
    });
    strictEqual(resolved.isSpecByName(`${VIRTUAL}/monorepo/web/notes/meeting.yaml`), true);
    strictEqual(resolved.isSpecByName(`${VIRTUAL}/loose/referral.campaign.yaml`), false);
  });

  it("the search for a config stops at the root", async () => {
    const resolved = await resolveConfig(`${VIRTUAL}/monorepo/web/campaigns/spring-sale.yaml`, editorHost, optionsAt(`${VIRTUAL}/monorepo/web/campaigns`));
    strictEqual(resolved.file, undefined);
  });

  it("paths join and climb as POSIX paths, with no node:path", () => {
    strictEqual(joinPath("/w/monorepo/web", "../../shared/terms.glossary.yaml"), "/w/shared/terms.glossary.yaml");
    strictEqual(joinPath("/w/web", "./glossary//team.yaml"), "/w/web/glossary/team.yaml");
    strictEqual(joinPath("/w", "/elsewhere/g.yaml"), "/elsewhere/g.yaml");
    strictEqual(joinPath("/", "../g.yaml"), "/g.yaml");
    strictEqual(joinPath("C:/work/web", "../g.yaml"), "C:/work/g.yaml");
    strictEqual(parentOf("/w/web/a.yaml"), "/w/web");
    strictEqual(parentOf("/a.yaml"), "/");
    strictEqual(parentOf("Untitled-1"), "");
  });
});

// The same decisions seen from the command line, through its cache of configs per run.
describe("config resolver: the command line over the fixture tree", () => {
  const web = "test/fixtures/config-resolver/monorepo/web";

  it("--print-config: the draft is ignored, and the ../ glossary is read", async () => {
    const run = await runInProcess(["--print-config", `${web}/campaigns/drafts/summer-teaser.yaml`]);
    strictEqual(run.code, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as { configFile: string; isSpecByName: boolean; ignored: boolean; glossaryFiles: string[] };
    deepStrictEqual(
      { configFile: printed.configFile, isSpecByName: printed.isSpecByName, ignored: printed.ignored, glossaryFiles: printed.glossaryFiles },
      {
        configFile: `${web}/.jointspec.yaml`,
        isSpecByName: true,
        ignored: true,
        glossaryFiles: [`${web}/glossary/team.glossary.yaml`, "test/fixtures/config-resolver/shared/terms.glossary.yaml"],
      },
    );
  });

  it("linting the folder reports the specs, not the ignored draft or the notes", async () => {
    const run = await runInProcess(["lint", "--format", "json", web]);
    strictEqual(run.code, 0, run.stderr);
    const reports = JSON.parse(run.stdout) as { filePath: string }[];
    deepStrictEqual(reports.map((report) => report.filePath).sort(), [`${web}/campaigns/spring-sale.yaml`, `${web}/mobile/launches/app-launch.campaign.yaml`]);
  });
});

describe("config resolver in an untrusted workspace", () => {
  it("reads nothing outside the workspace folder: the ../ glossary is refused, the rest applies", async () => {
    // The workspace folder is monorepo/web; its config names ../../shared/terms.glossary.yaml.
    const folder = `${VIRTUAL}/monorepo/web`;
    const confined = workspaceFsHost(memory, (path): FakeUri => ({ scheme: "memfs", path }), folder);
    const resolved = await resolveConfig(`${folder}/campaigns/spring-sale.yaml`, confined, {
      root: folder,
      originOf: (path) => path.slice(VIRTUAL.length + 1),
    });
    deepStrictEqual(
      resolved.glossary.entries.filter((entry) => entry.origin !== BUNDLED_ORIGIN).map((entry) => entry.term),
      ["Storefront"],
    );
    deepStrictEqual(
      resolved.problems.map((problem) => [problem.kind, problem.file.slice(VIRTUAL.length + 1), "reason" in problem ? problem.reason : undefined]),
      [["unreadable", "shared/terms.glossary.yaml", "it is outside the workspace folder, and the workspace is not trusted"]],
    );
    deepStrictEqual(resolved.severities, { "ambiguous-term": "warning", "joint-sign-off": "off" });
  });
});
