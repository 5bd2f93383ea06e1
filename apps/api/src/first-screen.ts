// The learner's landing page (the open calls) rendered into its index.html, so a phone on a slow
// connection shows the list with the page itself instead of after the app's scripts and a GraphQL
// round trip. The app replaces this markup with its own once it has its list (CallsPage).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor } from '@kmg/core/actor';
import { type Locale, pickLocale } from '@kmg/domain';
import { schema } from '@kmg/graphql';
import { formatDateRange, formatInstant, formatRatingAverage } from '@kmg/ui/format';
import type express from 'express';
import { graphql } from 'graphql';
import type { Clock } from '#clock.ts';

/**
 * The first page of the app's default list (CallsPage: open calls, nearest deadline first, ten),
 * read through the public schema as a signed-out visitor: the same visibility rules as the app.
 */
const FirstScreenQuery = /* GraphQL */ `
  query FirstScreen {
    trainingCalls(
      filter: { acceptingApplications: true }
      orderBy: { field: APPLICATION_CLOSES_AT, direction: ASC }
      first: 10
    ) {
      totalCount
      edges {
        node {
          id
          title
          mode
          city
          province {
            name
          }
          startDate
          endDate
          trainingHours
          seats
          applicationCount
          applicationClosesAt
          timeZone
          provider {
            name
          }
          providerRating {
            average
            count
          }
          skillArea {
            nameId
            nameEn
          }
        }
      }
    }
  }
`;

type FirstScreenCall = {
  id: string;
  title: string;
  mode: string;
  city: string;
  province: { name: string };
  startDate: string;
  endDate: string;
  trainingHours: number;
  seats: number;
  applicationCount: number;
  applicationClosesAt: string;
  timeZone: string;
  provider: { name: string };
  /** Null below three ratings (the schema's rule), as on the app's card. */
  providerRating: { average: number; count: number } | null;
  skillArea: { nameId: string; nameEn: string };
};

type FirstScreenData = {
  trainingCalls: { totalCount: number; edges: { node: FirstScreenCall }[] };
};

type Messages = Record<Locale, Record<string, unknown>>;

/**
 * The learner build's index.html and its messages, for pages the server fills in before the app
 * runs. Null for a build without `.vite/messages.json` (an older build) or an unexpected page:
 * those pages are then served as built.
 */
export function readAppShell(dir: string): { template: string; messages: Messages } | null {
  try {
    const template = readFileSync(join(dir, 'index.html'), 'utf8');
    const messages = JSON.parse(readFileSync(join(dir, '.vite/messages.json'), 'utf8')) as Messages;
    return template.includes('<div id="root"></div>') ? { template, messages } : null;
  } catch {
    return null;
  }
}

/** The language the app will start in: the one chosen on this device (mirrored in a cookie), else the browser's. */
export function firstScreenLocale(req: express.Request): Locale {
  const chosen = /(?:^|;\s*)kmg\.locale=(id|en)(?:;|$)/.exec(req.headers.cookie ?? '')?.[1];
  return chosen === 'en' || chosen === 'id' ? chosen : pickLocale(req.headers['accept-language']);
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an element or a quoted attribute: everything from the database comes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/** i18next's lookup, as far as these strings need it: nested keys, `_one`/`_other`, `{{name}}`. */
export function translator(messages: Record<string, unknown>, locale: Locale) {
  const plural = new Intl.PluralRules(locale === 'en' ? 'en-GB' : 'id-ID');
  const lookup = (key: string): string | undefined => {
    let node: unknown = messages;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return typeof node === 'string' ? node : undefined;
  };
  return (key: string, values: Record<string, string | number> = {}) => {
    const count = values.count;
    const text =
      (typeof count === 'number' && (lookup(`${key}_${plural.select(count)}`) ?? lookup(`${key}_other`))) ||
      lookup(key) ||
      key;
    return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
  };
}

/**
 * Styles for the markup below, in the page itself (the CSP allows inline styles, not scripts):
 * the app's card, header and page layout in plain CSS, so nothing moves when the app takes over.
 * While `#first-screen` is there the app renders out of sight (`#root` hidden).
 */
const styles = `
#first-screen~#root{display:none}
#first-screen{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:#000;line-height:1.55;-webkit-text-size-adjust:100%}
body{margin:0;background:#f8f9fa}
.fs-header{position:sticky;top:0;z-index:100;background:#fff;border-bottom:1px solid #dee2e6}
.fs-wrap{box-sizing:border-box;max-width:1140px;margin:0 auto;padding:0 16px}
.fs-header .fs-wrap{display:flex;align-items:center;height:56px}
.fs-logo{display:inline-flex;align-items:center;height:34px;padding:0 8px;border-radius:4px;background:#00716b;color:#fff;font-weight:800;font-size:15px;letter-spacing:.04em;text-decoration:none}
.fs-main{padding:20px 0 96px}
.fs-main h1{margin:0;font-size:24px;line-height:1.2;font-weight:700}
.fs-lead{margin:4px 0 0;color:#495057;font-size:14px}
.fs-layout{display:grid;gap:32px;margin-top:20px}
.fs-layout>:first-child{display:none}
.fs-search{display:block;box-sizing:border-box;width:100%;height:42px;padding:0 14px;border:1px solid #ced4da;border-radius:8px;font:inherit;font-size:16px;background:#fff}
.fs-count{margin:17px 0 12px;font-size:16px;line-height:1.3;font-weight:600;color:#343a40}
.fs-list{display:grid;gap:16px}
.fs-card{position:relative;display:grid;gap:12px;padding:16px;background:#fff;border:1px solid #dee2e6;border-radius:8px}
.fs-badge{justify-self:start;max-width:100%;box-sizing:border-box;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;padding:0 8px;height:20px;line-height:20px;border-radius:1000px;background:#e6f7f6;color:#00716b;font-size:11px;font-weight:600;letter-spacing:.25px}
.fs-card h3{margin:0;font-size:18px;line-height:1.3;font-weight:700}
.fs-card h3 a{color:#212529;text-decoration:none}
.fs-card h3 a::after{content:"";position:absolute;inset:0;border-radius:inherit}
.fs-provider{margin:2px 0 0;font-size:14px;color:#495057}
.fs-rating{margin:0;font-size:14px;color:#343a40}
.fs-rating span:first-child{color:#b35c00}
.fs-facts{list-style:none;margin:0;padding:0;display:grid;gap:6px}
.fs-facts li,.fs-deadline{padding-left:26px;font-size:14px;line-height:1.4;color:#343a40}
.fs-deadline{margin:0;padding-top:10px;border-top:1px solid #e9ecef}
.fs-deadline b{font-weight:600;color:#1f1f1f}
.fs-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (min-width:48em){.fs-header .fs-wrap{height:64px}.fs-main h1{font-size:32px}.fs-lead{font-size:16px}}
@media (min-width:62em){.fs-layout{grid-template-columns:300px minmax(0,1fr);align-items:start}.fs-layout>:first-child{display:block}}
`.replace(/\n/g, '');

/** The provider's rating as the app's card shows it: a star and "4,2 (6 penilaian)", read out in full. */
function renderRating(call: FirstScreenCall, locale: Locale, t: ReturnType<typeof translator>): string {
  if (!call.providerRating) return '';
  const values = {
    average: formatRatingAverage(call.providerRating.average, locale),
    ratings: call.providerRating.count,
  };
  return [
    '<p class="fs-rating" data-testid="provider-rating">',
    `<span aria-hidden="true">★</span> <span aria-hidden="true">${escapeHtml(t('learner.rating.providerRatingShort', values))}</span>`,
    `<span class="fs-hidden">${escapeHtml(t('learner.rating.providerRating', values))}</span>`,
    '</p>',
  ].join('');
}

function renderCard(call: FirstScreenCall, locale: Locale, t: ReturnType<typeof translator>): string {
  const skillArea = locale === 'en' ? call.skillArea.nameEn : call.skillArea.nameId;
  const place = `${t(`status.mode.${call.mode}`)} · ${call.city}, ${call.province.name}`;
  const dates = `${formatDateRange(call.startDate, call.endDate, locale)} · ${t('common.hours', { count: call.trainingHours })}`;
  const seats = `${t('learner.call.quota', { count: call.seats })} · ${t('common.applications', { count: call.applicationCount })}`;
  const deadline = formatInstant(call.applicationClosesAt, locale, call.timeZone);
  return [
    '<article class="fs-card">',
    `<span class="fs-badge">${escapeHtml(skillArea)}</span>`,
    `<div><h3><a href="/pelatihan/${escapeHtml(encodeURIComponent(call.id))}">${escapeHtml(call.title)}</a></h3>`,
    `<p class="fs-provider">${escapeHtml(call.provider.name)}</p>${renderRating(call, locale, t)}</div>`,
    '<ul class="fs-facts">',
    `<li><span class="fs-hidden">${escapeHtml(t('learner.call.place'))}: </span>${escapeHtml(place)}</li>`,
    `<li><span class="fs-hidden">${escapeHtml(t('learner.call.dates'))}: </span>${escapeHtml(dates)}</li>`,
    `<li>${escapeHtml(seats)}</li>`,
    '</ul>',
    `<p class="fs-deadline">${escapeHtml(t('learner.call.deadline'))}: <b>${escapeHtml(deadline)}</b></p>`,
    '</article>',
  ].join('');
}

function renderFirstScreen(data: FirstScreenData, locale: Locale, t: ReturnType<typeof translator>): string {
  const calls = data.trainingCalls;
  return [
    '<div id="first-screen">',
    // Named as the app's brand link is, "KMG" and the programme's name read out (label in name).
    `<header class="fs-header"><div class="fs-wrap"><a class="fs-logo" href="/">KMG<span class="fs-hidden"> ${escapeHtml(t('common.appName'))}</span></a></div></header>`,
    '<main class="fs-main"><div class="fs-wrap">',
    `<h1>${escapeHtml(t('learner.calls.title'))}</h1>`,
    `<p class="fs-lead">${escapeHtml(t('learner.calls.lead'))}</p>`,
    '<div class="fs-layout"><div></div><div>',
    // Searching works before the app does: the app reads `q` from the address.
    `<form action="/" method="get" role="search"><label class="fs-hidden" for="fs-q">${escapeHtml(t('learner.calls.searchLabel'))}</label>`,
    `<input class="fs-search" id="fs-q" type="search" name="q" placeholder="${escapeHtml(t('learner.calls.searchPlaceholder'))}"></form>`,
    `<section aria-labelledby="fs-count"><h2 class="fs-count" id="fs-count">${escapeHtml(t('learner.calls.countOpen', { count: calls.totalCount }))}</h2>`,
    `<div class="fs-list">${calls.edges.map(({ node }) => renderCard(node, locale, t)).join('')}</div>`,
    '</section></div></div></div></main></div>',
  ].join('');
}

/**
 * A handler for `GET /` on the learner app (the list's first page only: an address with filters
 * gets the plain page). Null when the build has no `.vite/messages.json` (an older build): then
 * the page is served as built.
 */
export function createFirstScreen({ dir, clock }: { dir: string; clock: Clock }) {
  const shell = readAppShell(dir);
  if (!shell) return null;
  const { template, messages } = shell;

  const handler: express.RequestHandler = async (req, res, next) => {
    if (req.path !== '/' || Object.keys(req.query).length > 0) return next();
    const locale = firstScreenLocale(req);
    // Signed out whoever asks: the list is public, and the page holds nothing of the viewer.
    const result = await graphql({
      schema,
      source: FirstScreenQuery,
      contextValue: createActor({ viewer: null, locale, now: clock() }),
    });
    if (result.errors || !result.data) {
      console.error('First screen failed; serving the plain page', result.errors);
      return next();
    }
    const t = translator(messages[locale], locale);
    // The app's stylesheets move below the first screen: a stylesheet in the body holds back only
    // what follows it, so the list paints before they arrive (another request on a slow network).
    const stylesheets: string[] = [];
    const html = template
      .replace(/<html lang="[^"]*">/, `<html lang="${locale}">`)
      .replace(/\s*<link rel="stylesheet"[^>]*>/g, (link) => {
        stylesheets.push(link.trim());
        return '';
      })
      .replace('</head>', `<style>${styles}</style></head>`)
      .replace(
        '<div id="root"></div>',
        `${renderFirstScreen(result.data as FirstScreenData, locale, t)}${stylesheets.join('')}<div id="root"></div>`,
      );
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
    res.type('html').send(html);
  };
  return handler;
}
