import * as assert from "assert";
import * as fs from "fs";
import { FIELD_NAMES } from "../../provider/campaign/fields";
import { SCHEMA_FILE, campaignJsonSchema, campaignJsonSchemaText } from "../../scripts/generate-schema";

describe("the campaign file JSON Schema", () => {
  it("is committed as `npm run schema` generates it now (run it after changing the schema or provider/campaign/args.ts)", () => {
    assert.strictEqual(fs.readFileSync(SCHEMA_FILE, "utf8"), campaignJsonSchemaText());
  });

  it("describes every input, allows $schema, and requires tasks or tasksFile but not the name", () => {
    const schema = campaignJsonSchema() as { properties: Record<string, { description?: string }>; required: string[]; oneOf: unknown };
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), [...FIELD_NAMES, "$schema"].sort());
    for (const [key, property] of Object.entries(schema.properties)) assert.ok(property.description, `${key} has no description`);
    assert.deepStrictEqual(schema.required, ["agentId", "callFrom"]);
    assert.deepStrictEqual(schema.oneOf, [{ required: ["tasks"] }, { required: ["tasksFile"] }]);
  });
});
