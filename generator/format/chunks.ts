// Splits a generated TypeScript or JavaScript file into its top-level statements, each with the comments before
// it, so that each is laid out apart (format/printer.ts, or prettier for a statement the printer declines, which
// format/prettier.ts memoizes: the same declarations recur across the models of a catalog). A split is only ever a
// cost saving: the tests (test/format/chunks.test.ts) check that formatting the chunks gives the bytes of
// formatting the whole file, and format/prettier.ts falls back to the whole file whenever a chunk does not parse
// on its own.
//
// The scanner knows just enough of the language to find places that are outside every bracket, string, template,
// comment and regular expression: a chunk ends after a line whose last significant character, at depth 0, is `;`
// or `}`, when the next line starts a statement (`export`, `import`, `declare`, `const`...), perhaps after comments.

/** One chunk: its text, and whether a blank line separated it from the chunk before (prettier keeps one). */
export interface Chunk {
  readonly text: string;
  readonly blankBefore: boolean;
}

const STARTS = /^(?:export\s|import\s|import\{|declare\s|interface\s|type\s|const\s|let\s|var\s|function[\s*]|async\s+function\s|class\s|enum\s|namespace\s|module\s)/;

/** Characters after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(["", "(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^", "/"]);
const KEYWORDS_BEFORE_REGEX = /(?:^|[^\w$])(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/;

/**
 * The file's top-level chunks in order, or null when the scanner meets something it does not follow (an unclosed
 * string or comment, unbalanced brackets): the caller then formats the whole file.
 */
export function splitTopLevel(text: string): Chunk[] | null {
  const cuts: number[] = []; // offsets where a chunk starts (after the newline)
  const stack: string[] = []; // open brackets; "`" for a template's text, "${" inside a template expression
  let last = ""; // last significant character at any depth (for the regex heuristic)
  let lastWord = ""; // trailing word characters before the current position
  let endsStatement = false; // at depth 0, the last significant character was ; or }
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (top === "`") {
      if (c === "\\") i += 2;
      else if (c === "`") {
        stack.pop();
        i++;
        last = "`";
      } else if (c === "$" && text[i + 1] === "{") {
        stack.push("${");
        i += 2;
        last = "{";
      } else i++;
      continue;
    }
    if (c === "\n") {
      i++;
      if (stack.length === 0 && endsStatement) {
        const j = afterComments(text, i);
        if (j < n && STARTS.test(text.slice(j, j + 20))) {
          cuts.push(i);
          endsStatement = false;
        }
      }
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? n : end;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) return null;
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c) {
        if (text[j] === "\\") j++;
        else if (text[j] === "\n") return null;
        j++;
      }
      if (j >= n) return null;
      i = j + 1;
      last = c;
      lastWord = "";
      endsStatement = false;
      continue;
    }
    if (c === "`") {
      stack.push("`");
      i++;
      lastWord = "";
      endsStatement = false;
      continue;
    }
    if (c === "/" && (BEFORE_REGEX.has(last) || KEYWORDS_BEFORE_REGEX.test(lastWord))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && (inClass || text[j] !== "/")) {
        if (text[j] === "\\") j++;
        else if (text[j] === "[") inClass = true;
        else if (text[j] === "]") inClass = false;
        else if (text[j] === "\n") return null;
        j++;
      }
      if (j >= n) return null;
      i = j + 1;
      while (i < n && /[a-z]/i.test(text[i]!)) i++;
      last = "r"; // a value: a `/` after it divides
      lastWord = "";
      endsStatement = false;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") stack.push(c);
    else if (c === ")" || c === "]" || c === "}") {
      const open = stack.pop();
      if (open === "${" && c === "}") {
        last = "}";
        lastWord = "";
        i++;
        continue; // back in the template's text
      }
      if (open !== { ")": "(", "]": "[", "}": "{" }[c]) return null;
    }
    last = c;
    lastWord = /[\w$]/.test(c) ? lastWord + c : "";
    endsStatement = stack.length === 0 && (c === ";" || c === "}");
    i++;
  }
  if (stack.length !== 0) return null;
  const chunks: Chunk[] = [];
  let start = 0;
  for (const cut of [...cuts, n]) {
    const piece = text.slice(start, cut);
    const lead = /^\s*/.exec(piece)![0];
    if (piece.trim() !== "") chunks.push({ text: piece.slice(lead.length).trimEnd(), blankBefore: chunks.length > 0 && /\n[ \t\r]*\n/.test(text.slice(lastEnd(text, start), start + lead.length)) });
    start = cut;
  }
  return chunks;
}

/**
 * The first offset from `i` that is neither white space nor inside a comment: a chunk starts with the comments
 * before its statement, and a comment followed by anything but a statement (`| B` continuing a type) is no start.
 */
function afterComments(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === "\n" || text[i] === " " || text[i] === "\t" || text[i] === "\r")) i++;
    if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? n : end;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else return i;
  }
}

/** Where the text before `at` last ends with something other than white space. */
function lastEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}
