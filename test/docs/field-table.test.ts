import * as assert from "assert";
import * as fs from "fs";
import { FIELDS, FIELD_NAMES, changedFields, inPlaceFields, replacingFields } from "../../provider/campaign/fields";
import { REFERENCE_FILE, referenceWithTables } from "../../scripts/generate-inputs-table";
import { TYPES_FILE, interfaceDocs } from "../../scripts/generate-schema";

describe("the field table", () => {
  it("is what docs/reference.md's inputs and errors tables say (run `npm run docs` after changing it)", () => {
    const reference = fs.readFileSync(REFERENCE_FILE, "utf8");
    assert.strictEqual(reference, referenceWithTables(reference));
    assert.match(reference, /\| `\[vox:REDIAL_GUARD\]` \| A replace would call people again/);
  });

  it("agrees with the change rule each input's JSDoc tells users in their editor", () => {
    const docs = interfaceDocs(fs.readFileSync(TYPES_FILE, "utf8")).get("CampaignArgs")!;
    for (const field of FIELD_NAMES) {
      const text = docs.get(field) ?? "";
      const says = /replaces the campaign/.test(text) ? "replace" : /in place/i.test(text) ? "in place" : "nothing";
      // tasksFile's content is compared as `tasks`, and adoptId replaces only when it names another campaign.
      if (field === "tasksFile" || field === "adoptId") continue;
      assert.strictEqual(says, FIELDS[field].onChange, `${field}: the JSDoc says "${says}", the field table "${FIELDS[field].onChange}"`);
    }
  });

  it("decides diff, update and explain with one changedFields", () => {
    const olds = {
      name: "a",
      agentId: "x",
      callTimeWindow: null,
      tasksDigest: "sha256:1",
      scheduledAt: "2027-01-01T00:00:00.000Z",
      allowRedial: false,
    };
    const news = { name: "b", agentId: "y", tasksDigest: "sha256:1", allowRedial: true };
    const changed = changedFields(olds, news, "c1");
    // scheduledAt left out later and allowRedial change nothing; an unchanged digest is the same list.
    assert.deepStrictEqual(changed, ["name", "agentId"]);
    assert.deepStrictEqual(replacingFields(changed), ["agentId"]);
    assert.deepStrictEqual(inPlaceFields(changed, "patch"), ["name"]);
    assert.deepStrictEqual(changedFields(olds, { ...olds, adoptId: "c1" }, "c1"), [], "adopting the managed campaign is no change");
    assert.deepStrictEqual(changedFields(olds, { ...olds, adoptId: "c2" }, "c1"), ["adoptId"]);
  });
});
