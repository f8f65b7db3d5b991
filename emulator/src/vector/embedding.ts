/**
 * A deterministic local text embedding standing in for an embedding model endpoint: a hashed bag of
 * words (light stemming, stop words dropped) into a fixed dimension, L2-normalised, so that texts that
 * share words are close in cosine similarity.
 */
export const DEFAULT_EMBEDDING_DIMENSION = 256;

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((word) => !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 ? word.replace(/(?:ing|ed|es|s)$/, '') : word));
}

/** FNV-1a, 32 bit: stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function embedText(text: string, dimension = DEFAULT_EMBEDDING_DIMENSION): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const token of tokenize(text)) {
    const hash = fnv1a(token);
    // The top bit picks a sign so that collisions cancel out rather than pile up.
    vector[hash % dimension] += hash & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
