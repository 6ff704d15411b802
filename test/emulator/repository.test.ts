import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { MAX_JSON_DEPTH } from "../../emulator/validation/json-depth";

const ROOT = resolve(__dirname, "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("the contract, the licence and the emulator docs in the repository", () => {
  it("docs/vox-api.md states the metadata depth limit the emulator enforces, as ASSUMED", () => {
    const metadataRow = read("docs/vox-api.md")
      .split("\n")
      .find((line) => line.startsWith("| tasks[].metadata |"));
    assert.ok(metadataRow, "the contract has a tasks[].metadata row");
    assert.match(metadataRow, new RegExp(`\\*\\*ASSUMED\\*\\* at most ${MAX_JSON_DEPTH} levels`));
  });

  it("no emulator file points at the shared contract outside the repository", () => {
    const files = readdirSync(join(ROOT, "emulator"), { recursive: true, encoding: "utf8" }).filter((file) => /\.(ts|md)$/.test(file));
    const strays = files.filter((file) => read(join("emulator", file)).includes("shared/vox-api.md"));
    assert.deepEqual(strays, []);
    assert.match(read("emulator/README.md"), /\(\.\.\/docs\/vox-api\.md\)/);
  });

  it("LICENSE is the Apache-2.0 text package.json declares, with the project copyright", () => {
    const license = read("LICENSE");
    assert.equal(JSON.parse(read("package.json")).license, "Apache-2.0");
    assert.match(license, /^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    assert.match(license, /END OF TERMS AND CONDITIONS/);
    assert.match(license, /\n {3}Copyright 2026 pulumi-vox contributors\n/);
    assert.ok(!license.includes("\r"), "LF line ends");
  });
});
