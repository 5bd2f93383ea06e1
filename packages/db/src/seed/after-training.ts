// Demo data for what comes after a training: job platforms per skill area, teachers' ratings of
// the welding-robot training (enough for PT Unggul Semesta's average to show on its other calls),
// and an industry contact of the demo teacher.
import type { Prisma } from '#generated/prisma/client.ts';

const SIAPKERJA = 'https://siapkerja.kemnaker.go.id';
const KARIRHUB = 'https://karirhub.kemnaker.go.id';

/** Per skill area code: what students search for on the ministry's platforms. */
const searchWords: Record<string, { id: string; en: string }> = {
  it: { id: 'teknisi jaringan, IT support', en: 'network technician, IT support' },
  software: { id: 'programmer, web developer', en: 'programmer, web developer' },
  welding: { id: 'juru las, welder', en: 'welder, welding operator' },
  automation: { id: 'teknisi otomasi, PLC', en: 'automation technician, PLC' },
  robotics: { id: 'operator robot, teknisi mekatronika', en: 'robot operator, mechatronics technician' },
  'digital-marketing': {
    id: 'pemasaran digital, admin media sosial',
    en: 'digital marketing, social media admin',
  },
  entrepreneurship: { id: 'wirausaha, staf penjualan', en: 'entrepreneurship, sales staff' },
  k3: { id: 'petugas K3, HSE', en: 'OSH officer, HSE' },
  'game-dev': { id: 'game developer, desainer grafis', en: 'game developer, graphic designer' },
};

/** Job links for every skill area, the ratings and a contact; nothing over what is there already. */
export async function seedAfterTraining(
  tx: Prisma.TransactionClient,
  { userIds, now }: { userIds: Map<string, string>; now: Date },
): Promise<number> {
  let created = 0;
  const areas = await tx.skillArea.findMany({ select: { id: true, code: true, nameId: true, nameEn: true } });
  for (const area of areas) {
    if ((await tx.skillAreaJobLink.count({ where: { skillAreaId: area.id } })) > 0) continue;
    const words = searchWords[area.code] ?? { id: area.nameId.toLowerCase(), en: area.nameEn.toLowerCase() };
    await tx.skillAreaJobLink.createMany({
      data: [
        {
          skillAreaId: area.id,
          name: 'SiapKerja',
          url: SIAPKERJA,
          descriptionId: `Layanan Kementerian Ketenagakerjaan untuk pelatihan, pemagangan, dan sertifikasi. Arahkan siswa ke pemagangan bidang ${area.nameId}.`,
          descriptionEn: `The Ministry of Manpower's service for training, apprenticeships and certification. Point students to ${area.nameEn} apprenticeships.`,
          sortOrder: 0,
        },
        {
          skillAreaId: area.id,
          name: 'Karirhub',
          url: KARIRHUB,
          descriptionId: `Lowongan kerja Kementerian Ketenagakerjaan. Kata kunci untuk siswa: ${words.id}.`,
          descriptionEn: `The Ministry of Manpower's job vacancies. Search words for students: ${words.en}.`,
          sortOrder: 1,
        },
      ],
    });
    created++;
  }

  // Ratings of the welding-robot training by participants other than the demo teacher (who rates
  // it herself in the demo). Its credentials are issued after start-up; the ratings rest on them.
  const call = await tx.trainingCall.findUnique({
    where: { code: 'kmg25-robot-las' },
    select: { id: true, providerId: true, endDate: true },
  });
  if (call && (await tx.trainingRating.count({ where: { callId: call.id } })) === 0) {
    const ratings: [string, number, string | null][] = [
      [
        'eko.prasetyo@kmg.demo',
        5,
        'Praktik langsung dengan robot las sungguhan; instruktur sabar dan jelas.',
      ],
      [
        'yohanes.tanaem@kmg.demo',
        4,
        'Materi sangat berguna untuk bengkel sekolah. Waktu praktik pemrograman bisa ditambah.',
      ],
      ['bayu.saputra@kmg.demo', 4, null],
      ['dewi.anggraini@kmg.demo', 5, 'Saya mendapat kontak industri untuk magang siswa.'],
      ['hendro.wibowo@kmg.demo', 3, 'Jadwal padat; modul sebaiknya dikirim sebelum pelatihan.'],
    ];
    for (const [email, stars, review] of ratings) {
      const teacherId = userIds.get(email);
      if (!teacherId) continue;
      const application = await tx.application.findUnique({
        where: { callId_teacherId: { callId: call.id, teacherId } },
        select: { id: true },
      });
      if (!application) continue;
      await tx.trainingRating.create({
        data: {
          applicationId: application.id,
          callId: call.id,
          providerId: call.providerId,
          teacherId,
          stars,
          review,
          createdAt: new Date(call.endDate.getTime() + 10 * 24 * 3_600_000),
        },
      });
      created++;
    }
  }

  const teacherId = userIds.get('guru@kmg.demo');
  if (call && teacherId && (await tx.industryContact.count({ where: { teacherId } })) === 0) {
    const application = await tx.application.findUnique({
      where: { callId_teacherId: { callId: call.id, teacherId } },
      select: { id: true },
    });
    await tx.industryContact.create({
      data: {
        teacherId,
        applicationId: application?.id ?? null,
        companyName: 'PT Unggul Semesta',
        contactName: 'Rina Marlina',
        role: 'Koordinator Pelatihan',
        email: 'rina.marlina@unggul-semesta.example',
        phone: '+62 21 8990 1234',
        notes: 'Menerima siswa magang las 3 bulan, mulai Juli. Kirim surat pengantar sekolah.',
        createdAt: now,
      },
    });
    created++;
  }
  return created;
}
