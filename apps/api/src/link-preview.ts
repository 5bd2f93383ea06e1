// Link previews for shared credentials. The learner app renders in the browser, and the crawlers
// behind WhatsApp, LinkedIn, Facebook and X run no scripts: they read Open Graph and Twitter card
// tags from the HTML itself. So `/verify/<id>` and `/kredensial/<id>` are served as the app's
// index.html with those tags written in for that credential.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CERTIFICATE_TIME_ZONE, credentialConfig } from '@kmg/core/credentials/config';
import { type CredentialPreview, credentialPreviewFor } from '@kmg/core/credentials/link-preview';
import { decodeId } from '@kmg/core/ids';
import { db } from '@kmg/db';
import { type Locale, localDateAt } from '@kmg/domain';
import { formatLocalDate } from '@kmg/ui/format';
import type express from 'express';
import type { Clock } from '#clock.ts';
import { escapeHtml, firstScreenLocale } from '#first-screen.ts';

const texts = {
  id: {
    siteName: 'KMG – Kredensial Mikro Guru SMK',
    genericTitle: 'Verifikasi kredensial – KMG',
    genericDescription:
      'Periksa keaslian kredensial mikro guru SMK yang diterbitkan melalui KMG: penerbit, tanda tangan dan statusnya.',
    description: (p: { issuer: string; learner: string; date: string }) =>
      `Kredensial mikro dari ${p.issuer} untuk ${p.learner}, diberikan ${p.date}. Periksa keasliannya di KMG.`,
    imageAlt: (name: string) => `Lencana ${name}`,
    locale: 'id_ID',
  },
  en: {
    siteName: 'KMG – Micro-credentials for SMK Teachers',
    genericTitle: 'Verify a credential – KMG',
    genericDescription:
      'Check a micro-credential issued to an SMK teacher through KMG: its issuer, signature and status.',
    description: (p: { issuer: string; learner: string; date: string }) =>
      `A micro-credential from ${p.issuer} to ${p.learner}, awarded ${p.date}. Check it is genuine on KMG.`,
    imageAlt: (name: string) => `Badge: ${name}`,
    locale: 'en_GB',
  },
} as const;

/** The tags for one preview, each value escaped (names and titles come from the database). */
export function previewTags(preview: CredentialPreview, locale: Locale): { title: string; tags: string } {
  const t = texts[locale];
  const { publicUrl } = credentialConfig();
  const credential = preview.kind === 'credential' ? preview : null;
  const title = credential
    ? `${credential.name}${credential.learnerName ? ` – ${credential.learnerName}` : ''}`
    : t.genericTitle;
  const description = credential
    ? t.description({
        issuer: credential.issuerName,
        learner: credential.learnerName,
        date: formatLocalDate(localDateAt(new Date(credential.awardedAt), CERTIFICATE_TIME_ZONE), locale),
      })
    : t.genericDescription;
  const image = credential
    ? { url: credential.imageUrl, size: 512, alt: t.imageAlt(credential.name) }
    : { url: `${publicUrl}/icon-512.png`, size: 512, alt: 'KMG' };
  const properties: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', t.siteName],
    ['og:locale', t.locale],
    ['og:title', title],
    ['og:description', description],
    ['og:url', preview.url],
    ['og:image', image.url],
    ['og:image:type', 'image/png'],
    ['og:image:width', String(image.size)],
    ['og:image:height', String(image.size)],
    ['og:image:alt', image.alt],
  ];
  // A square badge: the small card, not the large one (which crops to 2:1).
  const names: [string, string][] = [
    ['description', description],
    ['twitter:card', 'summary'],
    ['twitter:title', title],
    ['twitter:description', description],
    ['twitter:image', image.url],
    ['twitter:image:alt', image.alt],
  ];
  const tags = [
    ...names.map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`),
    ...properties.map(
      ([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}">`,
    ),
    `<link rel="canonical" href="${escapeHtml(preview.url)}">`,
  ].join('');
  return { title, tags };
}

/**
 * A handler for the credential pages (`/verify/:id`, `/kredensial/:id`): the app's index.html with
 * the credential's preview tags. Null when the build has no index.html.
 */
export function createLinkPreview({ dir, clock }: { dir: string; clock: Clock }) {
  let template: string;
  try {
    template = readFileSync(join(dir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  const handler: express.RequestHandler<{ id: string }> = async (req, res, next) => {
    // Other pages under these paths (`/kredensial/impor`) are the app's own.
    const id = decodeId(req.params.id);
    if (!id) return next();
    const locale = firstScreenLocale(req);
    const { title, tags } = previewTags(
      await credentialPreviewFor(db(), id, { locale, now: clock() }),
      locale,
    );
    const html = template
      .replace(/<html lang="[^"]*">/, `<html lang="${locale}">`)
      .replace(/\s*<meta name="description"[^>]*>/, '')
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
      .replace('</head>', `${tags}</head>`);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
    res.type('html').send(html);
  };
  return handler;
}
