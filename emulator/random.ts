/**
 * Deterministic pseudo-random numbers keyed by a list of parts (seed, campaign, task, ...), so that the
 * same seed always gives the same call outcomes and fault decisions, whatever order things are asked in.
 */

/** Hashes the parts into 128 bits (cyrb128): four 32-bit words. */
function hashParts(parts: ReadonlyArray<string | number>): [number, number, number, number] {
  const text = parts.join("\u0000");
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/**
 * A generator of uniform numbers in [0, 1) (sfc32) seeded from the parts.
 * @example seededRandom(seed, 'call', campaignSequence, taskIndex)()
 */
export function seededRandom(...parts: Array<string | number>): () => number {
  let [a, b, c, d] = hashParts(parts);
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
