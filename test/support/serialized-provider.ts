import * as pulumi from "@pulumi/pulumi";
import { campaignProvider } from "../../provider";

/**
 * The text Pulumi stores as `__provider`, produced the way dynamic.Resource produces it: a closure over
 * the provider object itself (not over the module that exports it).
 */
export async function serializedProvider(): Promise<string> {
  const provider = campaignProvider;
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}
