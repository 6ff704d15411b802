/**
 * Warnings on a resource, as the engine prints them (`warning: …` under the resource, in previews and
 * updates): the engine's Log service, at the address it gives the plugin (its last argument, and the
 * Handshake's engine address). The dynamic door has no such connection and writes to stderr instead.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import { engineMessages, engineRpc, grpc } from "./protocol";

export interface EngineLog {
  /** Shows `message` as a warning of the resource `urn`; resolves when the engine has it (or could not be told). */
  warn(urn: string, message: string): Promise<void>;
}

export function engineLog(): EngineLog & { connect(address: string): void } {
  let client: InstanceType<typeof engineRpc.EngineClient> | undefined;
  let connectedTo = "";
  return {
    connect(address) {
      if (address === "" || address === connectedTo) return;
      client?.close();
      client = new engineRpc.EngineClient(address, grpc.credentials.createInsecure());
      connectedTo = address;
    },
    warn(urn, message) {
      const request = new engineMessages.LogRequest().setSeverity(engineMessages.LogSeverity.WARNING).setUrn(urn).setMessage(message);
      return new Promise((resolve) => {
        if (!client) return fallback(message, resolve);
        client.log(request, (error: grpcTypes.ServiceError | null) => (error ? fallback(message, resolve) : resolve()));
      });
    },
  };
}

/** Without the engine's ear, stderr: the engine prints a plugin's stderr lines too. */
function fallback(message: string, done: () => void): void {
  process.stderr.write(`warning: pulumi-vox: ${message}\n`);
  done();
}
