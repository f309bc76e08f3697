// The hostile corpus (test/fixtures/hostile/) and what each file must give.
//   broken/  bad input: `modelgen generate` exits 2 with one clear message naming the file, the place
//            (line:column for parse errors, a JSON Pointer into the file as written for schema errors) and, in
//            words, what was expected; no stack trace; the output folder untouched.
//   valid/   hostile but valid: generates; compiles under tsc --strict; the validator gives each payload's
//            verdict (as Ajv does on the spec); spec text never leaves a string literal or a sanitised comment.

export const BROKEN_DIR = "test/fixtures/hostile/broken";
export const VALID_DIR = "test/fixtures/hostile/valid";

export interface BrokenCase {
  file: string;
  why: string;
  /** The file the message must name, when it is not `file` (an overlay beside the spec). */
  names?: string;
  /** Parse errors: the line(s) the message may give (with `column`, exactly that place). */
  line?: number | number[];
  column?: number;
  /** Schema errors: the JSON Pointer(s) the message may give (into the named file as written). */
  pointer?: string | string[];
  /** Each must match the message: what was wrong or expected, in words. */
  words: RegExp[];
}

const ITEMS = "/components/schemas/RequestBody/items";

export const BROKEN: BrokenCase[] = [
  // ---------------------------------------------------------------- not a readable document
  { file: "invalid-json-missing-comma.json", why: "a comma missing between two properties", line: 22, column: 13, words: [/invalid JSON/, /expected ','/] },
  { file: "invalid-json-trailing-comma.json", why: "a trailing comma before }", line: [22, 23], words: [/invalid JSON/] },
  { file: "invalid-yaml.yaml", why: "an unclosed flow mapping", line: [26, 27], words: [/invalid YAML/] },
  { file: "duplicate-key.yaml", why: "a property declared twice (YAML keys must be unique)", line: 29, words: [/invalid YAML|duplicate|unique/i] },
  {
    file: "duplicate-key.json",
    why: "a property declared twice in JSON: the parser keeps the last silently, so the spec a reader sees is not the one generated",
    line: 23,
    words: [/duplicate|unique|twice/i, /steps/],
  },
  { file: "empty.json", why: "an empty file", line: 1, column: 1, words: [/empty|expected a value/i] },
  { file: "empty.yaml", why: "a YAML file with only a comment", line: 1, column: 1, words: [/empty/i] },
  {
    file: "yaml-alias-bomb.yaml",
    why: "a 2 KB \"billion laughs\" file: aliases of aliases, each multiplying the values ten times (yaml's guard threw a ReferenceError: an unexpected error, not a refusal)",
    line: 5,
    column: 12,
    words: [/YAML aliases expand too far/, /billion laughs/],
  },
  // ---------------------------------------------------------------- not an OpenAPI 3.x model spec
  { file: "swagger-2.json", why: "Swagger 2.0, not OpenAPI 3.x", words: [/openapi/, /3\.x/, /swagger 2\.0/] },
  { file: "missing-openapi.json", why: "no `openapi` field", words: [/expected `openapi: 3\.x\.y`/] },
  { file: "no-request-body.json", why: "the POST has no requestBody", pointer: ["/paths", "/paths/~1", "/paths/~1/post"], words: [/requestBody/] },
  { file: "no-json-body.json", why: "the request body is multipart only", pointer: "/paths/~1/post/requestBody/content", words: [/application\/json/] },
  {
    file: "body-not-object.json",
    why: "the request body is a string schema",
    pointer: ["/components/schemas/RequestBody", "/paths/~1/post/requestBody/content/application~1json/schema"],
    words: [/object/],
  },
  { file: "body-items-not-object.json", why: "the request body is an array of strings", pointer: ITEMS, words: [/object/] },
  { file: "model-not-const.json", why: "`model` is any string, so there is no model id", pointer: `${ITEMS}/properties/model`, words: [/model/, /const/] },
  // ---------------------------------------------------------------- $refs
  { file: "unresolvable-ref.json", why: "a $ref to a schema that is not there", pointer: [`${ITEMS}/$ref`, ITEMS], words: [/\$ref/, /#\/components\/schemas\/Nope/] },
  {
    file: "circular-ref.json",
    why: "a schema that refers to itself",
    pointer: ["/components/schemas/Node/properties/child/$ref", "/components/schemas/Node/properties/child"],
    words: [/circular/],
  },
  {
    file: "external-ref-missing.json",
    why: "a $ref to a file that does not exist",
    pointer: [`${ITEMS}/properties/p/$ref`, `${ITEMS}/properties/p`],
    words: [/\$ref/, /does-not-exist\.json/],
  },
  {
    file: "remote-ref.json",
    why: "a $ref to a URL (the generator never fetches)",
    pointer: [`${ITEMS}/properties/p/$ref`, `${ITEMS}/properties/p`],
    words: [/\$ref/, /https:\/\/example\.invalid\/schemas\/prompt\.json/],
  },
  // ---------------------------------------------------------------- keywords the validator cannot honour
  {
    file: "unsupported-format.json",
    why: "format credit-card, which no validator here knows",
    pointer: [`${ITEMS}/properties/card/format`, `${ITEMS}/properties/card`],
    words: [/format/, /credit-card/],
  },
  {
    file: "keyword-wrong-shape.json",
    why: "a keyword whose value has the wrong shape (type: {…}): the rules' analysis read it before the compile checked it, and crashed (want.includes is not a function)",
    pointer: [`${ITEMS}/properties/inputs/type`, `${ITEMS}/allOf/0/then/properties/inputs/type`],
    words: [/"type" has a value of the wrong shape/, /2020-12/],
  },
  {
    file: "unsupported-format-untyped.json",
    why: "the same without `type`: the place must still be the one in the file",
    pointer: [`${ITEMS}/properties/card/format`, `${ITEMS}/properties/card`],
    words: [/format/, /credit-card/],
  },
  {
    file: "pattern-open-paren.json",
    why: 'pattern "(" is not an ECMAScript regular expression',
    pointer: [`${ITEMS}/properties/p/pattern`, `${ITEMS}/properties/p`],
    words: [/regular expression/, /"\("|\/\(\//],
  },
  {
    file: "pattern-reversed-range.json",
    why: 'pattern "[z-a]" is not an ECMAScript regular expression',
    pointer: [`${ITEMS}/properties/p/pattern`, `${ITEMS}/properties/p`],
    words: [/regular expression/, /\[z-a\]/],
  },
  // ---------------------------------------------------------------- overlays (<name>.overlay.yaml beside the spec)
  {
    file: "overlay-no-match.json",
    why: "the overlay's second action targets a schema the spec does not have",
    names: "overlay-no-match.overlay.yaml",
    line: 9,
    words: [/actions\[1\]/, /matches nothing/, /TaskBody/],
  },
  {
    file: "overlay-bad-jsonpath.json",
    why: "the overlay's target is not RFC 9535 JSONPath",
    names: "overlay-bad-jsonpath.overlay.yaml",
    line: 6,
    words: [/actions\[0\]/, /JSONPath/],
  },
];

// ---------------------------------------------------------------------------------------------------------------

export interface Payload {
  note: string;
  data: unknown;
  valid: boolean;
  /** Invalid for a reason the Task type states (a required or unknown property, a const or enum value, a JSON type). */
  structural?: boolean;
  /** Plain Ajv (the reference) gets this one wrong; why. */
  ajvWrong?: string;
}

export interface ValidCase {
  file: string;
  modelId: string;
  payloads: Payload[];
  /** JSON Pointers (into the file as written) that generate() must warn about, and ones it must not. */
  warnAt?: string[];
  noWarnAt?: string[];
  /** The task schema as the generator sees it after the overlay beside the spec (for the reference Ajv). */
  referencePatch?: (task: any) => any;
}

const UUID = "8c1a4f3e-2b7d-4e7a-9c5f-1d2e3f4a5b6c";
const base = (model: string, taskType = "x") => ({ taskType, taskUUID: UUID, model });
const TRAP_SCRIPT = "</script><script>globalThis.__modelgenTrap = 'script'</script>";

/** Ten nested levels l1 → next → … → level 10, optionally with a level's leaf missing or an unknown property added. */
function nest({ breakAt, extraAt }: { breakAt?: number; extraAt?: number } = {}): unknown {
  let node: Record<string, unknown> = { leaf: "10", depth: 10 };
  if (breakAt === 10) delete node.leaf;
  if (extraAt === 10) node.extra = true;
  for (let d = 9; d >= 1; d--) {
    node = { leaf: String(d), next: node };
    if (breakAt === d) delete node.leaf;
    if (extraAt === d) node.extra = true;
  }
  return node;
}

const id = (slug: string) => `test:hostile-${slug}@1`;
const M = {
  comment: id("comment-terminators"),
  quotes: id("quote-names"),
  proto: id("proto-names"),
  template: id("template-enum"),
  ajvCode: id("ajv-code-enum"),
  script: id("script-const"),
  seps: id("line-separators"),
  titles: id("title-newlines"),
  keywords: id("keyword-names"),
  directives: id("directives"),
  huge: id("huge-enum"),
  deep: id("deep-nesting"),
  emoji: id("spaces-emoji"),
  redos: id("redos"),
  tasktype: id("tasktype"),
  overlay: id("with-overlay"),
  info: "test:hostile-info\"*/\u2028${globalThis.__modelgenTrap = 'model'}@1",
};
const HOSTILE_TASKTYPE = "x*/\n${process.exit(1)}</script>\u2028";

export const VALID: ValidCase[] = [
  {
    file: "comment-terminators.json",
    modelId: M.comment,
    payloads: [
      { note: "just the client fields", data: base(M.comment), valid: true },
      { note: "a note that closes a comment", data: { ...base(M.comment), note: "*/ x /*" }, valid: true },
      { note: "style a*/b", data: { ...base(M.comment), style: "a*/b" }, valid: true },
      { note: "style */", data: { ...base(M.comment), style: "*/" }, valid: true },
      { note: "style not in the enum", data: { ...base(M.comment), style: "a*/" }, valid: false, structural: true },
      { note: "note is a number", data: { ...base(M.comment), note: 1 }, valid: false, structural: true },
    ],
  },
  {
    file: "quote-names.json",
    modelId: M.quotes,
    payloads: [
      { note: `a"b'c given`, data: { ...base(M.quotes), [`a"b'c`]: "v" }, valid: true },
      { note: "every quoted name", data: { ...base(M.quotes), [`a"b'c`]: "v", "back\\slash": 2, "new\nline": true, "a`b${globalThis.__modelgenTrap = 'key'}": "s" }, valid: true },
      { note: `a"b'c missing`, data: base(M.quotes), valid: false, structural: true },
      { note: "back\\slash is a string", data: { ...base(M.quotes), [`a"b'c`]: "v", "back\\slash": "2" }, valid: false, structural: true },
      { note: `a"b (a prefix of the name) is unknown`, data: { ...base(M.quotes), [`a"b'c`]: "v", [`a"b`]: "v" }, valid: false, structural: true },
      { note: "new\\\\nline (escaped, not a newline) is unknown", data: { ...base(M.quotes), [`a"b'c`]: "v", "new\\nline": true }, valid: false, structural: true },
    ],
  },
  {
    file: "proto-names.json",
    modelId: M.proto,
    payloads: [
      {
        note: "constructor and toString given",
        data: { ...base(M.proto), constructor: "c", toString: true },
        valid: true,
        ajvWrong: "checks the inherited Object.prototype.hasOwnProperty against `type: integer`",
      },
      {
        note: "an own __proto__ property that is a number",
        data: { ...base(M.proto), ["__proto__"]: 1, constructor: "c", toString: false },
        valid: true,
        ajvWrong: "calls a declared __proto__ property additional (and checks the inherited hasOwnProperty)",
      },
      { note: "hasOwnProperty as data", data: { ...base(M.proto), constructor: "c", toString: true, hasOwnProperty: 3 }, valid: true },
      { note: "constructor and toString missing (inherited ones do not count)", data: base(M.proto), valid: false, structural: true },
      { note: "toString missing", data: { ...base(M.proto), constructor: "c" }, valid: false, structural: true },
      { note: "an own __proto__ property that is a string", data: { ...base(M.proto), ["__proto__"]: "x", constructor: "c", toString: true }, valid: false, structural: true },
      { note: "valueOf is not declared", data: { ...base(M.proto), constructor: "c", toString: true, valueOf: 1 }, valid: false, structural: true },
    ],
  },
  {
    file: "template-enum.json",
    modelId: M.template,
    payloads: [
      ...["plain", "`${process.exit(1)}`", "${globalThis.__modelgenTrap = 'enum'}", "`", "\\`${x}\\`"].map((style) => ({ note: `style ${style}`, data: { ...base(M.template), style }, valid: true })),
      { note: "mode ${process.exit(1)}", data: { ...base(M.template), style: "plain", mode: "${process.exit(1)}" }, valid: true },
      { note: "style `${process.exit(2)}` is not in the enum", data: { ...base(M.template), style: "`${process.exit(2)}`" }, valid: false, structural: true },
      { note: "mode is a different template", data: { ...base(M.template), style: "plain", mode: "${process.exit(2)}" }, valid: false, structural: true },
    ],
  },
  {
    // Enum and const values written like the code validator.js's compaction rewrites (error objects, error sites):
    // strings are never rewritten, so the guard and validateTask still accept exactly these values.
    file: "ajv-code-enum.json",
    modelId: M.ajvCode,
    payloads: [
      ...["plain", "{instancePath,schemaPath:1}", "const err0 = 0;\nif(vErrors === null){\nvErrors = [err0];\n}\nelse {\nvErrors.push(err0);\n}\nerrors++;"].map((style) => ({ note: `style ${style}`, data: { ...base(M.ajvCode), style }, valid: true })),
      { note: "mode is the const", data: { ...base(M.ajvCode), style: "plain", mode: "{instancePath,schemaPath:2}" }, valid: true },
      { note: "style 0 (what an error object becomes in the guard)", data: { ...base(M.ajvCode), style: "0" }, valid: false, structural: true },
      { note: "mode 0", data: { ...base(M.ajvCode), style: "plain", mode: "0" }, valid: false, structural: true },
    ],
  },
  {
    file: "script-const.json",
    modelId: M.script,
    payloads: [
      { note: "the const", data: { ...base(M.script), html: TRAP_SCRIPT }, valid: true },
      ...["<!--", "-->", "]]>", "</SCRIPT >", "<script>"].map((marker) => ({ note: `marker ${marker}`, data: { ...base(M.script), html: TRAP_SCRIPT, marker }, valid: true })),
      { note: "the const with <\\/script> (escaped as it is in code)", data: { ...base(M.script), html: TRAP_SCRIPT.replace(/<\//g, "<\\/") }, valid: false, structural: true },
      { note: "html missing", data: base(M.script), valid: false, structural: true },
    ],
  },
  {
    file: "line-separators.json",
    modelId: M.seps,
    payloads: [
      ...["calm\u2028", "\u2029storm", "plain"].map((mood) => ({ note: `mood ${JSON.stringify(mood)}`, data: { ...base(M.seps), mood }, valid: true })),
      { note: "names with U+2028 and U+2029", data: { ...base(M.seps), mood: "plain", "sep\u2028name": "s", "para\u2029name": "x\u2029y" }, valid: true },
      { note: "mood calm with U+000A instead of U+2028", data: { ...base(M.seps), mood: "calm\n" }, valid: false, structural: true },
      { note: "the const with U+2028 instead of U+2029", data: { ...base(M.seps), mood: "plain", "para\u2029name": "x\u2028y" }, valid: false, structural: true },
      { note: "sep name with a newline instead of U+2028 is unknown", data: { ...base(M.seps), mood: "plain", "sep\nname": "s" }, valid: false, structural: true },
    ],
  },
  {
    file: "title-newlines.json",
    modelId: M.titles,
    payloads: [
      { note: "p and q", data: { ...base(M.titles), p: "*/", q: 1 }, valid: true },
      { note: "q is not an integer", data: { ...base(M.titles), q: 1.5 }, valid: false },
      { note: "p is a number", data: { ...base(M.titles), p: 1 }, valid: false, structural: true },
    ],
  },
  {
    file: "keyword-names.json",
    modelId: M.keywords,
    payloads: [
      { note: "default and class", data: { ...base(M.keywords), default: "d", class: 1 }, valid: true },
      {
        note: "every keyword name",
        data: {
          ...base(M.keywords),
          ...Object.fromEntries(
            ["default", "class", "function", "import", "export", "await", "enum", "delete", "new", "typeof", "in", "this", "null", "true", "void", "yield", "let", "static", "arguments", "eval", "undefined", "NaN", "Infinity", "interface", "type", "declare", "readonly", "keyof", "infer", "unique", "never", "any"].map((k, i) => [
              k,
              i % 3 === 0 ? "s" : i % 3 === 1 ? i : true,
            ]),
          ),
        },
        valid: true,
      },
      { note: "class missing", data: { ...base(M.keywords), default: "d" }, valid: false, structural: true },
      { note: "class is a string", data: { ...base(M.keywords), default: "d", class: "c" }, valid: false, structural: true },
      { note: "an unknown keyword name", data: { ...base(M.keywords), default: "d", class: 1, super: 1 }, valid: false, structural: true },
    ],
  },
  {
    file: "directives.json",
    modelId: M.directives,
    payloads: [
      { note: "every property", data: { ...base(M.directives), a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 2 }, valid: true },
      { note: "a is a string (no @ts-ignore hides it)", data: { ...base(M.directives), a: "1" }, valid: false, structural: true },
      { note: "k not in the enum", data: { ...base(M.directives), k: 3 }, valid: false, structural: true },
    ],
  },
  {
    file: "huge-enum.json",
    modelId: M.huge,
    payloads: [
      { note: "the first value", data: { ...base(M.huge), size: "size-000" }, valid: true },
      { note: "a middle value", data: { ...base(M.huge), size: "size-123" }, valid: true },
      { note: "the template value", data: { ...base(M.huge), size: "`${process.exit(1)}`" }, valid: true },
      { note: "*/", data: { ...base(M.huge), size: "*/" }, valid: true },
      { note: "the last value", data: { ...base(M.huge), size: "</script>" }, valid: true },
      { note: "size-100 was replaced", data: { ...base(M.huge), size: "size-100" }, valid: false, structural: true },
      { note: "size-200 is past the end", data: { ...base(M.huge), size: "size-200" }, valid: false, structural: true },
    ],
  },
  {
    file: "deep-nesting.json",
    modelId: M.deep,
    payloads: [
      { note: "ten levels", data: { ...base(M.deep), l1: nest() }, valid: true },
      { note: "leaf missing at level 7", data: { ...base(M.deep), l1: nest({ breakAt: 7 }) }, valid: false, structural: true },
      { note: "leaf missing at level 10", data: { ...base(M.deep), l1: nest({ breakAt: 10 }) }, valid: false, structural: true },
      { note: "an unknown property at level 10", data: { ...base(M.deep), l1: nest({ extraAt: 10 }) }, valid: false, structural: true },
      { note: "an unknown property at level 4", data: { ...base(M.deep), l1: nest({ extraAt: 4 }) }, valid: false, structural: true },
    ],
  },
  {
    file: "spaces-emoji.json",
    modelId: M.emoji,
    payloads: [
      { note: "with space", data: { ...base(M.emoji), "with space": "s" }, valid: true },
      {
        note: "every name",
        data: { ...base(M.emoji), "with space": "s", "emoji 🎉": 1, "🚀": true, ключ: "🎉", "-dash": "d", "123start": 2, "": "empty", "tab\there": false },
        valid: true,
      },
      { note: "with space missing", data: { ...base(M.emoji), "🚀": true }, valid: false, structural: true },
      { note: "ключ not in the enum", data: { ...base(M.emoji), "with space": "s", ключ: "ключ" }, valid: false, structural: true },
      { note: "the empty name is a number", data: { ...base(M.emoji), "with space": "s", "": 1 }, valid: false, structural: true },
      { note: "with_space is unknown", data: { ...base(M.emoji), "with space": "s", with_space: "s" }, valid: false, structural: true },
    ],
  },
  {
    file: "redos.json",
    modelId: M.redos,
    warnAt: [`${ITEMS}/properties/nested/pattern`, `${ITEMS}/properties/alternation/pattern`],
    noWarnAt: [`${ITEMS}/properties/safe/pattern`],
    payloads: [
      { note: "matching values", data: { ...base(M.redos), nested: "aaaa", alternation: "aaa", safe: "abc" }, valid: true },
      { note: "a short non-match", data: { ...base(M.redos), nested: "aab" }, valid: false },
      { note: "safe with a digit", data: { ...base(M.redos), safe: "ab1" }, valid: false },
    ],
  },
  {
    file: "tasktype-hostile.json",
    modelId: M.tasktype,
    payloads: [
      { note: "the hostile taskType", data: base(M.tasktype, HOSTILE_TASKTYPE), valid: true },
      { note: "taskType x", data: base(M.tasktype), valid: false, structural: true },
    ],
  },
  {
    file: "with-overlay.json",
    modelId: M.overlay,
    referencePatch: (task) => ({
      ...task,
      properties: { ...task.properties, prompt: { type: "string", maxLength: 5 }, extra: { type: "string", enum: ["`${process.exit(1)}`", "</script>", "ok"] } },
    }),
    payloads: [
      { note: "extra added by the overlay", data: { ...base(M.overlay), extra: "`${process.exit(1)}`", prompt: "short" }, valid: true },
      { note: "prompt longer than the overlay's maxLength", data: { ...base(M.overlay), prompt: "longer" }, valid: false },
      { note: "extra not in the enum", data: { ...base(M.overlay), extra: "no" }, valid: false, structural: true },
    ],
  },
  {
    file: "hostile-info.yaml",
    modelId: M.info,
    payloads: [
      { note: "the hostile model id", data: { ...base(M.info), prompt: "'; x; '" }, valid: true },
      { note: "the model id with U+2028 as a newline", data: base(M.info.replace("\u2028", "\n")), valid: false, structural: true },
    ],
  },
];

/** Text that must never stand outside a string literal or a comment in generated files (the trap, the exit). */
export const HOSTILE_MARKERS = ["process", "__modelgenTrap", "</script", "eslint", "@ts-", "sourceMappingURL", "<reference"];
