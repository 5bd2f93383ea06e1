// A teacher's public profile (/guru/<slug>) served with its content in the page: a title, a
// description and Open Graph tags for link previews, and the profile itself as plain HTML that
// search engines read and the app replaces once it starts (React empties #root on its first render).
import { createActor } from '@kmg/core/actor';
import { schema } from '@kmg/graphql';
import type express from 'express';
import { graphql } from 'graphql';
import type { Clock } from '#clock.ts';
import { escapeHtml, firstScreenLocale, readAppShell, translator } from '#first-screen.ts';

/** The same query the page makes (PublicProfilePage), through the public schema, signed out. */
const ProfileQuery = /* GraphQL */ `
  query ProfilePageHtml($slug: String!) {
    publicProfile(slug: $slug) {
      slug
      url
      name
      school {
        name
      }
      credentials {
        credentialId
        name
        issuerName
        verifyUrl
      }
      pathways {
        credentialId
        name
        issuerName
        verifyUrl
      }
    }
  }
`;

type ProfileCredential = { credentialId: string; name: string; issuerName: string; verifyUrl: string };
type Profile = {
  slug: string;
  url: string;
  name: string;
  school: { name: string } | null;
  credentials: ProfileCredential[];
  pathways: ProfileCredential[];
};

function list(heading: string, credentials: ProfileCredential[], t: ReturnType<typeof translator>) {
  if (credentials.length === 0) return '';
  const items = credentials
    .map(
      (credential) =>
        `<li><a href="/verify/${escapeHtml(encodeURIComponent(credential.credentialId))}">${escapeHtml(credential.name)}</a> · ${escapeHtml(t('learner.publicProfile.issuedBy', { issuer: credential.issuerName }))}</li>`,
    )
    .join('');
  return `<h2>${escapeHtml(heading)}</h2><ul>${items}</ul>`;
}

/**
 * A handler for `GET /guru/:slug` on the learner app. Null when the build has no
 * `.vite/messages.json`: the page is then served as built, like any other.
 */
export function createProfilePage({ dir, clock }: { dir: string; clock: Clock }) {
  const shell = readAppShell(dir);
  if (!shell) return null;
  const { template, messages } = shell;

  const handler: express.RequestHandler = async (req, res, next) => {
    const locale = firstScreenLocale(req);
    const result = await graphql({
      schema,
      source: ProfileQuery,
      variableValues: { slug: String(req.params.slug ?? '') },
      contextValue: createActor({ viewer: null, locale, now: clock() }),
    });
    if (result.errors) {
      console.error('Profile page failed; serving the plain page', result.errors);
      return next();
    }
    const profile = (result.data as { publicProfile: Profile | null } | undefined)?.publicProfile ?? null;
    const t = translator(messages[locale], locale);
    const title = profile
      ? `${t('learner.publicProfile.pageTitle', { name: profile.name })} · KMG`
      : `${t('learner.publicProfile.notFoundTitle')} · KMG`;
    const names = [...(profile?.pathways ?? []), ...(profile?.credentials ?? [])].map((c) => c.name);
    const description = profile
      ? [
          profile.school ? t('learner.publicProfile.teacherAt', { school: profile.school.name }) : '',
          names.join(', '),
        ]
          .filter(Boolean)
          .join(' · ')
          .slice(0, 300)
      : t('learner.publicProfile.notFoundText');
    const head = [
      `<title>${escapeHtml(title)}</title>`,
      `<meta name="description" content="${escapeHtml(description)}">`,
      ...(profile
        ? [
            `<link rel="canonical" href="${escapeHtml(profile.url)}">`,
            '<meta property="og:type" content="profile">',
            `<meta property="og:title" content="${escapeHtml(title)}">`,
            `<meta property="og:description" content="${escapeHtml(description)}">`,
            `<meta property="og:url" content="${escapeHtml(profile.url)}">`,
          ]
        : ['<meta name="robots" content="noindex">']),
    ].join('');
    const body = profile
      ? [
          '<main>',
          `<h1>${escapeHtml(profile.name)}</h1>`,
          profile.school
            ? `<p>${escapeHtml(t('learner.publicProfile.teacherAt', { school: profile.school.name }))}</p>`
            : '',
          list(t('learner.publicProfile.pathways'), profile.pathways, t),
          list(t('learner.publicProfile.credentials'), profile.credentials, t),
          '</main>',
        ].join('')
      : '';
    const html = template
      .replace(/<html lang="[^"]*">/, `<html lang="${locale}">`)
      .replace(/<title>[^<]*<\/title>/, '')
      .replace(/\s*<meta name="description"[^>]*>/, '')
      .replace('</head>', `${head}</head>`)
      .replace('<div id="root"></div>', `<div id="root">${body}</div>`);
    res.status(profile ? 200 : 404);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
    res.type('html').send(html);
  };
  return handler;
}
