import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '#first-screen.ts';
import { assignFixtureReviewer, callInput, demo, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi } from '#test/harness.ts';

// A learner build as far as the first screen reads it: the page and the words it needs (the real
// ones come from the app's messages at build time; the browser test reads those).
const indexHtml = `<!doctype html>
<html lang="id">
  <head>
    <script type="module" crossorigin src="/assets/index.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const words = (language: 'id' | 'en') =>
  language === 'id'
    ? {
        common: {
          appName: 'Kredensial Mikro Guru SMK',
          hours: '{{count}} jam',
          applications_other: '{{count}} pendaftar',
        },
        status: { mode: { ONLINE: 'Daring', OFFLINE: 'Luring', BLENDED: 'Campuran' } },
        learner: {
          calls: {
            title: 'Pelatihan untuk guru SMK',
            lead: 'Pelatihan singkat',
            searchLabel: 'Cari pelatihan',
            searchPlaceholder: 'Cari pelatihan',
            countOpen_other: '{{count}} pelatihan menerima pendaftaran',
          },
          call: {
            place: 'Tempat',
            dates: 'Tanggal pelatihan',
            quota_other: 'Kuota {{count}} peserta',
            deadline: 'Batas pendaftaran',
          },
          rating: {
            providerRating: 'Penilaian guru untuk penyelenggara: {{average}} dari 5 ({{ratings}} penilaian)',
            providerRatingShort: '{{average}} ({{ratings}} penilaian)',
          },
        },
      }
    : {
        common: {
          appName: 'Vocational Teacher Micro-credentials',
          hours: '{{count}} hours',
          applications_one: '{{count}} applicant',
          applications_other: '{{count}} applicants',
        },
        status: { mode: { ONLINE: 'Online', OFFLINE: 'In person', BLENDED: 'Blended' } },
        learner: {
          calls: {
            title: 'Trainings for SMK teachers',
            lead: 'Short trainings',
            searchLabel: 'Search trainings',
            searchPlaceholder: 'Search trainings',
            countOpen_one: '{{count}} training open for applications',
            countOpen_other: '{{count}} trainings open for applications',
          },
          call: {
            place: 'Place',
            dates: 'Training dates',
            quota_other: '{{count}} seats',
            deadline: 'Apply by',
          },
          rating: {
            providerRating: 'Teachers’ rating of the provider: {{average}} out of 5 ({{ratings}} ratings)',
            providerRatingShort: '{{average}} ({{ratings}} ratings)',
          },
        },
      };

const hostileTitle = `Las <script>alert("x")</script> & 'kutip' "ganda"`;

let api: TestApi;
let webRoot: string;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'kmg-web-'));
  const dist = join(webRoot, 'learner', 'dist');
  await mkdir(join(dist, '.vite'), { recursive: true });
  await writeFile(join(dist, 'index.html'), indexHtml);
  await writeFile(join(dist, '.vite', 'messages.json'), JSON.stringify({ id: words('id'), en: words('en') }));
  api = await startTestApi({ webRoot });
});
afterAll(async () => {
  await api?.close();
  await rm(webRoot, { recursive: true, force: true });
});

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  return { response, html: await response.text() };
}

const cards = (html: string) => html.match(/<article class="fs-card">.*?<\/article>/g) ?? [];

describe('GET / (the learner app)', () => {
  it('comes with the open calls rendered in, in Indonesian by default', async () => {
    const { response, html } = await page('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toMatch(/Accept-Language/);
    expect(html).toContain('<html lang="id">');
    expect(html).toMatch(/<h2 class="fs-count" id="fs-count">\d+ pelatihan menerima pendaftaran<\/h2>/);
    const list = cards(html);
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(10);
    for (const card of list) {
      expect(card).toMatch(/<h3><a href="\/pelatihan\/[^"]+">[^<]+<\/a><\/h3>/);
      expect(card).toMatch(/Kuota \d+ peserta · \d+ pendaftar/);
      expect(card).toMatch(/Batas pendaftaran: <b>\d+ \w+ \d{4} pukul \d\d\.\d\d WI(B|TA|T)<\/b>/);
      expect(card).toMatch(
        / (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} · \d+ jam/,
      );
    }
    // The app's stylesheet follows the list, so the list paints before it arrives; the app's
    // script stays the only script (the CSP allows no inline ones).
    expect(html.indexOf('/assets/index.css')).toBeGreaterThan(html.indexOf('</article>'));
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script type="module" crossorigin src="/assets/index.js">',
    ]);
  });

  it('is in English for a browser that asks for it, and in the language chosen on the device', async () => {
    const english = await page('/', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toMatch(/\d+ trainings? open for applications/);
    expect(cards(english.html)[0]).toMatch(/Apply by: <b>\d+ \w+ \d{4} at \d\d:\d\d WI(B|TA|T)<\/b>/);
    expect(english.html).not.toContain('pendaftar');

    const chosen = await page('/', { 'accept-language': 'en-GB', cookie: 'kmg.locale=id' });
    expect(chosen.html).toContain('<html lang="id">');
    expect(chosen.html).toContain('pelatihan menerima pendaftaran');
  });

  it("shows the provider's rating from three ratings, as the app's card does, in both languages", async () => {
    // The seeded provider PT Unggul Semesta has five ratings of its welding-robot training.
    const byProvider = (html: string) => cards(html).filter((card) => card.includes('PT Unggul Semesta'));
    const indonesian = byProvider((await page('/')).html);
    expect(indonesian.length).toBeGreaterThan(0);
    for (const card of indonesian) {
      expect(card).toContain('<span aria-hidden="true">4,2 (5 penilaian)</span>');
      expect(card).toContain('Penilaian guru untuk penyelenggara: 4,2 dari 5 (5 penilaian)');
    }
    const english = byProvider((await page('/', { 'accept-language': 'en' })).html);
    expect(english[0]).toContain('Teachers’ rating of the provider: 4.2 out of 5 (5 ratings)');
    // Providers rated fewer than three times show no figure.
    const others = cards((await page('/')).html).filter((card) => !card.includes('PT Unggul Semesta'));
    for (const card of others) expect(card).not.toContain('fs-rating');
  });

  it('escapes what people typed, lists no drafts, and shows a call once it is published', async () => {
    const ids = await seededIds(api);
    const manager = await api.signIn(demo.manager);
    const { createTrainingCall } = await manager.data(
      `mutation ($input: TrainingCallInput!) {
        createTrainingCall(input: $input) { ... on CreateTrainingCallSuccess { data { id } } }
      }`,
      { input: { ...callInput(ids), title: hostileTitle, city: 'Kota <b>Tebal</b>' } },
    );
    const id = createTrainingCall.data.id as string;
    expect((await page('/')).html).not.toContain('Tebal');
    await assignFixtureReviewer(api, id);

    await manager.data(
      `mutation ($id: ID!) { publishTrainingCall(id: $id) { ... on Error { code } ... on PublishTrainingCallSuccess { data { id } } } }`,
      { id },
    );
    const { html } = await page('/');
    const card = cards(html).find((text) => text.includes(escapeHtml(hostileTitle)));
    expect(card).toBeDefined();
    expect(card).toContain(
      'Las &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;kutip&#39; &quot;ganda&quot;',
    );
    expect(card).toContain('Kota &lt;b&gt;Tebal&lt;/b&gt;');
    expect(card).toContain(`href="/pelatihan/${encodeURIComponent(id)}"`);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>Tebal');
  });

  it('is the same page for a signed-in teacher: nothing of the viewer in it', async () => {
    const teacher = await api.signIn(demo.teacher);
    const { me } = await teacher.data('{ me { name email } }');
    const anonymous = await page('/');
    const signedIn = await page('/', { cookie: teacher.cookie });
    expect(signedIn.html).toBe(anonymous.html);
    expect(signedIn.html).not.toContain(me.name);
    expect(signedIn.html).not.toContain(me.email);
  });

  it('leaves a filtered list and other pages to the app', async () => {
    for (const path of ['/?q=las', '/pelatihan/x', '/kredensial']) {
      const { response, html } = await page(path);
      expect(response.status).toBe(200);
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toContain('first-screen');
    }
  });
});
