/**
 * The native provider's package schema, generated into schema/provider.schema.json from the field table
 * by scripts/generate-provider-schema.ts (the package ships that file; the generator needs sources it does not).
 */
import * as fs from "fs";
import * as path from "path";

export const CAMPAIGN_TYPE = "vox:index:Campaign";
export const GET_CAMPAIGN_TOKEN = "vox:index:getCampaign";

let text: string | undefined;

/** The schema as JSON text, read once. */
export function providerSchemaText(): string {
  text ??= fs.readFileSync(path.join(path.dirname(require.resolve("pulumi-vox/package.json")), "schema", "provider.schema.json"), "utf8");
  return text;
}
