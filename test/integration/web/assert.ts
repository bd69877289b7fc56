// node:assert/strict for the web-worker host, where Node's module does not exist: the suites
// import "node:assert/strict" and the worker's bundle (scripts/vscode/web-host.mjs) resolves
// that to this file. Same names, same strict semantics (Object.is, deep equality that
// compares prototypes), for what the suites use; a name missing here fails the bundle.

/** Thrown when an assertion does not hold; mocha prints its message. */
export class AssertionError extends Error {
  override name = "AssertionError";
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
  ) {
    super(message);
  }
}

function failWith(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

/** Passes when `value` is truthy. */
export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true);
}

/** Passes when `actual` and `expected` are the same value (Object.is). */
export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected))
    failWith(message, `Expected values to be strictly equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected);
}

/** Passes when `actual` and `expected` are not the same value (Object.is). */
export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected);
}

/** Passes when `actual` and `expected` are deeply and strictly equal. */
export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected))
    failWith(message, `Expected values to be strictly deep-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`, actual, expected);
}

/** Passes when `actual` and `expected` are not deeply and strictly equal. */
export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepStrictEqual(actual, expected)) failWith(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, actual, expected);
}

/** Passes when the string `actual` matches `pattern`. */
export function match(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== "string" || !pattern.test(actual))
    failWith(message, `The input did not match the regular expression ${String(pattern)}. Input:\n${show(actual)}`, actual, pattern);
}

/** Passes when the string `actual` does not match `pattern`. */
export function doesNotMatch(actual: string, pattern: RegExp, message?: string | Error): void {
  if (typeof actual !== "string" || pattern.test(actual))
    failWith(message, `The input was expected not to match the regular expression ${String(pattern)}. Input:\n${show(actual)}`, actual, pattern);
}

/** Always fails. */
export function fail(message?: string | Error): never {
  failWith(message, "Failed");
}

export { deepEqual as deepStrictEqual, equal as strictEqual, notDeepEqual as notDeepStrictEqual, notEqual as notStrictEqual };

/** node:util's isDeepStrictEqual for the values tests compare: primitives, arrays, plain and class objects, Date, RegExp, Map, Set. */
export function isDeepStrictEqual(a: unknown, b: unknown, seen: Map<object, object> = new Map()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true; // a cycle already being compared
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b) && a.lastIndex === (b as RegExp).lastIndex;
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) if (!other.has(key) || !isDeepStrictEqual(value, other.get(key), seen)) return false;
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    if (a.size !== other.size) return false;
    for (const value of a) if (!other.has(value)) return false; // members by identity: stricter than Node, never looser
    return true;
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return false;
    if (!isDeepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen)) return false;
  }
  return true;
}

// A value in an assertion message: JSON where it can be, String() otherwise.
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  } catch {
    return String(value);
  }
}
