// The picture of an achievement (OB 3.0 `achievement.image`) when the programme has none of its
// own: a round seal drawn as SVG from what the achievement is, so every badge a teacher shares on
// LinkedIn or in a wallet has a face, and the same achievement always draws the same picture.
import type { AchievementType } from '#credential.ts';

export type BadgeImageInput = {
  /** The achievement's name in Indonesian, as on the credential. */
  name: string;
  achievementType: AchievementType;
  kkniLevel: number | null;
  /** Programme year, e.g. 2026. */
  year: number;
};

const kinds: Record<AchievementType, { label: string; ring: string; fill: string }> = {
  MicroCredential: { label: 'KREDENSIAL MIKRO', ring: '#0b7a75', fill: '#e6f4f3' },
  Certification: { label: 'SERTIFIKASI', ring: '#8a5a00', fill: '#fdf3e1' },
  CertificateOfCompletion: { label: 'SERTIFIKAT PELATIHAN', ring: '#1c5fa8', fill: '#e8f0fa' },
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Splits a name into at most `maxLines` lines of about `width` characters, ending with … when cut. */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const ellipsis = (line: string) => `${line.slice(0, width - 1).trimEnd()}…`;
  const fitted = lines.map((line) => (line.length > width ? ellipsis(line) : line));
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  kept[maxLines - 1] = ellipsis(kept[maxLines - 1] as string);
  return kept;
}

/**
 * A 512 × 512 SVG seal: the kind of credential, the name, the KKNI level and the programme. Its
 * lettering is sized to be read where the seal is shown 200 px wide (a phone's credential page).
 */
export function achievementBadgeSvg(input: BadgeImageInput): string {
  const kind = kinds[input.achievementType];
  const lines = wrapWords(input.name, 14, 4);
  const lineHeight = 44;
  const firstY = 262 - ((lines.length - 1) * lineHeight) / 2;
  const nameLines = lines
    .map(
      (line, index) =>
        `<text x="256" y="${firstY + index * lineHeight}" font-size="38" font-weight="700" fill="#1a1b1e">${escapeXml(line)}</text>`,
    )
    .join('');
  const level = input.kkniLevel ? `KKNI JENJANG ${input.kkniLevel}` : 'KMG SMK';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512" role="img"',
    ` aria-label="${escapeXml(`${input.name}: ${kind.label.toLowerCase()}`)}">`,
    `<title>${escapeXml(input.name)}</title>`,
    '<g font-family="DejaVu Sans, Verdana, Arial, sans-serif" text-anchor="middle">',
    `<circle cx="256" cy="256" r="248" fill="${kind.ring}"/>`,
    '<circle cx="256" cy="256" r="240" fill="none" stroke="#ffffff" stroke-width="3" stroke-dasharray="2 9"/>',
    `<circle cx="256" cy="256" r="200" fill="${kind.fill}"/>`,
    `<text x="256" y="126" font-size="${kind.label.length > 16 ? 21 : 24}" font-weight="700" letter-spacing="1.5" fill="${kind.ring}">${kind.label}</text>`,
    `<line x1="176" y1="142" x2="336" y2="142" stroke="${kind.ring}" stroke-width="3"/>`,
    nameLines,
    `<line x1="176" y1="372" x2="336" y2="372" stroke="${kind.ring}" stroke-width="3"/>`,
    `<text x="256" y="410" font-size="26" font-weight="700" fill="${kind.ring}">${level}</text>`,
    `<text x="256" y="484" font-size="21" font-weight="700" letter-spacing="2" fill="#ffffff">KMG SMK ${input.year}</text>`,
    '</g></svg>',
  ].join('');
}
