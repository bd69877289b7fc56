import * as nodeAssert from "node:assert/strict";
import * as webAssert from "../integration/web/assert.js";

// The integration suites run in VS Code's web-worker host with test/integration/web/assert.ts
// standing in for node:assert/strict: it must pass and fail exactly where Node's does.

class Point {
  constructor(readonly x: number) {}
}
const CASES: [string, unknown, unknown][] = [
  ["same number", 1, 1],
  ["number and string", 1, "1"],
  ["NaN", Number.NaN, Number.NaN],
  ["+0 and -0", 0, -0],
  ["null and undefined", null, undefined],
  ["equal arrays", ["a@1:2", "b@3:4"], ["a@1:2", "b@3:4"]],
  ["arrays in another order", ["a", "b"], ["b", "a"]],
  ["a shorter array", [1, 2], [1]],
  ["equal objects, keys in another order", { a: 1, b: [2] }, { b: [2], a: 1 }],
  ["an extra key", { a: 1 }, { a: 1, b: undefined }],
  ["nested difference", { a: { b: [1, 2] } }, { a: { b: [1, 3] } }],
  ["object and array", {}, []],
  ["class and plain object", new Point(1), { x: 1 }],
  ["equal class objects", new Point(1), new Point(1)],
  ["equal dates", new Date(5), new Date(5)],
  ["different dates", new Date(5), new Date(6)],
  ["equal maps", new Map([["a", [1]]]), new Map([["a", [1]]])],
  ["different maps", new Map([["a", 1]]), new Map([["a", 2]])],
];

const outcome = (assertion: () => void): string => {
  try {
    assertion();
    return "pass";
  } catch (error) {
    return error instanceof Error && error.name === "AssertionError" ? "fail" : `threw ${String(error)}`;
  }
};

describe("the web-worker stand-in for node:assert/strict", () => {
  for (const [name, actual, expected] of CASES) {
    it(`agrees with Node: ${name}`, () => {
      nodeAssert.equal(
        outcome(() => webAssert.equal(actual, expected)),
        outcome(() => nodeAssert.equal(actual, expected)),
        "equal",
      );
      nodeAssert.equal(
        outcome(() => webAssert.deepEqual(actual, expected)),
        outcome(() => nodeAssert.deepEqual(actual, expected)),
        "deepEqual",
      );
      nodeAssert.equal(
        outcome(() => webAssert.notDeepEqual(actual, expected)),
        outcome(() => nodeAssert.notDeepEqual(actual, expected)),
        "notDeepEqual",
      );
      nodeAssert.equal(
        outcome(() => webAssert.ok(actual)),
        outcome(() => nodeAssert.ok(actual)),
        "ok",
      );
    });
  }

  it("match, doesNotMatch and the message given", () => {
    nodeAssert.equal(
      outcome(() => webAssert.match("Lars Nilsson", /Nilsson/)),
      "pass",
    );
    nodeAssert.equal(
      outcome(() => webAssert.match("Lars Nilsson", /Ada/)),
      "fail",
    );
    nodeAssert.equal(
      outcome(() => webAssert.doesNotMatch("Lars Nilsson", /Ada/)),
      "pass",
    );
    nodeAssert.throws(() => webAssert.equal(1, 2, "the owners check"), { name: "AssertionError", message: "the owners check" });
    nodeAssert.throws(() => webAssert.deepEqual(["a"], ["b"]), /actual: {3}\["a"\]\n {2}expected: \["b"\]/);
  });

  it("offers every assertion the integration suites call", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { REPO } = await import("./helpers/fixtures.js");
    const dir = join(REPO, "test/integration/suite");
    const used = new Set(readdirSync(dir).flatMap((name) => [...readFileSync(join(dir, name), "utf8").matchAll(/\bassert\.(\w+)\(/g)].map((m) => m[1]!)));
    nodeAssert.ok(used.size >= 4, `found ${[...used].join(", ")}`);
    nodeAssert.deepEqual(
      [...used].filter((name) => typeof (webAssert as Record<string, unknown>)[name] !== "function"),
      [],
    );
  });
});
