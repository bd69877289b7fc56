// Finds the template literals of a TypeScript source, for the test that the preview's
// renderer writes markup only through its escaping `html` tag. A small scanner, not a
// parser: it knows comments, strings, regular expressions, templates and the braces inside
// their `${}` parts, which is all the renderer's files hold.

interface TemplateLiteral {
  /** The identifier right before the opening backtick, e.g. "html"; undefined when untagged. */
  tag: string | undefined;
  /** The template's own text, without its `${}` parts. */
  text: string;
  /** 1-based. */
  line: number;
}

/** Every template literal in `source`, nested ones included. */
export function templateLiterals(source: string): TemplateLiteral[] {
  const found: TemplateLiteral[] = [];
  // What encloses the current position: a template (by its index in `found`), a `${`, or a plain `{`.
  const stack: ({ template: number } | "interpolation" | "brace")[] = [];
  // The last non-blank character of code, to tell a regular expression (after an operator,
  // a bracket or "=>") from a division.
  let previous = "";
  for (let i = 0; i < source.length; ) {
    const top = stack[stack.length - 1];
    const c = source[i]!;
    if (typeof top === "object") {
      const entry = found[top.template]!;
      if (c === "\\") {
        entry.text += source.slice(i, i + 2);
        i += 2;
      } else if (c === "`") {
        stack.pop();
        previous = "`";
        i++;
      } else if (c === "$" && source[i + 1] === "{") {
        stack.push("interpolation");
        previous = "{";
        i += 2;
      } else {
        entry.text += c;
        i++;
      }
      continue;
    }
    if (source.startsWith("//", i)) i = source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i);
    else if (source.startsWith("/*", i)) i = source.indexOf("*/", i) + 2;
    else if (c === '"' || c === "'") {
      const start = i;
      for (i++; source[i] !== c; i++) {
        if (source[i] === "\\") i++;
        if (i >= source.length) throw new Error(`the scan lost its way: a string from line ${lineAt(source, start)} never ends`);
      }
      i++;
      previous = c;
    } else if (c === "/" && (previous === "" || "(,=:[!&|?{};>".includes(previous))) {
      // A regular expression: skip to its closing slash, past escapes and character classes.
      const start = i;
      let inClass = false;
      for (i++; inClass || source[i] !== "/"; i++) {
        if (source[i] === "\\") i++;
        else if (source[i] === "[") inClass = true;
        else if (source[i] === "]") inClass = false;
        if (i >= source.length || source[i] === "\n")
          throw new Error(`the scan lost its way: a regular expression from line ${lineAt(source, start)} never ends`);
      }
      i++;
      previous = "/";
    } else if (c === "`") {
      const tag = /([A-Za-z_$][\w$]*)\s*$/.exec(source.slice(Math.max(0, i - 40), i))?.[1];
      found.push({ tag, text: "", line: lineAt(source, i) });
      stack.push({ template: found.length - 1 });
      i++;
    } else {
      if (c === "{") stack.push("brace");
      else if (c === "}") stack.pop();
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return found;
}

function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split("\n").length;
}
