import * as assert from "assert";
import * as fs from "fs";
import { FIELD_NAMES } from "../../provider/campaign/fields";
import { OBSERVED_KEYS } from "../../provider/campaign/state";
import { PROVIDER_SCHEMA_FILE, providerSchema, providerSchemaText } from "../../scripts/generate-provider-schema";

describe("the native provider's schema (schema/provider.schema.json)", () => {
  it("is what the field table generates (run `npm run docs` after changing it)", () => {
    assert.strictEqual(fs.readFileSync(PROVIDER_SCHEMA_FILE, "utf8"), providerSchemaText());
  });

  it("has every input of the field table, the outputs state records, and the closed value sets as enums", () => {
    const schema = providerSchema() as any;
    const campaign = schema.resources["vox:index:Campaign"];
    assert.deepStrictEqual(Object.keys(campaign.inputProperties), FIELD_NAMES);
    for (const key of [...OBSERVED_KEYS, "taskCount", "tasksDigest"]) assert.ok(campaign.properties[key], `output ${key}`);
    assert.strictEqual(campaign.properties.tasks, undefined, "state never holds the task list");
    // Secret by the provider's check, not the schema: Pulumi's Python generator writes code for a secret
    // optional input that mypy rejects (scripts/generate-provider-schema.ts); test/native/yaml.test.ts sees it secret.
    assert.strictEqual(campaign.inputProperties.tasks.secret, undefined);
    assert.deepStrictEqual(campaign.requiredInputs, ["agentId", "callFrom"]);
    const day = schema.types["vox:index:CallWindow"].properties.days.items.$ref;
    assert.deepStrictEqual(
      schema.types[day.replace("#/types/", "")].enum.map((e: { value: string }) => e.value),
      ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    );
    assert.strictEqual(campaign.properties.status.$ref, "#/types/vox:index:CampaignStatus");
    assert.strictEqual(schema.config.variables.apiKey.secret, true);
    assert.match(schema.provider.inputProperties.apiKey.description, /Stored as a secret/);
    assert.match(campaign.inputProperties.adoptId.description, /pulumi import vox:index:Campaign/);
    assert.ok(schema.functions["vox:index:getCampaign"].outputs.properties.completedCalls);
    for (const [key, spec] of Object.entries<any>(campaign.inputProperties)) assert.ok(spec.description, `${key} has a description`);
  });
});
