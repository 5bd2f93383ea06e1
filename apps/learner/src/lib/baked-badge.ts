/** The keyword of the PNG iTXt chunk Open Badges 3.0 bakes a credential into. */
const KEYWORD = 'openbadgecredential';
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/**
 * The credential JSON baked into a badge PNG (an uncompressed iTXt chunk `openbadgecredential`),
 * or null when there is none. The API verifies whatever comes out, so this only has to find it.
 */
export function readBakedCredential(bytes: Uint8Array): string | null {
  if (!isPng(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = latin1.decode(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, Math.min(at + 8 + length, bytes.length));
    if (type === 'IEND') return null;
    if (type === 'iTXt') {
      const end = data.indexOf(0);
      if (end > 0 && latin1.decode(data.subarray(0, end)) === KEYWORD && data[end + 1] === 0) {
        const language = data.indexOf(0, end + 3);
        const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
        if (translated >= 0) return new TextDecoder().decode(data.subarray(translated + 1));
      }
    }
    at += 12 + length;
  }
  return null;
}
