/**
 * The provider protocol's gRPC bindings, loaded from the installed @pulumi/pulumi (a peer dependency)
 * and its own @grpc/grpc-js and google-protobuf: messages built with another copy of protobuf would not
 * be the classes the generated service serializes.
 */
import * as path from "path";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = <T>(module: string): T => require(require.resolve(module, { paths: [pulumiDir] })) as T;

export const grpc = fromPulumi<typeof import("@grpc/grpc-js")>("@grpc/grpc-js");
export const providerRpc = fromPulumi<typeof import("@pulumi/pulumi/proto/provider_grpc_pb")>("@pulumi/pulumi/proto/provider_grpc_pb");
export const messages = fromPulumi<typeof import("@pulumi/pulumi/proto/provider_pb")>("@pulumi/pulumi/proto/provider_pb");
export const engineRpc = fromPulumi<typeof import("@pulumi/pulumi/proto/engine_grpc_pb")>("@pulumi/pulumi/proto/engine_grpc_pb");
export const engineMessages = fromPulumi<typeof import("@pulumi/pulumi/proto/engine_pb")>("@pulumi/pulumi/proto/engine_pb");
export const pluginMessages = fromPulumi<typeof import("@pulumi/pulumi/proto/plugin_pb")>("@pulumi/pulumi/proto/plugin_pb");
export const statusMessages = fromPulumi<typeof import("@pulumi/pulumi/proto/status_pb")>("@pulumi/pulumi/proto/status_pb");
export const { Empty } = fromPulumi<typeof import("google-protobuf/google/protobuf/empty_pb")>("google-protobuf/google/protobuf/empty_pb");
export const { Struct } = fromPulumi<typeof import("google-protobuf/google/protobuf/struct_pb")>(
  "google-protobuf/google/protobuf/struct_pb",
);
export const { Any } = fromPulumi<typeof import("google-protobuf/google/protobuf/any_pb")>("google-protobuf/google/protobuf/any_pb");
