import { campaignProvider } from "../../provider";
import { TEST_API_KEY } from "./emulator";

/** The provider exactly as the package exports it; its runtime is the built package (`npm run build`). */
export const provider = campaignProvider as Required<typeof campaignProvider>;

/** Configures the provider as the host would, from stack config. */
export async function configureProvider(baseUrl: string, extra: Record<string, string> = {}): Promise<void> {
  const config: Record<string, string> = { "vox:apiKey": TEST_API_KEY, "vox:baseUrl": baseUrl, ...extra };
  await provider.configure({ config: { get: (key: string) => config[key] } } as never);
}

/** check as the engine calls it for a new resource, failing the test on any failure. */
export async function checked(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const result = await provider.check(olds, news);
  if (result.failures?.length) throw new Error(`unexpected failures: ${JSON.stringify(result.failures)}`);
  return result.inputs as Record<string, unknown>;
}
