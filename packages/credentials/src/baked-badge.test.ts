import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { achievementBadgeSvg } from '#badge-image.ts';
import { renderBadgePng } from '#badge-png.ts';
import { BAKED_CREDENTIAL_KEYWORD, bakeCredentialIntoPng, readBakedCredential } from '#baked-badge.ts';

const seal = renderBadgePng(
  achievementBadgeSvg({
    name: 'Operator Robot Las Industri',
    achievementType: 'MicroCredential',
    kkniLevel: 4,
    year: 2025,
  }),
  256,
);
const credential = JSON.stringify({ id: 'urn:uuid:1', name: 'Operator Robot Las Industri — Sri Wahyuni' });

/** The chunk types of a PNG, in order. */
function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at))
    types.push(png.toString('latin1', at + 4, at + 8));
  return types;
}

describe('renderBadgePng', () => {
  it('draws the seal as a PNG of the width asked, with its text set', () => {
    expect(seal.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(seal.readUInt32BE(16)).toBe(256);
    expect(seal.readUInt32BE(20)).toBe(256);
    // A seal without its lettering would compress far smaller than one with it.
    const blank = renderBadgePng(
      achievementBadgeSvg({
        name: '',
        achievementType: 'MicroCredential',
        kkniLevel: null,
        year: 2025,
      }).replace(/<text[^>]*>[^<]*<\/text>/g, ''),
      256,
    );
    expect(seal.length).toBeGreaterThan(blank.length + 2000);
  });
});

describe('bakeCredentialIntoPng', () => {
  it('puts the credential in one uncompressed iTXt chunk after the header, and reads it back', () => {
    const baked = bakeCredentialIntoPng(seal, credential);
    expect(chunkTypes(baked).slice(0, 2)).toEqual(['IHDR', 'iTXt']);
    expect(chunkTypes(baked).at(-1)).toBe('IEND');
    const at = 8 + 12 + baked.readUInt32BE(8);
    const data = baked.subarray(at + 8, at + 8 + baked.readUInt32BE(at));
    const prefix = Buffer.concat([Buffer.from(BAKED_CREDENTIAL_KEYWORD), Buffer.from([0, 0, 0, 0, 0])]);
    expect(data.subarray(0, prefix.length)).toEqual(prefix);
    expect(data.subarray(prefix.length).toString('utf8')).toBe(credential);
    expect(readBakedCredential(baked)).toEqual({ kind: 'found', text: credential });
  });

  it('keeps the image as it was', () => {
    const pixels = (png: Buffer) => {
      const parts: Buffer[] = [];
      for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at))
        if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
          parts.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
      return inflateSync(Buffer.concat(parts));
    };
    expect(pixels(bakeCredentialIntoPng(seal, credential))).toEqual(pixels(seal));
  });

  it('replaces a credential baked before: a PNG holds one', () => {
    const again = bakeCredentialIntoPng(bakeCredentialIntoPng(seal, '{"old":true}'), credential);
    expect(chunkTypes(again).filter((type) => type === 'iTXt')).toHaveLength(1);
    expect(readBakedCredential(again)).toEqual({ kind: 'found', text: credential });
  });

  it('refuses what is not a PNG', () => {
    expect(() => bakeCredentialIntoPng(Buffer.from('{}'), credential)).toThrow(/Not a PNG/);
  });
});

describe('readBakedCredential', () => {
  it.each<[string, Buffer, ReturnType<typeof readBakedCredential>]>([
    ['a PNG with nothing baked', seal, { kind: 'none' }],
    ['a PNG cut short', seal.subarray(0, 100), { kind: 'invalid', reason: 'not-png' }],
    [
      'a PNG with a damaged chunk',
      Buffer.concat([seal.subarray(0, 40), Buffer.from([0xff]), seal.subarray(41)]),
      { kind: 'invalid', reason: 'not-png' },
    ],
  ])('reads %s', (_name, png, expected) => {
    expect(readBakedCredential(png)).toEqual(expected);
  });
});
