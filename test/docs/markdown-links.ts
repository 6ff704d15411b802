import * as fs from "fs";
import * as path from "path";

/** A relative link of a Markdown file: the file it names (resolved) and the anchor, if any. */
export interface MarkdownLink {
  from: string;
  target: string;
  file: string;
  anchor?: string;
}

/** The lines of `text` outside fenced code blocks. */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split("\n").filter((line) => {
    if (line.trimStart().startsWith("```")) fenced = !fenced;
    return !fenced;
  });
}

/** The relative links (not http:, mailto:) of the Markdown file `file`. */
export function relativeLinks(file: string): MarkdownLink[] {
  const text = proseLines(fs.readFileSync(file, "utf8")).join("\n");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => {
      const [where, anchor] = target.split("#");
      return { from: file, target, file: where === "" ? file : path.resolve(path.dirname(file), where), anchor };
    });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors the headings of a Markdown file give. */
export function anchorsOf(file: string): Set<string> {
  return new Set(
    proseLines(fs.readFileSync(file, "utf8"))
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, ""))),
  );
}

/** What is wrong with `link` where the files are as on disk: a missing file or anchor; undefined when it resolves. */
export function brokenLink(link: MarkdownLink): string | undefined {
  if (!fs.existsSync(link.file)) return `${link.target}: no such file`;
  if (link.anchor !== undefined && link.file.endsWith(".md") && !anchorsOf(link.file).has(link.anchor)) {
    return `${link.target}: no heading with the anchor #${link.anchor}`;
  }
  return undefined;
}
