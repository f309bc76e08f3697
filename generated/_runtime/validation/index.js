// templates:validation/formats.js
var HEX2 = "%[0-9A-Fa-f]{2}";
var star = (chars) => `[${chars}]*(?:${HEX2}[${chars}]*)*`;
var plus = (chars) => `(?:[${chars}]|${HEX2})${star(chars)}`;
var PCHAR = "A-Za-z0-9\\-._~!$&'()*+,;=:@";
var USERINFO = star("A-Za-z0-9\\-._~!$&'()*+,;=:");
var REG_NAME = star("A-Za-z0-9\\-._~!$&'()*+,;=");
var H16 = "[0-9A-Fa-f]{1,4}";
var DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
var LS32 = `(?:${H16}:${H16}|${DEC_OCTET}(?:\\.${DEC_OCTET}){3})`;
var IPV6 = [
  `(?:${H16}:){6}${LS32}`,
  `::(?:${H16}:){5}${LS32}`,
  `(?:${H16})?::(?:${H16}:){4}${LS32}`,
  `(?:(?:${H16}:){0,1}${H16})?::(?:${H16}:){3}${LS32}`,
  `(?:(?:${H16}:){0,2}${H16})?::(?:${H16}:){2}${LS32}`,
  `(?:(?:${H16}:){0,3}${H16})?::${H16}:${LS32}`,
  `(?:(?:${H16}:){0,4}${H16})?::${LS32}`,
  `(?:(?:${H16}:){0,5}${H16})?::${H16}`,
  `(?:(?:${H16}:){0,6}${H16})?::`,
].join("|");
var IP_LITERAL = `\\[(?:${IPV6}|v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+)\\]`;
var PATH_ABEMPTY = `(?:/${star(PCHAR)})*`;
var PATH_ABSOLUTE = `/(?:${plus(PCHAR)}(?:/${star(PCHAR)})*)?`;
var PATH_ROOTLESS = `${plus(PCHAR)}(?:/${star(PCHAR)})*`;
var PATH_NOSCHEME = `${plus("A-Za-z0-9\\-._~!$&'()*+,;=@")}(?:/${star(PCHAR)})*`;
var QUERY = `(?:\\?${star(`${PCHAR}/?`)})?`;
var FRAGMENT = `(?:#${star(`${PCHAR}/?`)})?`;
var SCHEME = "[A-Za-z][A-Za-z0-9+\\-.]*:";
function uriPatterns(host) {
  const authority = `(?:${USERINFO}@)?${host}(?::[0-9]*)?`;
  const hier = `(?://${authority}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_ROOTLESS}|)`;
  const relative = `(?://${authority}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${PATH_NOSCHEME}|)`;
  return {
    uri: `^${SCHEME}${hier}${QUERY}${FRAGMENT}$`,
    reference: `^(?:${SCHEME}${hier}|${relative})${QUERY}${FRAGMENT}$`,
  };
}
var COMMON = uriPatterns(REG_NAME);
var URI_COMMON = new RegExp(COMMON.uri);
var URI_REFERENCE_COMMON = new RegExp(COMMON.reference);
var full;
function fullGrammar() {
  if (!full) {
    const p = uriPatterns(`(?:${IP_LITERAL}|${REG_NAME})`);
    full = { uri: new RegExp(p.uri), reference: new RegExp(p.reference) };
  }
  return full;
}
var UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
var EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
var HOSTNAME =
  /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
var IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
var DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
var leap = (y) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
function date(s) {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : DAYS[mo]);
}
function time(s) {
  const m = TIME.exec(s);
  if (!m) return false;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = Number(m[3]);
  if (m[5] !== void 0 && (Number(m[5]) > 23 || Number(m[6]) > 59)) return false;
  if (h > 23 || mi > 59) return false;
  if (sec <= 59) return true;
  if (sec !== 60) return false;
  const offset = m[4] === void 0 ? 0 : (m[4] === "+" ? 1 : -1) * (Number(m[5]) * 60 + Number(m[6]));
  const utc = (((h * 60 + mi - offset) % 1440) + 1440) % 1440;
  return utc === 23 * 60 + 59;
}
function dateTime(s) {
  const i = s.search(/[Tt]/);
  return i === 10 && date(s.slice(0, 10)) && time(s.slice(11));
}
var uuid = (s) => UUID.test(s);
var uri = (s) => URI_COMMON.test(s) || (s.includes("[") && fullGrammar().uri.test(s));
var uriReference = (s) => URI_REFERENCE_COMMON.test(s) || (s.includes("[") && fullGrammar().reference.test(s));
var email = (s) => EMAIL.test(s);
var hostname = (s) => HOSTNAME.test(s);
var ipv4 = (s) => IPV4.test(s);
var formats = {
  uuid,
  uri,
  "uri-reference": uriReference,
  "date-time": dateTime,
  date,
  time,
  email,
  hostname,
  ipv4,
};

// templates:validation/ajv-helpers.js
function ucs2length(str) {
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const value = str.charCodeAt(pos++);
    if (value >= 55296 && value <= 56319 && pos < str.length) {
      const next = str.charCodeAt(pos);
      if ((next & 64512) === 56320) pos++;
    }
  }
  return length;
}
function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k]));
}
function ajvError(
  errors,
  instancePath,
  schemaPath,
  params,
  keyword = schemaPath.slice(schemaPath.lastIndexOf("/") + 1),
) {
  const error = { instancePath, schemaPath, keyword, params };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}
function ajvPush(errors, error) {
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}
function ajvObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var hasOwn = Object.prototype.hasOwnProperty;
function ajvHas(value, key) {
  return value[key] !== void 0 && hasOwn.call(value, key);
}
var ajvUcs2length = { default: ucs2length };
var ajvEqual = { default: equal };
var NOT_PLAIN = /* @__PURE__ */ Symbol("not a plain object");
var OBJECT_PROTOTYPE = Object.prototype;
function ajvPlain(value) {
  if (value.__proto__ === OBJECT_PROTOTYPE && Object.getPrototypeOf(value) === OBJECT_PROTOTYPE) return true;
  const proto = Object.getPrototypeOf(value);
  if (proto === OBJECT_PROTOTYPE || proto === null) return true;
  throw NOT_PLAIN;
}
function ajvGuard(fast, exact, polluted) {
  return (value) => {
    if (polluted(OBJECT_PROTOTYPE)) return exact(value);
    try {
      return fast(value);
    } catch (e) {
      if (e === NOT_PLAIN) return exact(value);
      throw e;
    }
  };
}

// templates:validation/pointer.js
var escapeToken = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
var unescapeToken = (token) => token.replace(/~1/g, "/").replace(/~0/g, "~");

// templates:validation/placeholders.js
var PLACEHOLDER = /\{(path|\/[^{}]*)\}/g;
function mentionsPath(template) {
  return template.includes("{path}");
}
function fillPlaceholders(template, fn) {
  return template.replace(PLACEHOLDER, (_, inner) =>
    fn(inner === "path" ? { kind: "path" } : { kind: "value", pointer: inner }),
  );
}

// templates:validation/words.js
function valueWords(v) {
  if (v === void 0) return "nothing";
  return JSON.stringify(v) ?? String(v);
}
var FORMAT_WORDS = {
  uuid: "a UUID",
  uri: "a URI",
  "uri-reference": "a URI reference",
  "date-time": "a date-time",
  date: "a date",
  time: "a time",
  email: "an email address",
  hostname: "a hostname",
  ipv4: "an IPv4 address",
};
function formatWords(format) {
  return FORMAT_WORDS[format] ?? `a valid ${format}`;
}
function typeWords(type) {
  if (type === "null") return "null";
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}
var plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
var WORDS = {
  minimum: (limit) => ({ verb: "be", words: `at least ${limit}` }),
  exclusiveMinimum: (limit) => ({ verb: "be", words: `more than ${limit}` }),
  maximum: (limit) => ({ verb: "be", words: `at most ${limit}` }),
  exclusiveMaximum: (limit) => ({ verb: "be", words: `less than ${limit}` }),
  multipleOf: (n) => ({ verb: "be", words: `a multiple of ${n}` }),
  minLength: (limit) => ({ verb: "be", words: `at least ${plural(limit, "character", "characters")} long` }),
  maxLength: (limit) => ({ verb: "be", words: `at most ${plural(limit, "character", "characters")} long` }),
  minItems: (limit) => ({ verb: "have", words: `at least ${plural(limit, "item", "items")}` }),
  maxItems: (limit) => ({ verb: "have", words: `at most ${plural(limit, "item", "items")}` }),
  pattern: (pattern) => ({ verb: "match", words: `the pattern ${pattern}` }),
  format: (format) => ({ verb: "be", words: formatWords(format) }),
  enum: (values) => ({ verb: "be", words: `one of ${values.map(valueWords).join(", ")}` }),
  const: (value) => ({ verb: "be", words: valueWords(value) }),
  type: (types) => ({ verb: "be", words: types.map(typeWords).join(" or ") }),
  uniqueItems: () => ({ verb: "not contain", words: "duplicates" }),
  contains: () => ({ verb: "contain", words: "a matching item" }),
};
function mustText(predicates) {
  let text = "";
  let verb = null;
  for (const p of predicates) {
    text +=
      verb === null ? `must ${p.verb} ${p.words}` : p.verb === verb ? ` and ${p.words}` : ` and ${p.verb} ${p.words}`;
    verb = p.verb;
  }
  return text;
}
function gotWords(keyword, value) {
  if (keyword === "minLength" || keyword === "maxLength")
    return typeof value === "string" ? String([...value].length) : "?";
  if (keyword === "minItems" || keyword === "maxItems") return Array.isArray(value) ? String(value.length) : "?";
  if (keyword === "type") return jsonTypeOf(value);
  return valueWords(value);
}
function jsonTypeOf(v) {
  return v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;
}
var RULE_WORDS = {
  required: (subject, many = false) => `${subject} ${many ? "are" : "is"} required`,
  requires: (subject, needed) => `${subject} requires ${needed}`,
  notAllowed: (subject, many = false) => `${subject} ${many ? "are" : "is"} not allowed`,
  cannotCombine: (subject, other) => `${subject} cannot be combined with ${other}`,
  notAKnownProperty: (subject, of) => `${subject} is not a known property${of === null ? "" : ` of ${of}`}`,
  given: (subject, many = false) => `${subject} ${many ? "are" : "is"} given`,
  notGiven: (subject) => `${subject} is not given`,
  when: (condition) => ` when ${condition}`,
  unless: (condition) => ` unless ${condition}`,
  got: (words) => ` (got ${words})`,
};
function constraintSentence(subject, predicates) {
  return `${subject} ${mustText(predicates)}`;
}

// templates:validation/issues.js
var own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function valueAt(data, pointer) {
  if (pointer === "") return data;
  let node = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = unescapeToken(raw);
    if (node === null || typeof node !== "object" || !own(node, key)) return void 0;
    node = node[key];
  }
  return node;
}
function pointerText(pointer) {
  if (pointer === "") return "the task";
  return pointer
    .slice(1)
    .split("/")
    .map(unescapeToken)
    .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join("");
}
var join = (p, k) => `${p}/${escapeToken(String(k))}`;
function fill(template, data, instancePath) {
  return fillPlaceholders(template, (p) =>
    p.kind === "path" ? pointerText(instancePath) : valueWords(valueAt(data, p.pointer)),
  );
}
var LIMITED = [
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
];
var isLimited = (k) => LIMITED.includes(k);
function broken(e, value, predicate) {
  return {
    path: e.instancePath,
    message: `${constraintSentence(pointerText(e.instancePath), [predicate])}${RULE_WORDS.got(gotWords(e.keyword, value))}`,
  };
}
function keywordMessage(e, data) {
  const at = pointerText(e.instancePath);
  const value = valueAt(data, e.instancePath);
  const p = e.params;
  if (isLimited(e.keyword)) return broken(e, value, WORDS[e.keyword](Number(p.limit)));
  switch (e.keyword) {
    case "required": {
      const path = join(e.instancePath, p.missingProperty);
      return { path, message: RULE_WORDS.required(pointerText(path)) };
    }
    case "dependentRequired": {
      const path = join(e.instancePath, p.property);
      return {
        path,
        message: RULE_WORDS.requires(pointerText(path), pointerText(join(e.instancePath, p.missingProperty))),
      };
    }
    case "additionalProperties": {
      const path = join(e.instancePath, p.additionalProperty);
      return { path, message: RULE_WORDS.notAKnownProperty(pointerText(path), e.instancePath ? at : null) };
    }
    case "type":
      return broken(e, value, WORDS.type(String(p.type).split(",")));
    case "const":
      return broken(e, value, WORDS.const(p.allowedValue));
    case "enum":
      return broken(e, value, WORDS.enum(Array.isArray(p.allowedValues) ? p.allowedValues : []));
    case "multipleOf":
      return broken(e, value, WORDS.multipleOf(Number(p.multipleOf)));
    case "pattern":
      return { path: e.instancePath, message: constraintSentence(at, [WORDS.pattern(String(p.pattern))]) };
    case "format":
      return broken(e, value, WORDS.format(String(p.format)));
    case "uniqueItems":
      return {
        path: e.instancePath,
        message: `${constraintSentence(at, [WORDS.uniqueItems()])} (items ${String(p.j)} and ${String(p.i)} are equal)`,
      };
    case "contains":
      return { path: e.instancePath, message: constraintSentence(at, [WORDS.contains()]) };
    case "false schema":
      return { path: e.instancePath, message: RULE_WORDS.notAllowed(at) };
    default:
      return { path: e.instancePath, message: `${at} ${e.message ?? `fails ${e.keyword}`}` };
  }
}
var indexes = /* @__PURE__ */ new WeakMap();
function ruleFinder(rules) {
  let find = indexes.get(rules);
  if (!find) {
    const byPath = /* @__PURE__ */ new Map();
    for (const r of rules) if (!byPath.has(r.schemaPath)) byPath.set(r.schemaPath, r);
    const answers = /* @__PURE__ */ new Map();
    find = (schemaPath) => {
      const known = answers.get(schemaPath);
      if (known !== void 0) return known ?? void 0;
      let found;
      for (let p = schemaPath; p.length > 0 && !found; p = p.slice(0, Math.max(0, p.lastIndexOf("/"))))
        found = byPath.get(p);
      answers.set(schemaPath, found ?? null);
      return found;
    };
    indexes.set(rules, find);
  }
  return find;
}
function toIssues(errors, data, rules) {
  const issues = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (issue) => {
    const key = `${issue.path}\0${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  };
  const ruleFor = ruleFinder(rules);
  const all = errors ?? [];
  const done = /* @__PURE__ */ new Set();
  for (const e of all) {
    if (e.keyword === "if" && typeof e.params.failingKeyword === "string") {
      const branch = e.schemaPath.replace(/\/if$/, `/${e.params.failingKeyword}`);
      if (
        all.some(
          (o) => o !== e && o.schemaPath.startsWith(`${branch}/`) && ruleFor(o.schemaPath)?.schemaPath !== branch,
        )
      )
        continue;
    }
    const schemaPath =
      e.keyword === "if" && typeof e.params.failingKeyword === "string"
        ? e.schemaPath.replace(/\/if$/, `/${e.params.failingKeyword}`)
        : e.schemaPath;
    const rule = ruleFor(schemaPath);
    if (rule && !mentionsPath(rule.message) && done.has(rule)) continue;
    if (rule) {
      done.add(rule);
      const focus = (rule.focus ?? []).find((p) => valueAt(data, p) !== void 0);
      const path = mentionsPath(rule.message) ? anyOfPath(e, rule) : (focus ?? rule.path ?? "");
      push({ path, message: fill(rule.message, data, path) });
      continue;
    }
    if (
      e.keyword === "if" ||
      e.keyword === "not" ||
      e.keyword === "anyOf" ||
      e.keyword === "oneOf" ||
      e.keyword === "allOf"
    ) {
      if (e.keyword === "if" || all.some((o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`))) continue;
    }
    push(keywordMessage(e, data));
  }
  return issues;
}
function anyOfPath(e, rule) {
  if (e.schemaPath === rule.schemaPath) return e.instancePath;
  const extra = e.schemaPath
    .slice(rule.schemaPath.length)
    .split("/")
    .filter((s) => s === "properties" || s === "items").length;
  const parts = e.instancePath.split("/");
  return parts.slice(0, parts.length - extra).join("/");
}
function checkExtraRules(data, rules) {
  const out = [];
  for (const r of rules) {
    if (r.kind === "sameLength") {
      const [a, b] = r.paths.map((p) => valueAt(data, p));
      if (Array.isArray(a) && (Array.isArray(b) ? a.length !== b.length : b === void 0))
        out.push({
          path: r.paths[0],
          message: `${r.message} (got ${a.length} and ${Array.isArray(b) ? b.length : 0})`,
        });
    }
  }
  return out;
}

// templates:runtime/redact.js
var MIN_SECRET_LENGTH = 8;

// templates:validation/api-key.js
function apiKeyProblem(apiKey) {
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  if (key === "") return { code: "missingApiKey", message: "options.apiKey must be a non-empty string" };
  if (key.length < MIN_SECRET_LENGTH)
    return {
      code: "invalidOptions",
      message: `options.apiKey is ${key.length} character${key.length === 1 ? "" : "s"} long: not a real API key (keys have at least ${MIN_SECRET_LENGTH})`,
    };
  return void 0;
}
function checkApiKey(options) {
  const problem = apiKeyProblem(options !== null && typeof options === "object" ? options.apiKey : void 0);
  if (!problem) return;
  throw Object.assign(new TypeError(problem.message), { code: problem.code });
}

// templates:validation/standard.js
function pathKeys(pointer, value) {
  if (pointer === "") return [];
  const out = [];
  let at = value;
  for (const raw of pointer.slice(1).split("/")) {
    const key = unescapeToken(raw);
    if (Array.isArray(at) && /^(0|[1-9][0-9]*)$/.test(key)) {
      out.push(Number(key));
      at = at[Number(key)];
    } else {
      out.push(key);
      at = at !== null && typeof at === "object" && Object.hasOwn(at, key) ? at[key] : void 0;
    }
  }
  return out;
}
function standardSchema(validateTask) {
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: "modelgen",
      validate(value) {
        const issues = validateTask(value);
        if (issues.length === 0) return { value };
        return {
          issues: issues.map((i) =>
            i.path === "" ? { message: i.message } : { message: i.message, path: pathKeys(i.path, value) },
          ),
        };
      },
    }),
  });
}

// templates:validation/model.js
var runtime = () => import("../runtime/index.js");
function taskChecks({ validate, guard, ruleMessages = [], extraRules = [] }) {
  const isTask =
    extraRules.length === 0 ? guard : (value) => guard(value) && checkExtraRules(value, extraRules).length === 0;
  function validateTask(value) {
    const issues = validate(value) ? [] : toIssues(validate.errors, value, ruleMessages);
    return extraRules.length ? [...issues, ...checkExtraRules(value, extraRules)] : issues;
  }
  return { isTask, validateTask, taskSchema: standardSchema(validateTask) };
}
function lazyClient(make, methods) {
  return function createClient(options) {
    checkApiKey(options);
    const client = runtime().then((r) => make(r, options));
    client.catch(() => {});
    const out = {};
    for (const m of methods) out[m] = (...args) => client.then((c) => c[m](...args));
    return out;
  };
}

// templates:runtime/runware/model.js
function runwareModel(checks, model) {
  const task = taskChecks(checks);
  const binding = { ...model, validateTask: task.validateTask };
  const taskType = model.taskType === null ? void 0 : model.taskType;
  return {
    ...task,
    createClient: lazyClient(
      (r, options) => r.createRunwareClient(binding, options),
      ["run", "submit", "poll", "runBatch"],
    ),
    // Spread first, so a caller's options can never replace the model's task type.
    /** Parses a webhook Runware POSTed for this model, from the raw body, after checking the URL's token (`{ url, token }`); `{ unverified: true }` skips the check, no options is refused. */
    async parseWebhook(rawBody, options) {
      return (await runtime()).parseRunwareWebhook(rawBody, { ...options, taskType });
    },
    /** The same from a Fetch API Request: checks the URL's token (`{ token }`), then reads and parses the raw body; `{ unverified: true }` skips the check, no options is refused. */
    async handleWebhook(request, options) {
      return (await runtime()).handleRunwareWebhook(request, { ...options, taskType });
    },
    /** `baseUrl` with a random token (or `token`) in its query: the task's `webhookURL`. Keep the token to check callbacks. */
    async createWebhookUrl(baseUrl, token) {
      return (await runtime()).createWebhookUrl(baseUrl, token);
    },
  };
}

// templates:runtime/fal/model.js
function falModel(checks, model) {
  const task = taskChecks(checks);
  const binding = { ...model, validateTask: task.validateTask };
  return {
    ...task,
    createClient: lazyClient(
      (r, options) => r.createFalClient(binding, options),
      ["run", "submit", "status", "result", "cancel"],
    ),
    /** Verifies fal's Ed25519 signature over the raw body (string, Uint8Array or Buffer) and its headers, then parses the webhook. */
    async parseWebhook(rawBody, headers, options) {
      return (await runtime()).parseFalWebhook(rawBody, headers, options);
    },
    /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
    async handleWebhook(request, options) {
      return (await runtime()).handleFalWebhook(request, options);
    },
  };
}

// templates:runtime/runflow/model.js
function runflowModel(checks, model) {
  const task = taskChecks(checks);
  const binding = { ...model, validateRequest: task.validateTask };
  return {
    ...task,
    createClient: lazyClient((r, options) => r.createRunflowClient(binding, options), ["run", "create", "get", "wait"]),
    /** Verifies `Runflow-Signature` over the raw body (string, Uint8Array or Buffer), then parses the callback. */
    async parseWebhook(rawBody, headers, secret) {
      return (await runtime()).parseRunflowWebhook(rawBody, headers, secret);
    },
    /** The same from a Fetch API Request: reads the raw body itself, so nothing parses it before the check. */
    async handleWebhook(request, options) {
      return (await runtime()).handleRunflowWebhook(request, options);
    },
  };
}
export {
  ajvEqual,
  ajvError,
  ajvGuard,
  ajvHas,
  ajvObject,
  ajvPlain,
  ajvPush,
  ajvUcs2length,
  apiKeyProblem,
  checkApiKey,
  checkExtraRules,
  date,
  dateTime,
  email,
  falModel,
  formats,
  hostname,
  ipv4,
  pathKeys,
  pointerText,
  runflowModel,
  runwareModel,
  standardSchema,
  taskChecks,
  time,
  toIssues,
  uri,
  uriReference,
  uuid,
  valueAt,
};
