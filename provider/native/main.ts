#!/usr/bin/env node
/**
 * `pulumi-resource-vox`: the native provider plugin the Pulumi engine starts (for `vox:index:Campaign`
 * in YAML, Python, Go or TypeScript programs). It serves the provider protocol on a loopback port and
 * prints that port on stdout, the engine's handshake; everything else it says goes to stderr.
 */
import { grpc, providerRpc } from "./protocol";
import { providerService } from "./server";

const { version } = require("pulumi-vox/package.json") as { version: string };

const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
server.addService(providerRpc.ResourceProviderService, providerService(version));
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`pulumi-resource-vox: cannot listen on a loopback port: ${error.message}`);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});
