// The findings a fixture expects, marked inline as comments:
//   value   # expect: rule-id@column[, other-rule@column]   (a finding starts on this line)
//   # expect-next-line: rule-id@column                       (for lines that cannot hold a comment)
// No Node here: the integration suites use it in VS Code's web-worker host too.

/** "rule@line:column" for every marker in the text, 1-based, sorted. */
export function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const marker = /#\s*expect(-next-line)?:\s*(.+)$/.exec(line);
    if (!marker) return;
    const lineNumber = index + 1 + (marker[1] ? 1 : 0);
    for (const item of marker[2]!.split(",")) {
      const [rule, column] = item.trim().split("@");
      expected.push(`${rule}@${lineNumber}:${column}`);
    }
  });
  return expected.sort();
}
