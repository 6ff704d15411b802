import * as assert from "assert";
import * as path from "path";
import { brokenLink, relativeLinks } from "./markdown-links";

const REPO = path.resolve(__dirname, "../..");
const packageJson = require(path.join(REPO, "package.json")) as { files: string[] };

/** The Markdown files the package ships, which a user reads from node_modules/pulumi-vox. */
const SHIPPED_MARKDOWN = [
  "README.md",
  "docs/gitops.md",
  "docs/reference.md",
  "docs/secrets.md",
  "docs/vox-api.md",
  "emulator/README.md",
  "examples/ci/README.md",
];

/** Whether package.json's `files` takes `file` (a path from the repository root) into the package. */
function shipped(file: string): boolean {
  return packageJson.files.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) || `${file}/` === entry : file === entry));
}

describe("the documentation's links", () => {
  it("ships every Markdown file named here", () => {
    for (const file of SHIPPED_MARKDOWN) assert.ok(shipped(file), `${file} is not in package.json "files"`);
  });

  it("resolve, to a file and a heading, in the repository and in the package", () => {
    const problems: string[] = [];
    for (const file of SHIPPED_MARKDOWN) {
      for (const link of relativeLinks(path.join(REPO, file))) {
        const broken = brokenLink(link);
        if (broken) problems.push(`${file}: ${broken}`);
        const target = path.relative(REPO, link.file);
        if (!shipped(target)) problems.push(`${file}: ${link.target} is not in the package ("files" of package.json)`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });
});
