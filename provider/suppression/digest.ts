import { createHash, createHmac } from "crypto";

/**
 * The digest state keeps for a suppression list: an HMAC-SHA256 of its entries' sorted keys (see
 * SuppressionList.digest) as little-endian doubles, keyed by a key derived from the vox.ai API key. A plain
 * SHA-256 of a list of phone numbers can be reversed by trying every number (a hundred million 010 numbers
 * take minutes), so state never holds one: without the API key a reader of state learns only that the list
 * changed. Without a key (a preview that has none) there is no digest: null, which a diff does not compare.
 */
export function keyedListDigest(sortedKeys: Float64Array, apiKey: string | undefined): string | null {
  if (!apiKey) return null;
  const key = createHash("sha256").update("pulumi-vox suppression-list digest\0").update(apiKey).digest();
  const bytes = Buffer.from(sortedKeys.buffer, sortedKeys.byteOffset, sortedKeys.byteLength);
  return "hmac-sha256:" + createHmac("sha256", key).update(bytes).digest("hex");
}
