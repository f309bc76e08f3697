#!/usr/bin/env node

// templates:validate/cli.js
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// templates:validate/errors.js
var SpecError = class extends Error {
  file;
  /** "12:5" or a JSON Pointer such as "/components/schemas/RequestBody"; "" when the whole file is meant. */
  where;
  /** What was wrong or what was expected, in words. */
  expected;
  exitCode;
  constructor(file, where, expected, exitCode = 2) {
    super(`${file}${where ? `:${where}` : ""}: ${expected}`);
    this.name = "SpecError";
    this.file = file;
    this.where = where;
    this.expected = expected;
    this.exitCode = exitCode;
  }
};
function systemErrorText(e) {
  if (e instanceof Error) return "code" in e && typeof e.code === "string" ? e.code : e.message;
  return String(e);
}
var UsageError = class extends Error {
  exitCode = 2;
};

// templates:validate/escape.js
var ACTING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var visible = (c) => {
  const n = c.charCodeAt(0);
  return n < 256 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
};
function escapeTerminal(s) {
  return s.replace(ACTING, visible);
}
var JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeJsonText(json) {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// templates:validate/inputs.js
import { createReadStream, existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
var MAX_EXPANSIONS = 1e3;
function expandBraces(pattern, shown) {
  let out = [pattern];
  for (let changed = true; changed;) {
    changed = false;
    const next = [];
    for (const p of out) {
      const alternatives = firstBraces(p);
      if (!alternatives) next.push(p);
      else {
        changed = true;
        next.push(...alternatives);
      }
      if (next.length > MAX_EXPANSIONS)
        throw new SpecError(
          shown,
          "",
          `the pattern expands to more than ${MAX_EXPANSIONS} patterns (its {a,b} groups)`,
        );
    }
    out = next;
  }
  return out;
}
function firstBraces(p) {
  for (let open = p.indexOf("{"); open !== -1; open = p.indexOf("{", open + 1)) {
    let depth = 0;
    const commas = [];
    for (let i = open; i < p.length; i++) {
      const c = p[i];
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        if (commas.length === 0) break;
        const parts = [open, ...commas, i].slice(0, -1).map((from, k) => p.slice(from + 1, [...commas, i][k]));
        return parts.map((part) => p.slice(0, open) + part + p.slice(i + 1));
      } else if (c === "," && depth === 1) commas.push(i);
    }
  }
  return void 0;
}
function segmentSource(seg) {
  let out = seg.startsWith(".") ? "" : "(?!\\.)";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "\\" && i + 1 < seg.length) out += seg[++i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    else if (c === "[") {
      const close = seg.indexOf("]", i + 2);
      if (close === -1) out += "\\[";
      else {
        let body = seg.slice(i + 1, close);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        out += `[${negate ? "^/" : ""}${body.replace(/\\/g, "\\\\").replace(/^\]/, "\\]")}]`;
        i = close;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}
function patternRegExp(pattern) {
  const segs = pattern.split("/");
  let src = "";
  segs.forEach((seg, k) => {
    const last = k === segs.length - 1;
    if (seg === "**") src += last ? "(?:(?!\\.)[^/]+/)*(?!\\.)[^/]+" : "(?:(?!\\.)[^/]+/)*";
    else src += segmentSource(seg) + (last ? "" : "/");
  });
  return new RegExp(`^${src}$`);
}
function walk(base, from, re, depth, out, seen) {
  let real;
  try {
    real = realpathSync(base);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let names;
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(base, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    const rel = path.relative(from, full).split(path.sep).join("/");
    if (st.isDirectory()) {
      if (depth > 1) walk(full, from, re, depth - 1, out, seen);
    } else if (st.isFile() && re.test(rel)) out.add(full);
  }
}
function globFiles(pattern, cwd) {
  const found = /* @__PURE__ */ new Set();
  for (const p of expandBraces(pattern.split(path.sep).join("/"), pattern)) {
    const absolute = path.isAbsolute(p);
    const segs = p.split("/");
    let k = 0;
    while (k < segs.length - 1 && !GLOB_CHARS.test(segs[k])) k++;
    const baseRel = segs.slice(0, k).join("/");
    const base = absolute ? baseRel || "/" : path.resolve(cwd, baseRel);
    const rest = segs.slice(k);
    const depth = rest.includes("**") ? Infinity : rest.length;
    const from = absolute ? "/" : cwd;
    const re = patternRegExp(absolute ? p.replace(/^\/+/, "") : path.posix.normalize(p).replace(/^\.\//, ""));
    walk(base, from, re, depth, found, /* @__PURE__ */ new Set());
  }
  return [...found].map((f) => (path.isAbsolute(pattern) ? f : path.relative(cwd, f))).sort();
}
function expandInputs(args, cwd = process.cwd()) {
  const out = [];
  for (const a of args) {
    if (a === "-" || existsSync(path.resolve(cwd, a))) out.push(a);
    else if (GLOB_CHARS.test(a)) {
      const found = globFiles(a, cwd);
      if (found.length === 0) throw new SpecError(a, "", "the pattern matches no file");
      out.push(...found);
    } else throw new SpecError(a, "", "no such file");
  }
  return [...new Set(out)];
}
async function* fileChunks(file, shown) {
  const stream =
    file === "-"
      ? process.stdin.setEncoding("utf8")
      : createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield String(chunk);
  } catch (e) {
    if (e instanceof SpecError) throw e;
    throw new SpecError(shown, "", `cannot read the file (${systemErrorText(e)})`);
  }
}

// templates:validate/report.js
var escapeGithub = (s) => escapeTerminal(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
var escapeGithubProp = (s) => escapeGithub(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function createReporter(format, write, { color = false } = {}) {
  const red = (s) => (color ? `\x1B[31m${s}\x1B[39m` : s);
  const green = (s) => (color ? `\x1B[32m${s}\x1B[39m` : s);
  const dim = (s) => (color ? `\x1B[2m${s}\x1B[22m` : s);
  let valid = 0;
  let invalid = 0;
  let first = true;
  if (format === "json") write('{\n  "results": [');
  return {
    task(rs) {
      const r0 = rs[0];
      if (r0.valid) valid++;
      else invalid++;
      if (format === "json") {
        if (r0.valid) return;
        let text = "";
        for (const { valid: _, ...r } of rs) {
          text += `${first ? "" : ","}
    ${escapeJsonText(JSON.stringify(r))}`;
          first = false;
        }
        write(text);
      } else if (format === "github") {
        if (r0.valid) return;
        write(
          rs
            .map(
              (
                r,
              ) => `::error file=${escapeGithubProp(r.file)},line=${r.line},col=${r.column},title=${escapeGithubProp(`modelgen: ${r.model ?? "task"}`)}::${escapeGithub(`${r.path ? `${r.path}: ` : ""}${r.message}`)}
`,
            )
            .join(""),
        );
      } else {
        const name = `${escapeTerminal(r0.file)}${r0.index === null ? "" : `[${r0.index}]`}`;
        if (r0.valid)
          write(`${green("\u2713")} ${name} ${dim(escapeTerminal(String(r0.model)))}
`);
        else
          write(`${red("\u2717")} ${name} ${dim(escapeTerminal(r0.model ?? ""))}
${rs
  .map(
    (r) => `    ${dim(`${escapeTerminal(r.file)}:${r.line}:${r.column}`)} ${escapeTerminal(String(r.message))}
`,
  )
  .join("")}`);
      }
    },
    end() {
      if (format === "json")
        write(`${first ? "]" : "\n  ]"},
  "valid": ${valid},
  "invalid": ${invalid}
}
`);
      else
        write(`${valid} valid, ${invalid} invalid
`);
    },
    abort(error) {
      const message = error instanceof Error ? error.message : String(error);
      if (format === "json")
        write(`${first ? "]" : "\n  ]"},
  "valid": ${valid},
  "invalid": ${invalid},
  "error": ${escapeJsonText(JSON.stringify(message))}
}
`);
      else if (format === "github" && error instanceof SpecError) {
        const [line, column] = /^\d+:\d+$/.test(error.where) ? error.where.split(":") : [];
        write(`::error file=${escapeGithubProp(error.file)}${line ? `,line=${line},col=${column}` : ""},title=modelgen::${escapeGithub(error.expected)}
`);
      }
    },
  };
}

// templates:validate/run.js
import { existsSync as existsSync2 } from "node:fs";
import path2 from "node:path";
import { pathToFileURL } from "node:url";

// templates:validation/pointer.js
var escapeToken = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
var unescapeToken = (token) => token.replace(/~1/g, "/").replace(/~0/g, "~");
var pointerOf = (keys) => keys.map((k) => `/${escapeToken(k)}`).join("");
function tokensOf(pointer) {
  if (pointer === "" || pointer === "#") return [];
  return pointer.replace(/^#/, "").split("/").slice(1).map(unescapeToken);
}

// templates:registry/lookup.js
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 0; i < a.length; i++) {
    const row = [i + 1];
    for (let j = 0; j < b.length; j++)
      row.push(Math.min((prev[j + 1] ?? 0) + 1, (row[j] ?? 0) + 1, (prev[j] ?? 0) + (a[i] === b[j] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] ?? 0;
}
function closestIds(id, ids, n = 3) {
  const a = String(id).slice(0, 200);
  return ids
    .map((x) => [distance(a, x), x])
    .sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1))
    .slice(0, n)
    .map(([, x]) => x);
}

// templates:validate/json.js
var JSON_ERROR_WORDS = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' or a closing bracket",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "expected the end of the document",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string",
  EmptyContent: "the file is empty",
};
var describeJsonError = (code) => JSON_ERROR_WORDS[code] ?? code;
var Stop = class {
  code;
  offset;
  constructor(code, offset) {
    this.code = code;
    this.offset = offset;
  }
};
var isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9;
var isDigit = (c) => c >= 48 && c <= 57;
var isHex = (c) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
var inWord = (c) => !isSpace(c) && c !== 8232 && c !== 8233 && !'{}[]":,/'.includes(String.fromCharCode(c));
var ESCAPES = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
function parseJsonTree(text) {
  let pos = 0;
  const len = text.length;
  const next = () => {
    while (pos < len && isSpace(text.charCodeAt(pos))) pos++;
    const offset = pos;
    if (pos >= len) return { kind: "eof", offset: len };
    const c = text.charCodeAt(pos);
    const ch = text[pos];
    if ("{}[]:,".includes(ch)) {
      pos++;
      return { kind: ch, offset };
    }
    if (c === 34) return { kind: "string", offset, value: scanString(offset) };
    if (c === 47 && (text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42))
      throw new Stop("InvalidCommentToken", offset);
    if (c === 45 || isDigit(c)) {
      if (c === 45) {
        pos++;
        if (pos >= len || !isDigit(text.charCodeAt(pos))) throw new Stop("InvalidSymbol", offset);
      }
      scanNumber(offset);
      return { kind: "number", offset };
    }
    while (pos < len && inWord(text.charCodeAt(pos))) pos++;
    const word = text.slice(offset, pos);
    if (word === "true" || word === "false" || word === "null") return { kind: word, offset };
    throw new Stop("InvalidSymbol", offset);
  };
  const scanString = (offset) => {
    pos++;
    let out = "";
    let error;
    for (;;) {
      if (pos >= len) throw new Stop("UnexpectedEndOfString", offset);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        break;
      }
      if (c === 92) {
        pos++;
        if (pos >= len) throw new Stop("UnexpectedEndOfString", offset);
        const e = text[pos++];
        if (e === "u") {
          let digits = 0;
          while (digits < 4 && pos < len && isHex(text.charCodeAt(pos))) {
            pos++;
            digits++;
          }
          if (digits === 4) out += String.fromCharCode(parseInt(text.slice(pos - 4, pos), 16));
          else error = "InvalidUnicode";
        } else if (ESCAPES[e] !== void 0) out += ESCAPES[e];
        else error = "InvalidEscapeCharacter";
        continue;
      }
      if (c === 10 || c === 13) throw new Stop("UnexpectedEndOfString", offset);
      if (c <= 31) error = "InvalidCharacter";
      out += text[pos];
      pos++;
    }
    if (error) throw new Stop(error, offset);
    return out;
  };
  const scanNumber = (offset) => {
    if (text.charCodeAt(pos) === 48) pos++;
    else while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === 46) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw new Stop("UnexpectedEndOfNumber", offset);
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw new Stop("UnexpectedEndOfNumber", offset);
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
  };
  const node = (type, offset, parent, value2) => ({ type, offset, parent, children: [], value: value2 });
  const value = (tok, parent, into) => {
    switch (tok.kind) {
      case "{": {
        const obj = node("object", tok.offset, parent);
        into.push(obj);
        let t = next();
        let needsComma = false;
        while (t.kind !== "}" && t.kind !== "eof") {
          if (t.kind === ",") {
            if (!needsComma) throw new Stop("ValueExpected", t.offset);
            t = next();
          } else if (needsComma) throw new Stop("CommaExpected", t.offset);
          if (t.kind !== "string") throw new Stop("PropertyNameExpected", t.offset);
          const prop = node("property", t.offset, obj);
          obj.children.push(prop);
          prop.children.push(node("string", t.offset, prop, t.value));
          t = next();
          if (t.kind !== ":") throw new Stop("ColonExpected", t.offset);
          t = value(next(), prop, prop.children);
          needsComma = true;
        }
        if (t.kind !== "}") throw new Stop("CloseBraceExpected", t.offset);
        return next();
      }
      case "[": {
        const arr = node("array", tok.offset, parent);
        into.push(arr);
        let t = next();
        let needsComma = false;
        while (t.kind !== "]" && t.kind !== "eof") {
          if (t.kind === ",") {
            if (!needsComma) throw new Stop("ValueExpected", t.offset);
            t = next();
          } else if (needsComma) throw new Stop("CommaExpected", t.offset);
          t = value(t, arr, arr.children);
          needsComma = true;
        }
        if (t.kind !== "]") throw new Stop("CloseBracketExpected", t.offset);
        return next();
      }
      case "string":
      case "number":
      case "true":
      case "false":
      case "null":
        into.push(
          node(tok.kind === "true" || tok.kind === "false" ? "boolean" : tok.kind, tok.offset, parent, tok.value),
        );
        return next();
      default:
        throw new Stop("ValueExpected", tok.offset);
    }
  };
  try {
    const roots = [];
    const after = value(next(), void 0, roots);
    if (after.kind !== "eof") throw new Stop("EndOfFileExpected", after.offset);
    return { ok: true, root: roots[0] };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, code: e.code, offset: e.offset };
    throw e;
  }
}
function nodeAt(root, keys) {
  let node = root;
  for (const key of keys) {
    if (!node) return void 0;
    if (node.type === "array") node = /^(0|[1-9][0-9]*)$/.test(key) ? node.children[Number(key)] : void 0;
    else if (node.type === "object") {
      let found;
      for (const p of node.children) if (p.children[0]?.value === key) found = p.children[1];
      node = found;
    } else return void 0;
  }
  return node;
}
function findDuplicateKey(root) {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "object") {
      const seen = /* @__PURE__ */ new Set();
      for (const prop of node.children) {
        const keyNode = prop.children[0];
        if (keyNode?.value === void 0) continue;
        if (seen.has(keyNode.value)) return { key: keyNode.value, offset: keyNode.offset };
        seen.add(keyNode.value);
      }
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  return null;
}

// templates:validate/scan.js
var MAX_DEPTH = 100;
var MAX_TASK_CHARS = 64 * 1024 * 1024;
function positionIn(text, offset, start) {
  let line = start.line;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: last === -1 ? start.column + offset : offset - last };
}
function treeOf(file, unit) {
  const parsed = parseJsonTree(unit.text);
  if (!parsed.ok) {
    const { line, column } = positionIn(unit.text, parsed.offset, unit);
    const words =
      unit.text.charCodeAt(parsed.offset) === BOM
        ? "a byte order mark, U+FEFF, where a value was expected; remove it"
        : describeJsonError(parsed.code).replace("end of the document", "end of the task");
    throw new SpecError(file, `${line}:${column}`, `invalid JSON (${words})`);
  }
  return parsed.root;
}
function countKeys(value) {
  let n = 0;
  const stack = [value];
  for (let v = stack.pop(); v !== void 0; v = stack.pop()) {
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else {
      const values = Object.values(v);
      n += values.length;
      for (const x of values) stack.push(x);
    }
  }
  return n;
}
function parseUnit(file, unit) {
  let value;
  try {
    value = JSON.parse(unit.text);
  } catch {
    treeOf(file, unit);
    throw new SpecError(file, `${unit.line}:${unit.column}`, "invalid JSON");
  }
  if (countKeys(value) !== unit.keys) {
    const dup = findDuplicateKey(treeOf(file, unit));
    if (dup) {
      const { line, column } = positionIn(unit.text, dup.offset, unit);
      throw new SpecError(
        file,
        `${line}:${column}`,
        `duplicate key ${JSON.stringify(dup.key)} in one object; JSON parsers silently keep the last, so keys must be unique`,
      );
    }
  }
  return value;
}
function locator(file, unit) {
  let tree;
  return (ptr) => {
    tree ??= treeOf(file, unit);
    let node = nodeAt(tree, tokensOf(ptr));
    if (node?.parent?.type === "property") node = node.parent;
    return node ? positionIn(unit.text, node.offset, unit) : void 0;
  };
}
var TAB = 9;
var NEWLINE = 10;
var RETURN = 13;
var SPACE = 32;
var QUOTE = 34;
var COMMA = 44;
var COLON = 58;
var OPEN_BRACKET = 91;
var BACKSLASH = 92;
var CLOSE_BRACKET = 93;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var BOM = 65279;
var isSpace2 = (c) => c === SPACE || c === NEWLINE || c === RETURN || c === TAB;
var endsScalar = (c) =>
  isSpace2(c) ||
  c === COMMA ||
  c === CLOSE_BRACKET ||
  c === CLOSE_BRACE ||
  c === OPEN_BRACKET ||
  c === OPEN_BRACE ||
  c === QUOTE;
var TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep (objects and arrays); a task is a few levels deep, and the limit keeps the validators' recursion bounded`;
function closingQuote(chunk, i) {
  for (let q = chunk.indexOf('"', i); q !== -1; q = chunk.indexOf('"', q + 1)) {
    let b = q - 1;
    while (b >= i && chunk.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
  }
  return -1;
}
async function* scanUnits(file, chunks) {
  let mode = "start";
  let expect = "value";
  let depth = 0;
  let unitDepth = 0;
  let inUnit = false;
  let inString = false;
  let escapeNext = false;
  let kind = "container";
  let pieces = [];
  let unitChars = 0;
  let keys = 0;
  let start = { line: 1, column: 1 };
  let line = 1;
  let lineStart = 0;
  let base = 0;
  const here = (i) => ({ line, column: base + i - lineStart + 1 });
  const fail2 = (i, what) => {
    const { line: l, column } = here(i);
    throw new SpecError(file, `${l}:${column}`, what);
  };
  for await (const chunk of chunks) {
    let from = 0;
    const out = [];
    try {
      const finish = (end) => {
        pieces.push(chunk.slice(from, end));
        out.push({
          text: pieces.length === 1 ? (pieces[0] ?? "") : pieces.join(""),
          line: start.line,
          column: start.column,
          keys,
          inArray: mode === "array",
        });
        pieces = [];
        unitChars = 0;
        inUnit = false;
      };
      const afterUnit = () => (mode === "array" ? "comma" : "value");
      for (let i = 0; i < chunk.length; i++) {
        if (inString) {
          if (escapeNext) {
            escapeNext = false;
            continue;
          }
          const q = closingQuote(chunk, i);
          if (q === -1) {
            let b = chunk.length - 1;
            while (b >= i && chunk.charCodeAt(b) === BACKSLASH) b--;
            escapeNext = (chunk.length - 1 - b) % 2 === 1;
            break;
          }
          i = q;
          inString = false;
          if (kind === "string") {
            finish(i + 1);
            expect = afterUnit();
          }
          continue;
        }
        const c = chunk.charCodeAt(i);
        if (c === NEWLINE) {
          line++;
          lineStart = base + i + 1;
        }
        if (inUnit && kind === "scalar") {
          if (!endsScalar(c)) continue;
          finish(i);
          expect = afterUnit();
        }
        if (inUnit) {
          if (c === QUOTE) inString = true;
          else if (c === COLON) keys++;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            if (++depth > MAX_DEPTH) fail2(i, TOO_DEEP);
          } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === unitDepth) {
            finish(i + 1);
            expect = afterUnit();
          }
          continue;
        }
        if (isSpace2(c)) continue;
        if (c === BOM && base + i === 0) {
          lineStart = 1;
          continue;
        }
        if (mode === "start") {
          mode = c === OPEN_BRACKET ? "array" : "values";
          if (mode === "array") {
            depth = unitDepth = 1;
            expect = "valueOrClose";
            continue;
          }
        }
        if (expect === "end") fail2(i, "expected the end of the file after the array of tasks");
        if (expect === "comma" || (expect === "valueOrClose" && c === CLOSE_BRACKET)) {
          if (c === CLOSE_BRACKET) {
            depth = 0;
            expect = "end";
          } else if (c === COMMA) expect = "value";
          else fail2(i, "invalid JSON (expected ',' or ']' between the tasks of the array)");
          continue;
        }
        if (c === CLOSE_BRACKET && mode === "array") fail2(i, "invalid JSON (expected a value after ',')");
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON)
          fail2(i, "invalid JSON (expected a value)");
        inUnit = true;
        from = i;
        keys = 0;
        start = here(i);
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          kind = "container";
          if (++depth > MAX_DEPTH) fail2(i, TOO_DEEP);
        } else if (c === QUOTE) {
          kind = "string";
          inString = true;
        } else kind = "scalar";
      }
      if (inUnit) {
        pieces.push(chunk.slice(from));
        unitChars += chunk.length - from;
        if (unitChars > MAX_TASK_CHARS)
          fail2(
            chunk.length,
            `a task longer than ${MAX_TASK_CHARS / 1048576} MB (or a string or bracket left open before this point)`,
          );
      }
    } catch (e) {
      yield* out;
      throw e;
    }
    base += chunk.length;
    yield* out;
  }
  if (inUnit && kind === "scalar" && !inString) {
    yield { text: pieces.join(""), line: start.line, column: start.column, keys, inArray: mode === "array" };
    inUnit = false;
    if (mode === "array") expect = "comma";
  }
  if (inUnit) {
    treeOf(file, { text: pieces.join(""), line: start.line, column: start.column, keys });
    fail2(0, "invalid JSON (unexpected end of the file)");
  }
  if (mode === "start")
    throw new SpecError(file, "1:1", "the input is empty; expected a JSON task, an array of tasks, or JSON Lines");
  if (mode === "array" && expect !== "end") fail2(0, "invalid JSON (the array of tasks is not closed: expected ']')");
}
async function* readTasks(file, chunks) {
  let pending;
  let count = 0;
  const task = (p, single) => ({
    task: parseUnit(file, p.unit),
    index: single ? null : count++,
    locate: locator(file, p.unit),
  });
  try {
    for await (const { inArray, ...unit } of scanUnits(file, chunks)) {
      if (inArray) {
        yield task({ unit, inArray }, false);
        continue;
      }
      const previous = pending;
      pending = void 0;
      if (previous) yield task(previous, false);
      pending = { unit, inArray };
    }
  } catch (e) {
    const previous = pending;
    pending = void 0;
    if (previous) yield task(previous, false);
    throw e;
  }
  if (pending) yield task(pending, count === 0);
}

// templates:validate/run.js
var isPlain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var isTaskValidator = (v) =>
  v !== null && typeof v === "object" && "validateTask" in v && typeof v.validateTask === "function";
var isLoader = (v) => typeof v === "function";
async function loadRegistry(dir) {
  const file = path2.resolve(dir, "index.js");
  if (!existsSync2(file))
    throw new SpecError(
      dir,
      "",
      "no generated registry here (index.js); run `npm run generate`, or pass --registry or --specs",
    );
  const mod = await import(pathToFileURL(file).href);
  const models = isPlain(mod) ? mod.models : void 0;
  const loadModel = isPlain(mod) ? mod.loadModel : void 0;
  if (models === null || typeof models !== "object" || !isLoader(loadModel))
    throw new SpecError(
      dir,
      "",
      "index.js is not a modelgen registry (expected `models` and `loadModel`; a registry generated before loadModel must be regenerated); run `npm run generate`",
    );
  const loaded = /* @__PURE__ */ new Map();
  const load = async (id) => {
    let mod2;
    try {
      mod2 = await loadModel(id);
    } catch (e) {
      throw new SpecError(
        dir,
        "",
        `cannot load the module of model ${JSON.stringify(id)} (${systemErrorText(e)}); run \`npm run generate\``,
      );
    }
    if (!isTaskValidator(mod2))
      throw new SpecError(
        dir,
        "",
        `the module of model ${JSON.stringify(id)} has no validateTask; run \`npm run generate\``,
      );
    return mod2;
  };
  return {
    ids: Object.keys(models),
    load(id) {
      if (!Object.hasOwn(models, id)) return Promise.resolve(void 0);
      let p = loaded.get(id);
      if (!p) loaded.set(id, (p = load(id)));
      return p;
    },
  };
}
function locateIssue(t, issuePath) {
  const keys = tokensOf(issuePath);
  for (let n = keys.length; n >= 0; n--) {
    const ptr = pointerOf(keys.slice(0, n));
    const loc = t.locate(ptr);
    if (loc) return loc;
  }
  return { line: 1, column: 1 };
}
async function validateInputs(inputs, models, report, { model: forced, read, after } = {}) {
  let valid = 0;
  let invalid = 0;
  const ready = /* @__PURE__ */ new Map();
  const closest = /* @__PURE__ */ new Map();
  try {
    for (const file of inputs) {
      const shown = escapeTerminal(file === "-" ? "<stdin>" : file);
      const chunks = read && file !== "-" ? read(file) : fileChunks(file, shown);
      for await (const t of readTasks(shown, chunks)) {
        const id = forced ?? (isPlain(t.task) ? t.task.model : void 0);
        const where = { file: file === "-" ? "<stdin>" : file, index: t.index };
        const results = [];
        if (typeof id !== "string") {
          results.push({
            ...where,
            model: null,
            ...locateIssue(t, ""),
            path: "/model",
            message: `the task has no \`model\` field, so its model is unknown; known models: ${models.ids.join(", ")} (or pass --model)`,
            valid: false,
          });
        } else {
          let entry = ready.get(id);
          if (entry === void 0 && !ready.has(id)) {
            entry = await models.load(id);
            if (ready.size < 1e4) ready.set(id, entry);
          }
          if (!entry) {
            let near = closest.get(id);
            if (!near) {
              near = closestIds(id, models.ids);
              if (closest.size < 1e3) closest.set(id, near);
            }
            results.push({
              ...where,
              model: id,
              ...locateIssue(t, "/model"),
              path: "/model",
              message: `unknown model ${JSON.stringify(id)}; the closest known ids: ${near.join(", ")}`,
              valid: false,
            });
          } else {
            const issues = entry.validateTask(t.task);
            if (issues.length === 0)
              results.push({ ...where, model: id, line: null, column: null, path: null, message: null, valid: true });
            for (const issue of issues)
              results.push({
                ...where,
                model: id,
                ...locateIssue(t, issue.path),
                path: issue.path,
                message: issue.message,
                valid: false,
              });
          }
        }
        const [first, ...rest] = results;
        if (!first) continue;
        if (first.valid) valid++;
        else invalid++;
        report.task([first, ...rest]);
        await after?.();
      }
    }
  } catch (e) {
    report.abort(e);
    throw e;
  }
  report.end();
  return { valid, invalid };
}

// templates:validate/cli.js
var FORMATS = ["text", "json", "github"];
var isFormat = (f) => FORMATS.includes(f);
var VALIDATE_OPTIONS_HELP = `  Each input is a JSON task, an array of tasks, or JSON Lines (- reads standard input), read as a stream: a file
  of any size is checked a task at a time. Input nested more than ${MAX_DEPTH} levels deep, or that is not JSON, stops
  the run with exit 2 and its line:column (the tasks before it are reported).
  --model <id>     one model for every task (for bodies without a model field, such as Runflow's)
  --format text    one line per task, with each broken rule in words (colour when on a terminal); control
                   characters in file names, model ids and property names are shown as escapes (\\x1b)
  --format json    { results: [{ file, index, model, line, column, path, message }], valid, invalid }
                   (and error, when bad input stopped the run: the tasks before it are reported)
  --format github  workflow annotations: ::error file=\u2026,line=\u2026::message
  Exit: 0 all valid, 1 some invalid, 2 bad usage or unreadable input.`;
async function runValidate(patterns, { format = "text", model }, models) {
  if (!isFormat(format)) throw new UsageError(`--format must be text, json or github, not ${JSON.stringify(format)}`);
  if (patterns.length === 0)
    throw new UsageError("validate needs at least one file, glob or - (see `validate --help`)");
  let pending = "";
  const flush = async () => {
    const text = pending;
    pending = "";
    if (text && !process.stdout.write(text)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  };
  const reporter = createReporter(format, (text) => void (pending += text), {
    color: format === "text" && process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
  let summary;
  try {
    let inputs;
    let source;
    try {
      inputs = expandInputs(patterns);
      source = await models();
    } catch (e) {
      reporter.abort(e);
      throw e;
    }
    summary = await validateInputs(inputs, source, reporter, {
      model,
      after: () => (pending.length > 65536 ? flush() : void 0),
    });
  } finally {
    await flush();
  }
  if (summary.invalid > 0) process.exitCode = 1;
}
var INTERNAL_EXIT = 70;
var PIPE_CLOSED_EXIT = 141;
function internalError(e, debug) {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (debug && e instanceof Error && e.stack)
    process.stderr.write(`${e.stack.split("\n").map(escapeTerminal).join("\n")}
`);
  process.stderr
    .write(`modelgen: unexpected error: ${escapeTerminal(text)}${debug ? "" : " (--debug shows the stack trace)"}
`);
  process.exitCode = INTERNAL_EXIT;
}
function guardProcess(debug) {
  guardDebug = debug;
  if (guarded) return;
  guarded = true;
  process.stdout.on("error", (e) => {
    if (e.code !== "EPIPE") internalError(e, guardDebug);
    process.exit(e.code === "EPIPE" ? PIPE_CLOSED_EXIT : INTERNAL_EXIT);
  });
  const crash = (e) => {
    internalError(e, guardDebug);
    process.exit(INTERNAL_EXIT);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
}
var guarded = false;
var guardDebug = false;
function fail(message, code = 2) {
  process.stderr.write(`modelgen: ${escapeTerminal(message)}
`);
  process.exitCode = code;
}
async function packageMain(argv, registry) {
  const help = `Usage: npx <this package> validate <file|glob|->\u2026 [--model <id>] [--format text|json|github] [--debug]

  Checks payload files against this package's validators; a task's model is found through its \`model\` field,
  and only the models the tasks name are loaded.
${VALIDATE_OPTIONS_HELP}`;
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  guardProcess(debug);
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(help + "\n");
    if (command === void 0) process.exitCode = 2;
    return;
  }
  if (command !== "validate")
    return fail(`unknown command ${JSON.stringify(command)}; the command is validate (see --help)`);
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        model: { type: "string" },
        format: { type: "string" },
        debug: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) return void process.stdout.write(help + "\n");
    await runValidate(positionals, values, () => loadRegistry(fileURLToPath(new URL(".", registry))));
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("ERR_PARSE_ARGS"))
      return fail(`${e.message} (see \`validate --help\`)`);
    if (e instanceof SpecError) return fail(e.message, e.exitCode);
    if (e instanceof UsageError) return fail(e.message);
    internalError(e, debug);
  }
}

// templates:validate/bin.js
await packageMain(process.argv.slice(2), new URL("../../index.js", import.meta.url));
