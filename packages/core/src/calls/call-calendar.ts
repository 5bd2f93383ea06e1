// "Add to calendar" for a teacher whose seat is confirmed: an iCalendar file (RFC 5545) with one
// all-day VEVENT per training day. A call states its dates, not its daily hours, so each day is a
// DATE value (`DTSTART;VALUE=DATE`): it falls on the venue's calendar day whatever zone the
// teacher's device is in, where a made-up time in UTC could slide a day for a teacher in WIT.
import { db } from '@kmg/db';
import { addDays, callTimeZone, findProvince, type LocalDate, type Locale, venueMapUrl } from '@kmg/domain';
import { createEvents, type EventAttributes } from 'ics';
import type { Actor } from '#actor.ts';
import { localDate } from '#dates.ts';

/** Seats that put a training in the teacher's calendar. */
const seatedStatuses = ['CONFIRMED'] as const;

const zoneNames: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const words: Record<
  Locale,
  { day: (n: number, of: number) => string; zone: string; map: string; bring: string }
> = {
  id: {
    day: (n, of) => `hari ${n} dari ${of}`,
    zone: 'Waktu setempat',
    map: 'Peta',
    bring: 'Yang dibawa',
  },
  en: {
    day: (n, of) => `day ${n} of ${of}`,
    zone: 'Local time',
    map: 'Map',
    bring: 'What to bring',
  },
};

const dateArray = (date: LocalDate): [number, number, number] => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return [year, month, day];
};

/**
 * The calendar of a training for the signed-in teacher holding a confirmed seat on it; anyone
 * else (another teacher, a teacher not yet confirmed, staff) finds nothing: null. The caller
 * checks that someone is signed in.
 */
export async function seatCalendar(
  ctx: Actor,
  callId: string,
): Promise<{ filename: string; ics: string } | null> {
  if (!ctx.viewer) return null;
  const application = await db().application.findFirst({
    where: { callId, teacherId: ctx.viewer.id, status: { in: [...seatedStatuses] } },
    select: {
      call: {
        select: {
          id: true,
          code: true,
          title: true,
          venueName: true,
          address: true,
          city: true,
          province: true,
          whatToBring: true,
          provider: { select: { name: true } },
          trainingDays: { select: { id: true, date: true }, orderBy: { date: 'asc' } },
        },
      },
    },
  });
  if (!application || application.call.trainingDays.length === 0) return null;
  const { call } = application;
  const text = words[ctx.locale];
  const provinceName = findProvince(call.province)?.name ?? call.province;
  const location = [call.venueName, call.address, call.city, provinceName]
    .filter((part): part is string => !!part?.trim())
    .join(', ');
  const mapUrl = venueMapUrl({ ...call, provinceName });
  const description = [
    call.provider.name,
    `${text.zone}: ${zoneNames[callTimeZone(call.province)] ?? callTimeZone(call.province)}`,
    `${text.map}: ${mapUrl}`,
    ...(call.whatToBring ? [`${text.bring}: ${call.whatToBring}`] : []),
  ].join('\n');
  const days = call.trainingDays.map((day) => localDate(day.date));
  const events: EventAttributes[] = days.map((date, index) => ({
    uid: `${call.trainingDays[index]?.id}@kmg`,
    title: `${call.title} (${text.day(index + 1, days.length)})`,
    start: dateArray(date),
    end: dateArray(addDays(date, 1)),
    location,
    description,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    productId: '-//KMG SMK//Kredensial Mikro Guru//ID',
    calName: call.title,
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar not written');
  return { filename: `kmg-${call.code ?? call.id}.ics`, ics: value };
}
