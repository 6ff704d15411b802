#!/usr/bin/env node
/**
 * `pulumi-resource-vox`: the native provider plugin the Pulumi engine starts (for `vox:index:Campaign`
 * in YAML, Python, Go or TypeScript programs). It serves the provider protocol on a loopback port and
 * prints that port on stdout, the engine's handshake; everything else it says goes to stderr.
 */
import { watchEngine } from "../engine-presence";
import { grpc, providerRpc } from "./protocol";
import { providerService } from "./server";

const { version } = require("pulumi-vox/package.json") as { version: string };

const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
// The engine starts the plugin with its own address as the last argument, after any logging flags.
const engineAddress = process.argv.length > 2 ? process.argv[process.argv.length - 1] : "";
server.addService(providerRpc.ResourceProviderService, providerService(version, engineAddress));
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`pulumi-resource-vox: cannot listen on a loopback port: ${error.message}`);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});
// A killed engine cannot record what a request would do: send nothing more, and exit (see ../engine-presence.ts).
watchEngine();
