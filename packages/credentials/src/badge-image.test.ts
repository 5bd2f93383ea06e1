import { describe, expect, it } from 'vitest';
import { achievementBadgeSvg, wrapWords } from '#badge-image.ts';

describe('wrapWords', () => {
  it('fills lines up to the width without breaking words', () => {
    expect(wrapWords('Operator Mesin Bubut CNC', 16, 4)).toEqual(['Operator Mesin', 'Bubut CNC']);
  });

  it('cuts what does not fit with an ellipsis, on the last line and in a too-long word', () => {
    expect(wrapWords('satu dua tiga empat lima enam tujuh delapan sembilan', 9, 2)).toEqual([
      'satu dua',
      'tiga…',
    ]);
    expect(wrapWords('Elektropneumatik', 10, 2)).toEqual(['Elektropn…']);
  });
});

describe('achievementBadgeSvg', () => {
  const input = {
    name: 'Operator Mesin Bubut CNC',
    achievementType: 'MicroCredential' as const,
    kkniLevel: 3,
    year: 2026,
  };

  it('draws the kind, the name, the KKNI level and the programme year', () => {
    const svg = achievementBadgeSvg(input);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const text of ['KREDENSIAL MIKRO', 'Operator Mesin', 'Bubut CNC', 'KKNI JENJANG 3', 'KMG SMK 2026'])
      expect(svg).toContain(`>${text}</text>`);
    expect(achievementBadgeSvg(input)).toBe(svg);
  });

  it('escapes markup in the name and tells the kinds apart', () => {
    const svg = achievementBadgeSvg({
      ...input,
      name: 'K3 <Las> & "Cat"',
      achievementType: 'CertificateOfCompletion',
      kkniLevel: null,
    });
    expect(svg).not.toContain('<Las>');
    expect(svg).toContain('&#60;Las&#62; &#38;');
    expect(svg).toContain('>SERTIFIKAT PELATIHAN</text>');
    expect(svg).toContain('>KMG SMK</text>');
  });
});
