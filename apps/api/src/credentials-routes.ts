import type { Actor } from '@kmg/core/actor';
import { achievementDocumentFor, achievementImageFor } from '@kmg/core/credentials/achievements';
import { certificatePdf, certificateSelect } from '@kmg/core/credentials/certificate';
import { issuerDidDocumentFor } from '@kmg/core/credentials/issuers';
import { statusListCredentialFor } from '@kmg/core/credentials/status-lists';
import { verifyCredentialDocument } from '@kmg/core/credentials/verify-credential';
import { decodeId } from '@kmg/core/ids';
import { ensurePathwayClr, walletClr } from '@kmg/core/pathways/clr';
import { bakeCredentialIntoPng, renderBadgePng } from '@kmg/credentials';
import { db } from '@kmg/db';
import express from 'express';
import type { Clock } from '#clock.ts';

/** Seals drawn to PNG, by their SVG (an achievement's seal changes only with its name or level). */
const sealPngs = new Map<string, Buffer>();
const SEAL_CACHE_SIZE = 200;

function sealPng(svg: string): Buffer {
  const cached = sealPngs.get(svg);
  if (cached) return cached;
  const png = renderBadgePng(svg, 512);
  if (sealPngs.size >= SEAL_CACHE_SIZE) sealPngs.delete(sealPngs.keys().next().value as string);
  sealPngs.set(svg, png);
  return png;
}

/**
 * Public endpoints of the credentials: issuers' DID documents and status lists (what any verifier
 * fetches), each credential as JSON and as a PDF certificate, and verification as plain HTTP.
 */
export function credentialRoutes({
  clock,
  contextFrom,
}: {
  clock: Clock;
  contextFrom: (req: express.Request) => Promise<Actor>;
}) {
  const router = express.Router();

  // The CLR 2.0 bundle issued with a pathway credential: public, like the credential itself.
  router.get('/credentials/:id/clr.json', async (req, res) => {
    if (!decodeId(req.params.id)) return res.status(404).json({ error: 'not found' });
    const id = req.params.id.toLowerCase();
    const document = await ensurePathwayClr(id, clock());
    if (!document) return res.status(404).json({ error: 'not found' });
    res.setHeader('content-disposition', `attachment; filename="kmg-clr-${id}.json"`);
    res.type('application/vc+ld+json').send(JSON.stringify(document, null, 2));
  });

  // The signed-in teacher's whole wallet as one CLR 2.0 bundle.
  router.get('/api/wallet/clr.json', async (req, res) => {
    const actor = await contextFrom(req);
    if (!actor.viewer) return res.status(401).json({ error: 'sign in first' });
    const bundle = await walletClr(actor.viewer.id, clock());
    if (!bundle) return res.status(404).json({ error: 'no credentials yet' });
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-disposition', `attachment; filename="kmg-clr-${bundle.id}.json"`);
    res.type('application/vc+ld+json').send(JSON.stringify(bundle.document, null, 2));
  });

  router.get('/issuers/:slug/did.json', async (req, res) => {
    const document = await issuerDidDocumentFor(db(), req.params.slug);
    if (!document) return res.status(404).json({ error: 'not found' });
    res.setHeader('cache-control', 'public, max-age=300');
    res.type('application/did+json').send(JSON.stringify(document));
  });

  router.get('/issuers/:slug/status/:listId', async (req, res) => {
    const document = await statusListCredentialFor(db(), req.params.slug, req.params.listId);
    if (!document) return res.status(404).json({ error: 'not found' });
    // Short cache: a revocation must reach verifiers quickly.
    res.setHeader('cache-control', 'public, max-age=60');
    res.type('application/vc+ld+json').send(JSON.stringify(document));
  });

  // What `achievement.id` and `achievement.image` in every credential point at.
  router.get('/achievements/:id', async (req, res) => {
    if (!decodeId(req.params.id)) return res.status(404).json({ error: 'not found' });
    const document = await achievementDocumentFor(db(), req.params.id.toLowerCase());
    if (!document) return res.status(404).json({ error: 'not found' });
    res.setHeader('cache-control', 'public, max-age=300');
    res.type('application/ld+json').send(JSON.stringify(document, null, 2));
  });

  router.get('/achievements/:id/image.svg', async (req, res) => {
    if (!decodeId(req.params.id)) return res.status(404).end();
    const svg = await achievementImageFor(db(), req.params.id.toLowerCase());
    if (!svg) return res.status(404).end();
    res.setHeader('cache-control', 'public, max-age=300');
    // A picture only: nothing in it may run or load, even opened on its own.
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.type('image/svg+xml').send(svg);
  });

  // The seal as a PNG, for link previews (crawlers take no SVG) and wallets: drawn once per picture.
  router.get('/achievements/:id/image.png', async (req, res) => {
    if (!decodeId(req.params.id)) return res.status(404).end();
    const svg = await achievementImageFor(db(), req.params.id.toLowerCase());
    if (!svg) return res.status(404).end();
    res.setHeader('cache-control', 'public, max-age=300');
    res.type('image/png').send(sealPng(svg));
  });

  // The badge with the signed credential baked in (Open Badges 3.0), public like the JSON.
  router.get('/credentials/:id/badge.png', async (req, res) => {
    if (!decodeId(req.params.id)) return res.status(404).end();
    const credential = await db().credential.findUnique({
      where: { id: req.params.id.toLowerCase() },
      select: { id: true, kind: true, achievementId: true, document: true },
    });
    if (!credential?.achievementId || credential.kind === 'CLR') return res.status(404).end();
    const svg = await achievementImageFor(db(), credential.achievementId);
    if (!svg) return res.status(404).end();
    const png = bakeCredentialIntoPng(sealPng(svg), JSON.stringify(credential.document));
    res.setHeader('cache-control', 'private, no-cache');
    res.setHeader('content-disposition', `attachment; filename="kmg-lencana-${credential.id}.png"`);
    res.type('image/png').send(png);
  });

  router.get('/credentials/:file', async (req, res, next) => {
    const match = /^([0-9a-f-]{36})\.json$/i.exec(req.params.file);
    if (!match || !decodeId(match[1] as string)) return next();
    const credential = await db().credential.findUnique({
      where: { id: (match[1] as string).toLowerCase() },
      select: { id: true, document: true },
    });
    if (!credential) return res.status(404).json({ error: 'not found' });
    res.setHeader('content-disposition', `attachment; filename="kmg-${credential.id}.json"`);
    res.type('application/vc+ld+json').send(JSON.stringify(credential.document, null, 2));
  });

  router.get('/credentials/:id/certificate.pdf', async (req, res) => {
    if (!decodeId(req.params.id)) return res.status(404).end();
    const credential = await db().credential.findUnique({
      where: { id: req.params.id.toLowerCase() },
      select: {
        ...certificateSelect,
        kind: true,
        application: { select: { call: { select: { province: true } } } },
      },
    });
    // A CLR record (a pathway bundle, an RPL recognition) has no certificate of its own: its
    // decree or its components' certificates are the documents.
    if (!credential || credential.kind === 'CLR') return res.status(404).end();
    const pdf = await certificatePdf(credential);
    res.setHeader('content-disposition', `inline; filename="sertifikat-kmg-${credential.id}.pdf"`);
    res.type('application/pdf').send(pdf);
  });

  // The same result as the `verifyCredential` GraphQL query, for tools that speak plain HTTP.
  router.post(
    '/api/verify',
    express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }),
    async (req, res) => {
      const result = await verifyCredentialDocument(req.body, clock());
      const { record, ...verification } = result;
      res.json({
        ...verification,
        revocationReason: record?.revocationReason ?? null,
        suspensionReason: record?.suspensionReason ?? null,
      });
    },
  );

  return router;
}
