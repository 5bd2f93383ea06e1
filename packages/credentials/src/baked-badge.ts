// The badge picture with the credential in it, as Open Badges 3.0 "baking" puts it: one PNG iTXt
// chunk, keyword `openbadgecredential`, holding the signed credential as JSON, uncompressed. A
// wallet that takes images gets the credential itself, which any verifier can check without us.
import { crc32 } from 'node:zlib';

/** The iTXt keyword OB 3.0 names for a baked credential. */
export const BAKED_CREDENTIAL_KEYWORD = 'openbadgecredential';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Chunk = { type: string; data: Buffer };

/** The chunks of a PNG, or null when the bytes are no well-formed PNG (bad CRCs included). */
function readChunks(png: Uint8Array): Chunk[] | null {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const chunks: Chunk[] = [];
  for (let at = 8; at < bytes.length; ) {
    if (at + 12 > bytes.length) return null;
    const length = bytes.readUInt32BE(at);
    if (at + 12 + length > bytes.length) return null;
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== bytes.readUInt32BE(at + 8 + length)) return null;
    const type = typeAndData.subarray(0, 4).toString('latin1');
    chunks.push({ type, data: Buffer.from(typeAndData.subarray(4)) });
    at += 12 + length;
    if (type === 'IEND') return chunks;
  }
  return null;
}

function writeChunk({ type, data }: Chunk): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** An iTXt chunk's keyword and text (null for any other chunk or a malformed one). */
function readItxt(chunk: Chunk): { keyword: string; compressed: boolean; text: string } | null {
  if (chunk.type !== 'iTXt') return null;
  const end = chunk.data.indexOf(0);
  if (end < 1 || end + 3 > chunk.data.length) return null;
  const keyword = chunk.data.subarray(0, end).toString('latin1');
  const compressed = chunk.data[end + 1] === 1;
  // Language tag and translated keyword, each ended by a zero byte.
  const language = chunk.data.indexOf(0, end + 3);
  const translated = language < 0 ? -1 : chunk.data.indexOf(0, language + 1);
  if (translated < 0) return null;
  return { keyword, compressed, text: chunk.data.subarray(translated + 1).toString('utf8') };
}

/**
 * Bakes `credentialJson` (the signed credential, serialised) into a PNG: one uncompressed iTXt
 * chunk right after the header, replacing any credential baked before (OB 3.0 allows exactly one).
 */
export function bakeCredentialIntoPng(png: Uint8Array, credentialJson: string): Buffer {
  const chunks = readChunks(png);
  if (chunks?.[0]?.type !== 'IHDR') throw new TypeError('Not a PNG image.');
  const baked: Chunk = {
    type: 'iTXt',
    data: Buffer.concat([
      Buffer.from(BAKED_CREDENTIAL_KEYWORD, 'latin1'),
      // Null separator, compression flag 0 and method 0 ("Compression MUST NOT be used"), then an
      // empty language tag and translated keyword, each ended by a null.
      Buffer.from([0, 0, 0, 0, 0]),
      Buffer.from(credentialJson, 'utf8'),
    ]),
  };
  const kept = chunks.filter((chunk) => readItxt(chunk)?.keyword !== BAKED_CREDENTIAL_KEYWORD);
  return Buffer.concat([PNG_SIGNATURE, ...[kept[0] as Chunk, baked, ...kept.slice(1)].map(writeChunk)]);
}

export type BakedCredential =
  | { kind: 'found'; text: string }
  | { kind: 'none' }
  | { kind: 'invalid'; reason: 'not-png' | 'compressed' | 'several' };

/** The credential text baked into a PNG, if any (OB 3.0: one uncompressed iTXt `openbadgecredential`). */
export function readBakedCredential(png: Uint8Array): BakedCredential {
  const chunks = readChunks(png);
  if (!chunks) return { kind: 'invalid', reason: 'not-png' };
  const found = chunks.flatMap((chunk) => {
    const itxt = readItxt(chunk);
    return itxt?.keyword === BAKED_CREDENTIAL_KEYWORD ? [itxt] : [];
  });
  if (found.length === 0) return { kind: 'none' };
  if (found.length > 1) return { kind: 'invalid', reason: 'several' };
  const [only] = found as [NonNullable<ReturnType<typeof readItxt>>];
  if (only.compressed) return { kind: 'invalid', reason: 'compressed' };
  return { kind: 'found', text: only.text };
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE);
}
