// One escaper per destination (generator/text/escape.ts), each given every attack a spec, a payload or a file name
// can carry: terminal control and reordering characters, Markdown HTML, links, images, autolinks, mentions, pipes,
// line breaks and backticks, and the characters JSON.stringify leaves raw.
import { describe, expect, test } from "vitest";
import { escapeJsonText, escapeTerminal, markdownCell, markdownCode, markdownHtml, markdownParagraph, stringifyJson } from "../../generator/text/escape.js";
import { ACTING, prose, unescapedPipes } from "./escaping-helpers.js";

/** Every character that acts instead of showing, one of each kind the escapers must catch. */
const CONTROLS = ["\u0000", "\u0007", "\u0008", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009b", "\u061c", "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("terminal", () => {
  test.each(CONTROLS)("U+%s is shown as an escape that names it", (c) => {
    const n = c.charCodeAt(0);
    const out = escapeTerminal(`a${c}b`);
    expect(out).toBe(`a${n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`}b`);
    expect(out).not.toMatch(ACTING);
  });

  test("screen-clearing, title-setting and recolouring sequences lose their ESC; printable text is kept", () => {
    expect(escapeTerminal("\u001b[2J\u001b]0;pwn\u0007\u009b31mok é 漢 🙂")).toBe("\\x1b[2J\\x1b]0;pwn\\x07\\x9b31mok é 漢 🙂");
  });
});

describe("JSON", () => {
  test("DEL, C1, the separators and bidi controls become \\u escapes, and the text still parses to the same value", () => {
    const value = { [`k${CONTROLS.join("")}`]: CONTROLS.join("") };
    expect(JSON.stringify(value)).toMatch(/[\u2028\u202e\u0085]/); // what JSON.stringify alone leaves
    const text = stringifyJson(value, 2);
    expect(text).not.toMatch(ACTING); // the line feeds are the indentation's
    expect(text).toContain("\\u202e");
    expect(text).toContain("\\u2028");
    expect(text).toContain("\\u061c");
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeJsonText('"\u2066"')).toBe('"\\u2066"');
  });
});

/** One of each Markdown attack. */
const MD_ATTACKS = {
  html: "<img src=x onerror=alert(1)>",
  comment: "<!-- hides the rest",
  link: "[click](https://evil.example)",
  image: "![x](https://evil.example/p.png)",
  autolink: "<https://evil.example>",
  mention: "@octocat",
  reference: "#1",
  repoReference: "owner/repo#1",
  ghReference: "GH-1",
  pipe: "a | b",
  backtick: "`` ` ```",
  entity: "&lt;img&gt;",
  nul: "a\u0000b",
  bidi: "a\u202eb\u2066c",
  cr: "a\rb",
  bareUrl: "https://evil.example/login?next=1",
  bareWww: "WWW.evil.example",
  bareFtp: "ftp://evil.example/x",
};

describe.each([
  ["cell", markdownCell],
  ["paragraph", markdownParagraph],
])("Markdown %s", (_, escape) => {
  test.each(Object.entries(MD_ATTACKS))("%s renders as the text it is", (kind, attack) => {
    const out = escape(`x ${attack} y`);
    const text = prose(out);
    expect(out).not.toMatch(ACTING);
    expect(text).not.toContain("<");
    expect(text.replace(/\\\\/g, "")).not.toMatch(/(?<!\\)[[\]`]/);
    expect(text).not.toMatch(/(?<![\p{L}\p{N}_`])@octocat/u);
    expect(text).not.toMatch(/#1\b/);
    expect(text).not.toMatch(/\bGH-1\b/);
    if (escape === markdownCell) expect(unescapedPipes(out)).toBe(0);
    if (kind === "entity") expect(out).toContain("&amp;lt;img&amp;gt;");
    expect(text, "no bare URL outside code, which GitHub would link").not.toMatch(/(?:https?|ftp):\/\/|www\./i);
  });

  test("a bare URL is shown whole in a code span, the punctuation after it outside (GFM's autolink extent)", () => {
    const inTable = escape === markdownCell;
    expect(escape("see https://fal.ai/models/x. Or (https://en.wikipedia.org/wiki/Foo_(bar)), www.example.com!")).toBe("see `https://fal.ai/models/x`. Or (`https://en.wikipedia.org/wiki/Foo_(bar)`), `www.example.com`!");
    expect(escape("<https://evil.example>")).toBe("&lt;`https://evil.example`&gt;");
    expect(escape("https://a.example/`x|y")).toBe(inTable ? "``https://a.example/`x\\|y``" : "``https://a.example/`x|y``");
  });

  test("an email address and a colour are left alone; the author's code spans are kept", () => {
    expect(escape("mail a@b.example, colour #1E2A39, use `x` or ``a`b``")).toBe("mail a@b.example, colour #1E2A39, use `x` or ``a`b``");
  });
});

describe("Markdown paragraph blocks", () => {
  test("a line cannot open a heading, a quote, a list, a rule, a code block or a table; CR and the separators break lines", () => {
    const out = markdownParagraph("intro\r# heading\n> quote\n- item\n+ item\n1. item\n2) item\n***\n___\n~~~\n=====\n    indented code\n|a|b|\n|-|-|\u2028after\u2029para");
    expect(out.split("\n")).toEqual(["intro", "\\# heading", "&gt; quote", "\\- item", "\\+ item", "1\\. item", "2\\) item", "\\***", "\\___", "\\~~~", "\\=====", "indented code", "\\|a\\|b\\|", "\\|-\\|-\\|", "after", "", "para"]);
  });
});

describe("inline code", () => {
  test("backticks inside take a longer fence; leading and trailing backticks and spaces are padded", () => {
    expect(markdownCode("a`b")).toBe("``a`b``");
    expect(markdownCode("``x``")).toBe("``` ``x`` ```");
    expect(markdownCode(" x ")).toBe("`  x  `");
    expect(markdownCode("plain")).toBe("`plain`");
  });

  test("a lone CR, a line feed, NUL and bidi controls are escapes, so the span cannot break", () => {
    expect(markdownCode("id\rnext\n\u0000\u202e")).toBe("`id\\x0dnext\\x0a\\x00\\u202e`");
  });

  test("in a table the pipes are escaped (a table splits cells before it reads code spans)", () => {
    expect(markdownCode("a|b", { inTable: true })).toBe("`a\\|b`");
    expect(markdownCode("a|b")).toBe("`a|b`");
  });
});

describe("text inside an HTML block", () => {
  test("no tag, entity, mention or control gets through", () => {
    const out = markdownHtml(`${Object.values(MD_ATTACKS).join(" ")} "q"`);
    expect(out).not.toMatch(/[<>"]/);
    expect(out).not.toMatch(ACTING);
    expect(out).not.toMatch(/(?<![\p{L}\p{N}_`])@octocat/u);
    expect(out).toContain("&amp;lt;img&amp;gt;");
  });
});
