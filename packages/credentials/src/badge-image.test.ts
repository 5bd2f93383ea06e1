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

describe('achievementBadgeSvg lettering', () => {
  // Shown 200 px wide on a phone's credential page: every letter at least 8 px, the name 14 px.
  const scale = 200 / 512;
  it.each([
    ['MicroCredential', 'Operator Robot Las Industri'],
    ['CertificateOfCompletion', 'Peningkatan Kompetensi Software Engineer Bersama Industri'],
  ] as const)('is legible at 200 px for a %s', (achievementType, name) => {
    const svg = achievementBadgeSvg({ name, achievementType, kkniLevel: 4, year: 2025 });
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]) * scale);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    const nameSize = /font-size="(\d+)" font-weight="700" fill="#1a1b1e"/.exec(svg)?.[1];
    expect(Number(nameSize) * scale).toBeGreaterThanOrEqual(14);
  });
});
