import type { Actor } from '@kmg/core/actor';
import { seatCalendar } from '@kmg/core/calls/call-calendar';
import { decodeId } from '@kmg/core/ids';
import { translateError } from '@kmg/domain';
import express from 'express';

/** A call's id as clients hold it (its global id, `TrainingCall:uuid` in base64) or the raw uuid. */
function callIdOf(raw: string): string | null {
  const direct = decodeId(raw);
  if (direct) return direct;
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  return decoded.startsWith('TrainingCall:') ? decodeId(decoded.slice('TrainingCall:'.length)) : null;
}

/**
 * "Add to calendar" for the teacher whose seat on a call is confirmed: the training days as an
 * iCalendar file. Anyone else gets 404, as if there were nothing (the seat is the teacher's own).
 */
export function calendarRoutes({ contextFrom }: { contextFrom: (req: express.Request) => Promise<Actor> }) {
  const router = express.Router();
  router.get('/api/calls/:id/calendar.ics', async (req, res) => {
    const actor = await contextFrom(req);
    if (!actor.viewer) {
      return res
        .status(401)
        .json({ code: 'UNAUTHENTICATED', message: translateError('UNAUTHENTICATED', actor.locale) });
    }
    const callId = callIdOf(req.params.id);
    const calendar = callId ? await seatCalendar(actor, callId) : null;
    if (!calendar) {
      return res.status(404).json({ code: 'NOT_FOUND', message: translateError('NOT_FOUND', actor.locale) });
    }
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('content-disposition', `attachment; filename="${calendar.filename}"`);
    res.type('text/calendar; charset=utf-8').send(calendar.ics);
  });
  return router;
}
