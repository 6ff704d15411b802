/**
 * The native provider's gRPC service (Pulumi's provider protocol, pulumi/proto/pulumi/provider.proto):
 * each method unpacks its request, asks the door (door.ts) and packs the answer. Methods left out here
 * (Construct, Call, Parameterize, GetMapping…) answer UNIMPLEMENTED, which the engine expects of a
 * provider of custom resources only.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import type * as pb from "@pulumi/pulumi/proto/provider_pb";
import { SettingsError, resolveSettings } from "../api/settings";
import type { FieldName } from "../campaign/fields";
import { UserFacingError } from "../errors";
import { jsonEqual } from "../values/json";
import * as door from "./door";
import { engineLog } from "./engine-log";
import { Any, Empty, grpc, messages, pluginMessages, statusMessages } from "./protocol";
import { seal, unseal } from "./properties";
import { CAMPAIGN_TYPE, GET_CAMPAIGN_TOKEN, providerSchemaText } from "./schema";

type PropertyRecord = Record<string, unknown>;
type EmptyMessage = InstanceType<typeof Empty>;
type Handler<Req, Res> = (call: grpcTypes.ServerUnaryCall<Req, Res>, callback: grpcTypes.sendUnaryData<Res>) => void;

/** Inputs that are secret whatever the program says: the task list (the dynamic door marks it so too). */
const ALWAYS_SECRET = ["tasks"];
/** The provider's settings that are secret whatever the program says (the schema cannot say so: see scripts/generate-provider-schema.ts). */
const SECRET_SETTINGS = ["apiKey"];

/** An error as the engine shows it; a campaign that exists despite it travels in the details, so state keeps it. */
function toServiceError(error: unknown): Partial<grpcTypes.ServiceError> {
  const failure = error instanceof Error ? error : new Error(String(error));
  // The engine shows the message on the resource; only a fault of ours needs its stack, for a bug report.
  if (!(failure instanceof UserFacingError)) console.error(failure.stack ?? failure.message);
  const metadata = new grpc.Metadata();
  const created = failure as Error & { id?: string; properties?: PropertyRecord };
  if (typeof created.id === "string" && created.id !== "") {
    const detail = new messages.ErrorResourceInitFailed();
    detail.setId(created.id);
    detail.setProperties(seal(created.properties ?? {}));
    detail.setReasonsList([failure.message]);
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusMessages.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(failure.message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: failure.message, metadata };
}

function unary<Req, Res>(handle: (request: Req) => Promise<Res>): Handler<Req, Res> {
  return (call, callback) => {
    handle(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toServiceError(error)),
    );
  };
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>`; a parent's type may precede the type, after `$`. */
function resourceName(urn: string): door.ResourceName {
  const [head, project, , ...name] = urn.split("::");
  return { stack: head.slice("urn:pulumi:".length), project, name: name.join("::") };
}

function failuresOf(failures: { property: string; reason: string }[]): pb.CheckFailure[] {
  return failures.map(({ property, reason }) => new messages.CheckFailure().setProperty(property).setReason(reason));
}

/** The kind of a field's change in a preview: added, removed or changed; replacing or in place. */
function propertyDiff(field: FieldName, replace: boolean, olds: PropertyRecord, news: PropertyRecord): pb.PropertyDiff {
  const Kind = messages.PropertyDiff.Kind;
  const absent = (value: unknown): boolean => value === undefined || value === null;
  // The task list is compared by its digest: the outputs never hold the list itself.
  const [before, after] = field === "tasks" ? [olds.tasksDigest, news.tasksDigest ?? news.tasks] : [olds[field], news[field]];
  const kind = absent(before)
    ? replace
      ? Kind.ADD_REPLACE
      : Kind.ADD
    : absent(after)
      ? replace
        ? Kind.DELETE_REPLACE
        : Kind.DELETE
      : replace
        ? Kind.UPDATE_REPLACE
        : Kind.UPDATE;
  return new messages.PropertyDiff().setKind(kind).setInputdiff(true);
}

/** `vox:<key>` settings from a provider's inputs (`apiKey`, `baseUrl`, …), as the runtime reads stack config. */
function configSource(args: PropertyRecord): { get(key: string): string | undefined } {
  return {
    get: (key) => {
      const value = args[key.replace(/^vox:/, "")];
      if (value === undefined || value === null || value === "") return undefined;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
  };
}

/** Provider inputs from ConfigureRequest: typed args, else the older `vox:config:<key>` variables. */
function providerArgs(request: pb.ConfigureRequest): PropertyRecord {
  const args = request.getArgs();
  if (args) return unseal(args).values;
  const values: PropertyRecord = {};
  for (const [key, value] of request.getVariablesMap().entries()) values[key.replace(/^vox:(config:)?/, "")] = value;
  return values;
}

function unknownType(type: string): Error {
  return new Error(`pulumi-resource-vox has no resource type ${type}; it manages ${CAMPAIGN_TYPE}`);
}

/** The service's implementation; `version` is the package's, `engineAddress` the engine's (the plugin's last argument). */
export function providerService(version: string, engineAddress = ""): grpcTypes.UntypedServiceImplementation {
  const engine = engineLog();
  engine.connect(engineAddress);
  const service = {
    handshake: unary<pb.ProviderHandshakeRequest, pb.ProviderHandshakeResponse>(async (request) => {
      engine.connect(request.getEngineAddress());
      // A relative tasksFile is read from the program's directory, as the dynamic door reads it.
      const programDirectory = request.getProgramDirectory();
      if (programDirectory) process.chdir(programDirectory);
      return new messages.ProviderHandshakeResponse().setAcceptSecrets(true).setAcceptResources(false).setAcceptOutputs(false);
    }),
    getPluginInfo: unary<EmptyMessage, InstanceType<typeof pluginMessages.PluginInfo>>(async () =>
      new pluginMessages.PluginInfo().setVersion(version),
    ),
    getSchema: unary<pb.GetSchemaRequest, pb.GetSchemaResponse>(async () =>
      new messages.GetSchemaResponse().setSchema(providerSchemaText()),
    ),
    checkConfig: unary<pb.CheckRequest, pb.CheckResponse>(async (request) => {
      const news = unseal(request.getNews());
      const failures: { property: string; reason: string }[] = [];
      try {
        resolveSettings(configSource(news.values), {});
      } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        failures.push({ property: "", reason: error.message });
      }
      const secret = new Set([...news.secretKeys, ...SECRET_SETTINGS]);
      return new messages.CheckResponse().setInputs(seal(news.values, secret)).setFailuresList(failuresOf(failures));
    }),
    diffConfig: unary<pb.DiffRequest, pb.DiffResponse>(async (request) => {
      // A new key or address changes how campaigns are reached, never the campaigns: no replace.
      const same = jsonEqual(unseal(request.getOlds()).values, unseal(request.getNews()).values);
      const { DiffChanges } = messages.DiffResponse;
      return new messages.DiffResponse().setChanges(same ? DiffChanges.DIFF_NONE : DiffChanges.DIFF_SOME);
    }),
    configure: unary<pb.ConfigureRequest, pb.ConfigureResponse>(async (request) => {
      await door.configure(configSource(providerArgs(request)));
      return new messages.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true);
    }),
    check: unary<pb.CheckRequest, pb.CheckResponse>(async (request) => {
      if (request.getType() && request.getType() !== CAMPAIGN_TYPE) throw unknownType(request.getType());
      const olds = unseal(request.getOlds());
      const news = unseal(request.getNews());
      const result = await door.check(resourceName(request.getUrn()), olds.values, news.values);
      for (const warning of result.warnings) await engine.warn(request.getUrn(), warning);
      const secret = new Set([...news.secretKeys, ...ALWAYS_SECRET]);
      return new messages.CheckResponse().setInputs(seal(result.inputs, secret)).setFailuresList(failuresOf(result.failures));
    }),
    diff: unary<pb.DiffRequest, pb.DiffResponse>(async (request) => {
      const olds = unseal(request.getOlds()).values;
      const news = unseal(request.getNews()).values;
      const result = await door.diff(request.getId(), olds, news);
      const { DiffChanges } = messages.DiffResponse;
      const response = new messages.DiffResponse()
        .setChanges(result.changes ? DiffChanges.DIFF_SOME : DiffChanges.DIFF_NONE)
        .setReplacesList(result.replaces)
        .setDeletebeforereplace(result.deleteBeforeReplace)
        .setDiffsList([...result.changed, ...result.drift])
        .setHasdetaileddiff(true);
      for (const field of result.changed)
        response.getDetaileddiffMap().set(field, propertyDiff(field, result.replaces.includes(field), olds, news));
      // A refresh's drift of what only vox.ai decides (status, counters): a change of an output, not of an input.
      const drifted = new messages.PropertyDiff().setKind(messages.PropertyDiff.Kind.UPDATE).setInputdiff(false);
      for (const key of result.drift) response.getDetaileddiffMap().set(key, drifted);
      return response;
    }),
    create: unary<pb.CreateRequest, pb.CreateResponse>(async (request) => {
      const inputs = unseal(request.getProperties()).values;
      if (request.getPreview()) return new messages.CreateResponse().setProperties(seal(door.previewCreate(inputs)));
      const result = await door.create(inputs);
      return new messages.CreateResponse().setId(result.id).setProperties(seal(result.outs));
    }),
    read: unary<pb.ReadRequest, pb.ReadResponse>(async (request) => {
      const requestInputs = request.getInputs();
      const result = await door.read(request.getId(), unseal(request.getProperties()).values);
      const response = new messages.ReadResponse();
      if (result.id === undefined || result.props === undefined) return response;
      response.setId(result.id).setProperties(seal(result.props));
      // Without recorded inputs (`pulumi import`), the engine takes them from here: the declared fields of the outputs.
      const hasInputs = requestInputs !== undefined && Object.keys(requestInputs.toJavaScript()).length > 0;
      response.setInputs(hasInputs ? requestInputs : seal(door.importedInputs(result.id, result.props)));
      return response;
    }),
    update: unary<pb.UpdateRequest, pb.UpdateResponse>(async (request) => {
      const olds = unseal(request.getOlds()).values;
      const news = unseal(request.getNews()).values;
      if (request.getPreview()) return new messages.UpdateResponse().setProperties(seal(door.previewUpdate(olds, news)));
      const result = await door.update(request.getId(), olds, news);
      return new messages.UpdateResponse().setProperties(seal(result.outs));
    }),
    delete: unary<pb.DeleteRequest, EmptyMessage>(async (request) => {
      await door.deleteCampaign(request.getId(), unseal(request.getProperties()).values);
      return new Empty();
    }),
    invoke: unary<pb.InvokeRequest, pb.InvokeResponse>(async (request) => {
      if (request.getTok() !== GET_CAMPAIGN_TOKEN) throw new Error(`pulumi-resource-vox has no function ${request.getTok()}`);
      const { id } = unseal(request.getArgs()).values;
      if (typeof id !== "string" || id === "") {
        const failure = new messages.CheckFailure().setProperty("id").setReason("id: is required: the campaign id");
        return new messages.InvokeResponse().setFailuresList([failure]);
      }
      return new messages.InvokeResponse().setReturn(seal({ ...(await door.getCampaign(id)) }));
    }),
    // Nothing to stop: every request is bounded by the API client's timeouts and retry budget.
    cancel: unary<EmptyMessage, EmptyMessage>(async () => new Empty()),
  };
  return service as unknown as grpcTypes.UntypedServiceImplementation;
}
