// Deterministic bytes for synthetic BuildKit cache exports, shared by the delta-store tests.
import { createHash } from 'node:crypto';

/** Incompressible bytes derived from a step name, so two builds share what they should. */
export function content(name: string, size: number): Buffer {
  const chunks: Buffer[] = [];
  let block = createHash('sha256').update(name).digest();
  for (let total = 0; total < size; total += block.length) {
    chunks.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(chunks).subarray(0, size);
}

export const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
