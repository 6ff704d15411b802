/**
 * Writes schema/campaign.schema.json, the JSON Schema of a campaign file, generated from the zod
 * schema the provider validates with and documented from the JSDoc of provider/campaign/args.ts.
 * Run `npm run schema` after changing either; test/gitops checks that the committed file is fresh.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { z } from "zod";
import { campaignSchema } from "../provider/campaign/schema";
import { DAYS } from "../provider/values/window";

type JsonObject = { [key: string]: unknown };

/** Where the schema is committed. */
export const SCHEMA_FILE = path.join(__dirname, "..", "schema", "campaign.schema.json");
export const TYPES_FILE = path.join(__dirname, "..", "provider", "campaign", "args.ts");

/** Which interface of provider/campaign/args.ts documents which part of the schema. */
const DOCUMENTED_PARTS: [string[], string[]][] = [
  [[], ["CampaignArgs"]],
  [["properties", "callTimeWindow"], ["CallTimeWindowArgs"]],
  [
    ["properties", "callTimeWindow", "properties", "windows", "items"],
    ["MinuteWindowArgs", "ClockWindowArgs"],
  ],
  [["properties", "tasks", "items"], ["TaskArgs"]],
  [["properties", "tasksFile", "anyOf", "1"], ["TasksFileArgs"]],
  [["properties", "suppressionLists", "items", "anyOf", "1"], ["SuppressionListArgs"]],
];

/** The schema as committed: pretty JSON with a final newline. */
export function campaignJsonSchemaText(): string {
  return JSON.stringify(campaignJsonSchema(), null, 2) + "\n";
}

/** The JSON Schema of a campaign file. */
export function campaignJsonSchema(): JsonObject {
  // Draft 7: what editors' YAML and JSON language servers support best.
  const schema = z.toJSONSchema(campaignSchema, { io: "input", unrepresentable: "any", target: "draft-7" }) as JsonObject;
  adaptToCampaignFiles(schema);
  addEditorHints(schema);
  const docs = interfaceDocs(fs.readFileSync(TYPES_FILE, "utf8"));
  for (const [where, interfaces] of DOCUMENTED_PARTS) document(part(schema, where), interfaces, docs);
  return schema;
}

/** What a campaign file differs in from the resource's inputs: the rules zod's refinements hold, in JSON Schema words. */
function adaptToCampaignFiles(schema: JsonObject): void {
  const properties = part(schema, ["properties"]);
  schema.title = "vox.ai campaign file (pulumi-vox)";
  properties.$schema = { type: "string", description: "The JSON Schema this file follows, for editors; ignored otherwise." };
  // In a file, two inputs read differently than in a program; these notes win over the JSDoc set later.
  schema.required = (schema.required as string[]).filter((key) => key !== "name");
  part(properties, ["name"]).description = "Campaign name shown in vox.ai, 1–255 characters. Default: the file name without its extension.";
  part(properties, ["tasksFile"]).description =
    "Path of a CSV or JSON contact list, relative to this file, instead of `tasks`: state then keeps only the path, `taskCount` and `tasksDigest`. " +
    "Or `{path, phoneColumn, encoding, …}` to read a CSV whose columns are named otherwise.";
  schema.oneOf = [{ required: ["tasks"] }, { required: ["tasksFile"] }];
}

/** Completion and checks for values the zod schema takes as plain strings and transforms. */
function addEditorHints(schema: JsonObject): void {
  const window = part(schema, ["properties", "callTimeWindow", "properties", "windows", "items", "properties"]);
  const names = [...DAYS, ...DAYS.map((day) => day.slice(0, 3))];
  // Full names for completion; any letter case of full or short names is accepted, as by the provider.
  part(window, ["days"]).items = { type: "string", anyOf: [{ enum: [...DAYS] }, { pattern: `^(${names.map(anyCase).join("|")})$` }] };
  for (const key of ["start", "end"]) Object.assign(part(window, [key]), { pattern: "^\\s*\\d{1,2}:\\d{2}\\s*$", examples: ["09:00"] });
  Object.assign(part(schema, ["properties", "callTimeWindow", "properties", "timezone"]), { examples: ["Asia/Seoul"] });
  const listFile = { pattern: "\\.(csv|json|CSV|JSON)$" };
  Object.assign(part(schema, ["properties", "tasksFile", "anyOf", "0"]), listFile);
  Object.assign(part(schema, ["properties", "tasksFile", "anyOf", "1", "properties", "path"]), listFile);
}

function anyCase(word: string): string {
  return [...word].map((letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`).join("");
}

/** Sets each property's description (and the part's own) from the interfaces' JSDoc. */
function document(node: JsonObject, interfaces: string[], docs: Map<string, Map<string, string>>): void {
  for (const name of interfaces) {
    const members = docs.get(name);
    if (!members) throw new Error(`provider/campaign/args.ts has no interface ${name}; update scripts/generate-schema.ts`);
    for (const [member, text] of members) {
      if (member === "") node.description ??= text;
      else if (member in part(node, ["properties"])) part(node, ["properties", member]).description ??= text;
    }
  }
}

/** interface name → member name (`""` for the interface itself) → JSDoc text, on one line. */
export function interfaceDocs(source: string): Map<string, Map<string, string>> {
  const file = ts.createSourceFile("args.ts", source, ts.ScriptTarget.Latest, true);
  const docs = new Map<string, Map<string, string>>();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const members = new Map<string, string>([["", jsDocText(statement)]]);
    for (const member of statement.members) {
      if (ts.isPropertySignature(member) && ts.isIdentifier(member.name)) members.set(member.name.text, jsDocText(member));
    }
    docs.set(statement.name.text, members);
  }
  return docs;
}

export function jsDocText(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The object at `where`; throws when the zod schema's shape changed under this generator. */
function part(node: JsonObject, where: string[]): JsonObject {
  let current: unknown = node;
  for (const key of where) {
    current = (current as JsonObject | undefined)?.[key];
    if (current === null || typeof current !== "object") {
      throw new Error(`the generated schema has no ${where.join(".")}; update scripts/generate-schema.ts`);
    }
  }
  return current as JsonObject;
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_FILE, campaignJsonSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
