/**
 * Writes schema/provider.schema.json, the Pulumi package schema of the native provider
 * (`pulumi-resource-vox`): `vox:index:Campaign`, `vox:index:getCampaign` and the provider's settings.
 * The inputs come from the field table (provider/campaign/fields.ts) and the campaign's JSON Schema
 * (scripts/generate-schema.ts, itself from the zod schema and the JSDoc of provider/campaign/args.ts);
 * the outputs from the JSDoc of the `vox.Campaign` class. Run `npm run docs` after changing any of them;
 * test/native/schema.test.ts checks that the committed file is fresh.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { FIELD_NAMES, DERIVED_INPUTS } from "../provider/campaign/fields";
import { OBSERVED_KEYS } from "../provider/campaign/state";
import { DAYS } from "../provider/values/window";
import { TYPES_FILE, campaignJsonSchema, interfaceDocs, jsDocText } from "./generate-schema";

type JsonObject = { [key: string]: unknown };

export const PROVIDER_SCHEMA_FILE = path.join(__dirname, "..", "schema", "provider.schema.json");
const RESOURCE_FILE = path.join(__dirname, "..", "provider", "resource.ts");
const OBSERVED_FILE = path.join(__dirname, "..", "provider", "campaign", "observed.ts");
const PACKAGE = "vox";
const ref = (name: string): string => `#/types/${PACKAGE}:index:${name}`;

/** The object types of the inputs, by where they sit in the campaign's JSON Schema. */
const OBJECT_TYPES: [string[], string][] = [
  [["callTimeWindow"], "CallTimeWindow"],
  [["callTimeWindow", "windows", "items"], "CallWindow"],
  [["tasks", "items"], "Task"],
  [["tasksFile", "1"], "TasksFile"],
  [["suppressionLists", "items", "1"], "SuppressionList"],
];

/**
 * Inputs whose documentation differs on the native door. (`tasks` is not marked `secret`, for the Python
 * generator's sake, see providerInputs: the provider's check marks it secret whatever the program passes.)
 */
const NATIVE_DOCS: Partial<Record<string, string>> = {
  adoptId:
    "Claim the existing campaign with this id instead of creating one: one GET, never a create. " +
    "`pulumi import vox:index:Campaign <name> <id>` writes a declaration with it. Its agent, caller number and " +
    "concurrency must match the declaration. With it, `tasks` may be left out: the campaign keeps the list it has.",
};

/** The campaign statuses the API reports (docs/vox-api.md). */
const STATUSES = ["draft", "pending", "ongoing", "paused", "success", "fail", "canceled"];

/** The provider's settings: stack config `vox:<key>` for the default provider, inputs of an explicit `vox.Provider`. */
const SETTINGS: [string, JsonObject][] = [
  ["apiKey", { type: "string", secret: true, description: "The vox.ai API key. Default: the VOX_API_KEY environment variable." }],
  [
    "baseUrl",
    { type: "string", description: "The API's address (https; plain http only for loopback hosts). Default: VOX_BASE_URL, else vox.ai's." },
  ],
  ["timeoutSeconds", { type: "integer", description: "Per-request timeout in seconds (1–600). Default 30." }],
  [
    "connectTimeoutSeconds",
    {
      type: "integer",
      description: "How long to keep retrying while no connection can be made (nothing sent), in seconds (0–3600). Default 30.",
    },
  ],
  [
    "retryBudgetSeconds",
    { type: "integer", description: "How long retries of a failing request may go on, in seconds (0–3600). Default 300." },
  ],
  [
    "maxRetries",
    { type: "integer", description: "Attempts after the first one for requests safe to retry (0–100). Default: no count limit." },
  ],
  [
    "createLookupSeconds",
    { type: "integer", description: "How long a create whose answer was lost looks for the campaign, in seconds (0–3600). Default 60." },
  ],
  ["requestsPerSecond", { type: "integer", description: "The pace kept below the API's rate limit, per process (1–1000). Default 5." }],
];

/**
 * The settings as inputs of an explicit provider. Pulumi's Python generator (v3.248) writes code that
 * mypy and pyright reject for an optional input that is secret (`Output.secret` of an `Input[Optional[T]]`)
 * and for an optional provider input that is not a string (`Output.from_input(...).apply(to_json)`). So here
 * the whole numbers are text, as every provider setting travels anyway (YAML turns a number into it), and
 * the key's secrecy is the provider's: CheckConfig marks `apiKey` secret whatever the program passes.
 */
function providerInputs(): JsonObject {
  return Object.fromEntries(
    SETTINGS.map(([key, spec]) => {
      if (key === "apiKey") {
        const { secret: _secret, ...plain } = spec;
        return [key, { ...plain, description: `${spec.description as string} Stored as a secret, whatever the program passes.` }];
      }
      if (spec.type !== "integer") return [key, spec];
      return [key, { ...spec, type: "string", description: `${spec.description as string} A whole number, as text or a number.` }];
    }),
  );
}

/** The schema as committed: pretty JSON with a final newline. */
export function providerSchemaText(): string {
  return JSON.stringify(providerSchema(), null, 2) + "\n";
}

export function providerSchema(): JsonObject {
  const campaign = campaignJsonSchema();
  const inputDocs = interfaceDocs(fs.readFileSync(TYPES_FILE, "utf8")).get("CampaignArgs")!;
  const types: JsonObject = {
    [`${PACKAGE}:index:Day`]: enumType("A day of the week, in the API's spelling.", [...DAYS]),
    [`${PACKAGE}:index:CampaignStatus`]: enumType("A campaign's status in vox.ai.", STATUSES),
  };
  const convert = typeConverter(types);
  const inputProperties: JsonObject = {};
  for (const field of FIELD_NAMES) {
    const spec = convert([field], child(campaign, ["properties", field]));
    // Which changes replace is the provider's diff's to say (the redial guard stands in front of it), not the SDKs'.
    inputProperties[field] = { ...spec, description: NATIVE_DOCS[field] ?? inputDocs.get(field) };
  }
  const properties = outputProperties(inputProperties, types);
  const settings = Object.fromEntries(SETTINGS);
  return {
    name: PACKAGE,
    displayName: "vox.ai",
    description: "vox.ai voice-call campaigns (pulumi-vox's native provider).",
    license: "Apache-2.0",
    keywords: ["pulumi", "vox", "category/utility"],
    meta: { moduleFormat: "(.*)" },
    language: {
      nodejs: { packageName: "@pulumi-vox/native", respectSchemaVersion: true },
      python: { packageName: "pulumi_vox" },
      go: { importBasePath: "github.com/pulumi-vox/pulumi-vox/sdk/go/vox" },
    },
    config: { variables: settings },
    provider: { description: "The vox.ai provider: one per organization (API key).", inputProperties: providerInputs() },
    types,
    resources: {
      [`${PACKAGE}:index:Campaign`]: {
        description: classDoc(),
        inputProperties,
        requiredInputs: (campaign.required as string[]).filter((key) => key in inputProperties),
        properties,
        required: Object.keys(properties).filter((key) => !["tasks", "tasksFile", "adoptId"].includes(key)),
      },
    },
    functions: {
      [`${PACKAGE}:index:getCampaign`]: {
        description: "Reads a campaign without managing it (one GET), with the provider's settings.",
        inputs: { properties: { id: { type: "string", description: "The campaign id." } }, required: ["id"] },
        outputs: { properties: getCampaignOutputs(properties), required: ["id", "name", "status"] },
      },
    },
  };
}

function enumType(description: string, values: string[]): JsonObject {
  return { type: "string", description, enum: values.map((value) => ({ value })) };
}

/** JSON Schema (draft 7, as generate-schema.ts writes it) to Pulumi type specs; named object types go to `types`. */
function typeConverter(types: JsonObject): (where: string[], node: JsonObject) => JsonObject {
  const convert = (where: string[], node: JsonObject): JsonObject => {
    const named = OBJECT_TYPES.find(([at]) => at.join(".") === where.join("."));
    if (named) {
      const properties = child(node, ["properties"]);
      types[`${PACKAGE}:index:${named[1]}`] = {
        type: "object",
        description: node.description,
        properties: Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [
            key,
            { ...convert([...where, key], value as JsonObject), description: (value as JsonObject).description },
          ]),
        ),
        required: node.required ?? [],
      };
      return { $ref: ref(named[1]) };
    }
    if (where[where.length - 1] === "days") return { type: "array", items: { $ref: ref("Day") } };
    // `tasksFile`: a path, or a path with how to read it.
    if (Array.isArray(node.anyOf))
      return { oneOf: (node.anyOf as JsonObject[]).map((option, i) => convert([...where, String(i)], option)) };
    if (node.$ref !== undefined) return { $ref: "pulumi.json#/Any" };
    switch (node.type) {
      case "array":
        return { type: "array", items: convert([...where, "items"], node.items as JsonObject) };
      case "object":
        if (node.properties === undefined)
          return { type: "object", additionalProperties: convert([...where, "*"], node.additionalProperties as JsonObject) };
        throw new Error(`${where.join(".")}: an object type needs a name in OBJECT_TYPES (scripts/generate-provider-schema.ts)`);
      case "string":
      case "integer":
      case "number":
      case "boolean":
        return { type: node.type };
      default:
        throw new Error(
          `${where.join(".")}: no Pulumi type for JSON Schema ${JSON.stringify(node.type)}; update scripts/generate-provider-schema.ts`,
        );
    }
  };
  return convert;
}

/** The resource's outputs: its inputs (the task list aside: state keeps its count and digest) and what the API reports. */
function outputProperties(inputs: JsonObject, types: JsonObject): JsonObject {
  const docs = outputDocs();
  const properties: JsonObject = {};
  for (const [key, spec] of Object.entries(inputs)) if (key !== "tasks") properties[key] = { ...(spec as JsonObject) };
  for (const key of [...DERIVED_INPUTS, ...OBSERVED_KEYS]) {
    const member = docs.get(key);
    if (!member) throw new Error(`ObservedCampaign (provider/campaign/observed.ts) has no ${key}; update this script`);
    const type =
      key === "status" ? { $ref: ref("CampaignStatus") } : key === "suppression" ? suppressionType(types) : { type: member.type };
    properties[key] = { ...type, description: member.text };
  }
  return properties;
}

/** The type of the `suppression` output: one summary per list, never its numbers. */
function suppressionType(types: JsonObject): JsonObject {
  types[`${PACKAGE}:index:SuppressionSummary`] = {
    type: "object",
    description: "What state keeps of a suppression list.",
    properties: {
      list: { type: "string", description: "The list's path, relative to the program's folder." },
      format: { type: "string", description: "`csv` or `sha256`." },
      entries: { type: "integer", description: "Distinct numbers (or hashes) on the list." },
      digest: { type: "string", description: "Keyed digest of the entries (HMAC-SHA256 keyed by the API key); null without a key." },
      removed: {
        type: "integer",
        description: "Tasks of this campaign the list removed (a number on several lists counts for the first).",
      },
    },
    required: ["list", "format", "entries", "removed"],
  };
  return { type: "array", items: { $ref: ref("SuppressionSummary") } };
}

/** getCampaign returns the campaign's fields under the outputs' names. */
function getCampaignOutputs(properties: JsonObject): JsonObject {
  const keys = [
    "name",
    "agentId",
    "agentVersion",
    "callFrom",
    "presentationNumber",
    "concurrency",
    "callTimeWindow",
    "scheduledAt",
    "paused",
    ...OBSERVED_KEYS,
  ];
  return { id: { type: "string", description: "The campaign id." }, ...Object.fromEntries(keys.map((key) => [key, properties[key]])) };
}

/** The outputs check works out from the task list (documented here: they have no declaration of their own). */
const DERIVED_OUTPUTS: Record<(typeof DERIVED_INPUTS)[number], { text: string; type: string }> = {
  taskCount: { text: "How many tasks the campaign has.", type: "integer" },
  tasksDigest: {
    text: "`hmac-sha256:<keyId>:<hex>`, an HMAC of the normalized tasks under the API key: shows that the list changed without showing it.",
    type: "string",
  },
  suppression: {
    text: "Per suppression list: its path, format, number of entries, keyed digest and how many tasks it removed; never its numbers.",
    type: "array",
  },
};

/** The JSDoc of the `vox.Campaign` class, without its TypeScript usage example (a YAML or Python reader needs none). */
function classDoc(): string {
  const file = ts.createSourceFile("resource.ts", fs.readFileSync(RESOURCE_FILE, "utf8"), ts.ScriptTarget.Latest, true);
  const campaign = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === "Campaign");
  if (!campaign) throw new Error("provider/resource.ts has no class Campaign; update scripts/generate-provider-schema.ts");
  return jsDocText(campaign)
    .replace(/```.*```/, "")
    .trim();
}

/** The JSDoc and Pulumi type of each output only the provider sets: what the API reports (ObservedCampaign) and what check works out. */
function outputDocs(): Map<string, { text: string; type: string }> {
  const file = ts.createSourceFile("observed.ts", fs.readFileSync(OBSERVED_FILE, "utf8"), ts.ScriptTarget.Latest, true);
  const docs = new Map<string, { text: string; type: string }>(Object.entries(DERIVED_OUTPUTS));
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== "ObservedCampaign") continue;
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name) || !member.type) continue;
      const type = member.type.getText().replace(/ \| null$/, "");
      docs.set(member.name.text, { text: jsDocText(member), type: ["number", "boolean"].includes(type) ? type : "string" });
    }
  }
  return docs;
}

function child(node: JsonObject, where: string[]): JsonObject {
  let current: unknown = node;
  for (const key of where) current = (current as JsonObject | undefined)?.[key];
  if (current === null || typeof current !== "object")
    throw new Error(`the campaign's JSON Schema has no ${where.join(".")}; update scripts/generate-provider-schema.ts`);
  return current as JsonObject;
}

if (require.main === module) {
  fs.writeFileSync(PROVIDER_SCHEMA_FILE, providerSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), PROVIDER_SCHEMA_FILE)}`);
}
