import { SERIALIZED_PROVIDER } from "../../provider/serialized-provider";

/** The text Pulumi stores as `__provider` for every campaign (vox.Campaign registers it as it is). */
export async function serializedProvider(): Promise<string> {
  return SERIALIZED_PROVIDER;
}
