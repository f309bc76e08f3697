// Text that leaves the program, through the real CLI (issue 24): a spec whose model id, title, description and
// property names carry every terminal and Markdown attack, generated, linted, diffed and used to validate payloads.
// Terminal output never carries a character that acts; JSON output parses and carries none either; the README
// pages and `diff --format markdown` render those names as text (no HTML, link, image, mention, broken table row
// or broken code span).
import { beforeAll, describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { ROOT } from "../helpers/generated.js";
import { ACTING, ACTING_OR_LF, markdownProblems } from "./escaping-helpers.js";

/** Every attack at once: screen control, C1, bidi (overrides, isolates, marks), separators, NUL, DEL, a lone CR, HTML, a comment, a link, an image, an autolink, a mention, an issue reference, a pipe, backticks. */
const ATTACK = "\u001b[2J\u001b]0;pwn\u0007\u009b31m\u202e\u2066\u200e\u200f\u061c\u2028\u2029\u0000\u007f\r<img src=x onerror=alert(1)><!-- [x](https://evil.example) ![i](https://evil.example/p.png) <https://evil.example> @octocat #1 | `` ` ";
const MODEL = `evil:${ATTACK}@1`;
/** What JSON.stringify leaves raw and the JSON outputs must escape. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function spec(extra: Record<string, unknown>) {
  return {
    openapi: "3.1.0",
    info: { title: `Title ${ATTACK}`, version: "1.0.0", description: `Description ${ATTACK}\n# heading\n    code\n> quote\n- item` },
    paths: { "/": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/RequestBody" } } } }, responses: { "200": { description: "ok" } } } } },
    components: {
      schemas: {
        RequestBody: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["taskType", "taskUUID", "model"],
            properties: { taskType: { const: "videoInference" }, taskUUID: { type: "string" }, model: { const: MODEL }, [`p${ATTACK}`]: { type: "string", title: `T ${ATTACK}`, description: `D ${ATTACK}` }, ...extra },
          },
        },
      },
    },
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "modelgen-escaping-"));
const run = (args: string[]) => runCli(args, { cwd: dir });

/** Each line of terminal output free of characters that act. */
function expectTerminalSafe(out: string): void {
  for (const line of out.split("\n")) expect(line).not.toMatch(ACTING_OR_LF);
}

/** JSON output: parses, and carries no raw character that acts. */
function expectJsonSafe(out: string): unknown {
  expect(out).not.toMatch(JSON_RAW);
  expect(out).not.toMatch(ACTING);
  return JSON.parse(out);
}

beforeAll(() => {
  for (const [side, extra] of [
    ["base", {}],
    ["head", { [`q${ATTACK}`]: { type: "integer" } }],
  ] as const) {
    mkdirSync(path.join(dir, side, "specs"), { recursive: true });
    writeFileSync(path.join(dir, side, "specs", "evil.json"), JSON.stringify(spec(extra), null, 2));
  }
});

describe("generate", () => {
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    r = run(["generate", "--specs", "head/specs", "--out", "out", "--verbose"]);
  });

  test("the summary (--verbose) names the model with escapes", () => {
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expectTerminalSafe(r.stdout);
    expect(r.stdout).toContain("evil:\\x1b[2J\\x1b]0;pwn\\x07\\x9b31m\\u202e\\u2066\\u200e\\u200f\\u061c\\u2028\\u2029\\x00\\x7f\\x0d<img");
  });

  test("the model's README page renders every name, title and description as text", () => {
    const page = readFileSync(path.join(dir, "out/evil/README.md"), "utf8");
    expect(markdownProblems(page)).toEqual([]);
    // The id is one code span on its row, its CR an escape; the description's lines open no block.
    expect(page).toContain("| Model id | ```evil:\\x1b[2J");
    expect(page).toContain("\\x0d<img src=x onerror=alert(1)><!-- [x](https://evil.example)");
    // The bare URLs in code spans: on GitHub they would be live links (GFM's extended autolinks).
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;&lt;!-- \\[x\\](`https://evil.example`) !\\[i\\](`https://evil.example/p.png`) &lt;`https://evil.example`&gt; @&#8203;octocat #&#8203;1 \\|");
    expect(page).toMatch(/^\\# heading$/m);
    expect(page).toMatch(/^code$/m);
    expect(page).toMatch(/^&gt; quote$/m);
    expect(page).toMatch(/^\\- item$/m);
  });

  test("generated/README.md lists the model as text", () => {
    const index = readFileSync(path.join(dir, "out/README.md"), "utf8");
    expect(markdownProblems(index)).toEqual([]);
    expect(index.split("\n").filter((l) => l.startsWith("| ```evil:"))).toHaveLength(1);
  });
});

test("the committed generated/ README pages (real specs) have none of those problems either", () => {
  const pages = readdirSync(path.join(ROOT, "generated"), { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "README.md");
  expect(pages.length).toBeGreaterThan(4);
  for (const page of pages) expect(markdownProblems(readFileSync(path.join(ROOT, "generated", page), "utf8")), page).toEqual([]);
});

describe("lint", () => {
  test("text: the model id with escapes", () => {
    const r = run(["lint", "--specs", "head/specs"]);
    expect(r.code).toBe(0);
    expectTerminalSafe(r.stdout);
    expect(r.stdout).toContain("\\u202e\\u2066\\u200e\\u200f\\u061c\\u2028\\u2029");
  });

  test("json: U+2028/2029, bidi and C1 as \\u escapes, and the same model id once parsed", () => {
    const r = run(["lint", "--specs", "head/specs", "--format", "json", "--verbose"]);
    expect(r.code).toBe(0);
    const results = expectJsonSafe(r.stdout) as { modelId: string }[];
    expect(results.map((x) => x.modelId)).toEqual([MODEL]);
  });
});

describe("diff", () => {
  const diff = (format: string) => run(["diff", "--base", "base/specs", "--specs", "head/specs", "--format", format]);

  test("markdown: ids, paths and messages as text in their cells; no mention, link, image or HTML", () => {
    const r = diff("markdown");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(markdownProblems(r.stdout)).toEqual([]);
    // The property's name is labelled as a JSON string (`["q\u001b[2J…"]`: it is no plain name), then escaped for
    // the cell: the brackets and the backslash of each JSON escape are Markdown-escaped.
    expect(r.stdout).toContain('new optional property \\["q\\\\u001b\\[2J\\\\u001b\\]0;pwn\\\\u0007');
  });

  test("text: no escape sequence reaches the terminal", () => {
    const r = diff("text");
    expect(r.code).toBe(0);
    expectTerminalSafe(r.stdout);
    expect(r.stdout).toContain("property-added /q\\x1b[2J\\x1b]0;pwn\\x07\\x9b31m\\u202e");
  });

  test("json: escapes, and the same names once parsed", () => {
    const report = expectJsonSafe(diff("json").stdout) as { models: { modelId: string; changes: { path: string }[] }[] };
    expect(report.models[0]?.modelId).toBe(MODEL);
    expect(report.models[0]?.changes[0]?.path).toBe(`/q${ATTACK.replace(/\//g, "~1")}`);
  });
});

describe("validate", () => {
  const payload = (): string => {
    const f = path.join(dir, "payload.json");
    writeFileSync(f, JSON.stringify({ taskType: "videoInference", taskUUID: "a", model: MODEL, [`z${ATTACK}`]: 1 }, null, 2));
    return f;
  };

  test.each(["text", "github", "json"])("--format %s: property names and the model id with escapes", (format) => {
    const r = run(["validate", "--specs", "head/specs", "--format", format, payload()]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    if (format === "json") {
      const report = expectJsonSafe(r.stdout) as { results: { model: string; message: string }[] };
      expect(report.results[0]?.model).toBe(MODEL);
    } else {
      expectTerminalSafe(r.stdout);
      expect(r.stdout).toContain("\\u200e\\u200f\\u061c");
    }
  });
});

test.each([[], ["--debug"]])("an error naming a file shows its bidi marks as escapes %s", (...flags: string[]) => {
  const r = run(["generate", "--specs", "no-such\u200f\u061c\u200e\u001b[2J-folder", "--out", "out2", ...flags]);
  expect(r.code).toBe(2);
  expectTerminalSafe(r.stderr);
  expect(r.stderr).toContain("no-such\\u200f\\u061c\\u200e\\x1b[2J-folder");
  if (flags.length) expect(r.stderr).toMatch(/^SpecError: .*\n {4}at /);
});
