import { formatMessage, type Locale, type MessageParams } from '#messages.ts';

type Text = { title: string; body: string };

/**
 * What we tell people when an application changes, in both languages. In-app notices and
 * emails use the same words. Parameters: {call} title, {deadline} instant, {note}, {position},
 * {reason}, {teacher} name.
 */
export const notices = {
  ENDORSEMENT_REQUESTED: {
    id: {
      title: 'Permintaan rekomendasi: {teacher}',
      body: '{teacher} mendaftar pelatihan "{call}". Berikan rekomendasi atau tolak sebelum {deadline}.',
    },
    en: {
      title: 'Endorsement requested: {teacher}',
      body: '{teacher} applied for "{call}". Endorse or decline before {deadline}.',
    },
  },
  APPLICATION_ENDORSED: {
    id: {
      title: 'Pendaftaran Anda direkomendasikan',
      body: 'Kepala sekolah merekomendasikan pendaftaran Anda untuk "{call}". {note}',
    },
    en: {
      title: 'Your application was endorsed',
      body: 'Your principal endorsed your application for "{call}". {note}',
    },
  },
  APPLICATION_NOT_ENDORSED: {
    id: {
      title: 'Pendaftaran Anda tidak direkomendasikan',
      body: 'Kepala sekolah tidak merekomendasikan pendaftaran Anda untuk "{call}": {note}',
    },
    en: {
      title: 'Your application was not endorsed',
      body: 'Your principal did not endorse your application for "{call}": {note}',
    },
  },
  ENDORSEMENT_UNDONE: {
    id: {
      title: 'Keputusan rekomendasi dibatalkan',
      body: 'Kepala sekolah membatalkan keputusan rekomendasinya atas pendaftaran Anda untuk "{call}". Pendaftaran Anda kembali menunggu keputusan, paling lambat {deadline}.',
    },
    en: {
      title: 'Endorsement decision undone',
      body: 'Your principal undid their endorsement decision on your application for "{call}". It awaits a decision again, by {deadline} at the latest.',
    },
  },
  ENDORSEMENT_EXPIRED: {
    id: {
      title: 'Rekomendasi tidak diberikan tepat waktu',
      body: 'Pendaftaran Anda untuk "{call}" berhenti karena rekomendasi kepala sekolah tidak diberikan sebelum {deadline}.',
    },
    en: {
      title: 'Endorsement not given in time',
      body: 'Your application for "{call}" stopped because your principal did not endorse it before {deadline}.',
    },
  },
  APPLICATION_ACCEPTED: {
    id: {
      title: 'Selamat, Anda diterima',
      body: 'Anda mendapat kursi di "{call}". Konfirmasi kursi Anda sebelum {deadline}, atau kursi diberikan kepada guru berikutnya.',
    },
    en: {
      title: 'Congratulations, you are in',
      body: 'You have a seat in "{call}". Confirm it before {deadline}, or it goes to the next teacher.',
    },
  },
  PROMOTED_FROM_WAITLIST: {
    id: {
      title: 'Kursi tersedia untuk Anda',
      body: 'Sebuah kursi di "{call}" kini menjadi milik Anda. Konfirmasi sebelum {deadline}.',
    },
    en: {
      title: 'A seat opened up for you',
      body: 'A seat in "{call}" is now yours. Confirm it before {deadline}.',
    },
  },
  APPLICATION_WAITLISTED: {
    id: {
      title: 'Anda di daftar tunggu',
      body: 'Anda berada di urutan ke-{position} daftar tunggu "{call}". Kami memberi tahu Anda bila kursi tersedia.',
    },
    en: {
      title: 'You are on the waitlist',
      body: 'You are number {position} on the waitlist for "{call}". We will tell you if a seat opens up.',
    },
  },
  APPLICATION_REJECTED: {
    id: {
      title: 'Hasil seleksi',
      body: 'Mohon maaf, Anda belum terpilih untuk "{call}". Terima kasih atas pendaftaran Anda.',
    },
    en: {
      title: 'Selection result',
      body: 'We are sorry, you were not selected for "{call}". Thank you for applying.',
    },
  },
  SEAT_CONFIRMED: {
    id: {
      title: 'Kursi dikonfirmasi',
      body: 'Kursi Anda di "{call}" sudah dikonfirmasi. Sampai jumpa di pelatihan.',
    },
    en: { title: 'Seat confirmed', body: 'Your seat in "{call}" is confirmed. See you at the training.' },
  },
  SEAT_DECLINED: {
    id: {
      title: 'Kursi ditolak',
      body: 'Anda menolak kursi di "{call}". Kursi diberikan kepada guru berikutnya.',
    },
    en: { title: 'Seat declined', body: 'You declined your seat in "{call}". It goes to the next teacher.' },
  },
  SEAT_LAPSED: {
    id: {
      title: 'Konfirmasi terlewat',
      body: 'Kursi Anda di "{call}" tidak dikonfirmasi sebelum {deadline} dan diberikan kepada guru berikutnya.',
    },
    en: {
      title: 'Confirmation missed',
      body: 'Your seat in "{call}" was not confirmed before {deadline} and went to the next teacher.',
    },
  },
  APPLICATION_WITHDRAWN: {
    id: { title: 'Pendaftaran ditarik', body: 'Pendaftaran Anda untuk "{call}" sudah ditarik.' },
    en: { title: 'Application withdrawn', body: 'Your application for "{call}" has been withdrawn.' },
  },
  CREDENTIAL_ISSUED: {
    id: {
      title: 'Kredensial Anda terbit',
      body: 'Kredensial "{achievement}" dari pelatihan "{call}" sudah terbit. Lihat, unduh dan bagikan dari dompet kredensial Anda.',
    },
    en: {
      title: 'Your credential is issued',
      body: 'The credential "{achievement}" from "{call}" is issued. View, download and share it from your wallet.',
    },
  },
  RPL_EVIDENCE_REQUESTED: {
    id: {
      title: 'RPL: perguruan tinggi meminta bukti tambahan',
      body: 'Lengkapi bukti lalu ajukan kembali. Pesan dari program studi {programme}: {message}',
    },
    en: {
      title: 'RPL: the university asks for more evidence',
      body: 'Add the evidence, then submit again. Message from the {programme} programme: {message}',
    },
  },
  /** {programme}; {step}: the step label. */
  RPL_CASE_WAITING: {
    id: {
      title: 'RPL: kasus menunggu Anda',
      body: 'Sebuah kasus RPL program studi {programme} menunggu tahap "{step}". Buka antrean RPL di konsol.',
    },
    en: {
      title: 'RPL: a case is waiting for you',
      body: 'An RPL case of the {programme} programme is waiting for "{step}". Open the RPL queue in the console.',
    },
  },
  RPL_CASE_ASSIGNED: {
    id: {
      title: 'RPL: Anda ditugaskan sebagai asesor',
      body: 'Anda ditugaskan menilai sebuah kasus RPL program studi {programme}. Buka antrean RPL di konsol.',
    },
    en: {
      title: 'RPL: you are assigned as an assessor',
      body: 'You are assigned to assess an RPL case of the {programme} programme. Open the RPL queue in the console.',
    },
  },
  /** {step}: the step label; {dueOn}: its due date. */
  RPL_CASE_REMINDER: {
    id: {
      title: 'RPL: tenggat tahap mendekat',
      body: 'Tahap "{step}" sebuah kasus RPL program studi {programme} jatuh tempo pada {dueOn}.',
    },
    en: {
      title: 'RPL: a step is nearly due',
      body: 'The "{step}" step of an RPL case of the {programme} programme is due on {dueOn}.',
    },
  },
  RPL_CASE_OVERDUE: {
    id: {
      title: 'RPL: tahap melewati tenggat',
      body: 'Tahap "{step}" sebuah kasus RPL program studi {programme} melewati tenggat {dueOn}.',
    },
    en: {
      title: 'RPL: a step is overdue',
      body: 'The "{step}" step of an RPL case of the {programme} programme passed its due date, {dueOn}.',
    },
  },
  /** {number}: the decree number; {sks}: SKS recognised. */
  RPL_DECREED: {
    id: {
      title: 'RPL: surat keputusan terbit',
      body: 'Surat keputusan {number} program studi {programme} mengakui {sks} SKS. Lihat hasil per mata kuliah dan kredensial pengakuannya di aplikasi.',
    },
    en: {
      title: 'RPL: the decree is issued',
      body: 'Decree {number} of the {programme} programme recognises {sks} SKS. See the result per course and the recognition credential in the app.',
    },
  },
  RPL_APPEAL_DECIDED: {
    id: {
      title: 'RPL: banding diputuskan',
      body: 'Tim RPL program studi {programme} telah memutuskan banding Anda: {sks} SKS diakui.',
    },
    en: {
      title: 'RPL: your appeal is decided',
      body: 'The RPL committee of the {programme} programme decided your appeal: {sks} SKS recognised.',
    },
  },
  PATHWAY_AWARDED: {
    id: {
      title: 'Jalur selesai: kredensial baru terbit',
      body: 'Kredensial Anda kini lengkap untuk jalur "{pathway}". Kredensialnya sudah terbit di dompet Anda, bersama komponen-komponennya.',
    },
    en: {
      title: 'Pathway complete: a new credential is issued',
      body: 'Your credentials now complete the pathway "{pathway}". Its credential is in your wallet, with its components.',
    },
  },
  CREDENTIAL_REVOKED: {
    id: { title: 'Kredensial dicabut', body: 'Kredensial "{achievement}" dicabut: {reason}' },
    en: { title: 'Credential revoked', body: 'The credential "{achievement}" was revoked: {reason}' },
  },
  CREDENTIAL_SUSPENDED: {
    id: {
      title: 'Kredensial ditangguhkan',
      body: 'Kredensial "{achievement}" ditangguhkan sementara: {reason}',
    },
    en: {
      title: 'Credential suspended',
      body: 'The credential "{achievement}" is suspended for now: {reason}',
    },
  },
  CREDENTIAL_REINSTATED: {
    id: {
      title: 'Kredensial berlaku kembali',
      body: 'Penangguhan kredensial "{achievement}" sudah dicabut.',
    },
    en: { title: 'Credential reinstated', body: 'The suspension of "{achievement}" has been lifted.' },
  },
  RESULTS_SUBMITTED: {
    id: {
      title: 'Hasil pelatihan menunggu persetujuan',
      body: 'Penyelenggara mengajukan hasil "{call}": {passed} dari {participants} peserta lulus. Periksa dan setujui agar kredensial terbit.',
    },
    en: {
      title: 'Training results await approval',
      body: 'The provider submitted the results of "{call}": {passed} of {participants} participants passed. Review and approve them to issue the credentials.',
    },
  },
  RESULTS_APPROVED: {
    id: {
      title: 'Hasil pelatihan disetujui',
      body: 'Hasil "{call}" disetujui: kredensial diterbitkan untuk {passed} dari {participants} peserta.',
    },
    en: {
      title: 'Training results approved',
      body: 'The results of "{call}" are approved: credentials are being issued to {passed} of {participants} participants.',
    },
  },
  RESULTS_RETURNED: {
    id: {
      title: 'Hasil pelatihan dikembalikan',
      body: 'Hasil "{call}" dikembalikan untuk diperbaiki: {reason}',
    },
    en: {
      title: 'Training results returned',
      body: 'The results of "{call}" were returned for correction: {reason}',
    },
  },
  CALL_CANCELLED: {
    id: {
      title: 'Pelatihan dibatalkan',
      body: 'Pelatihan "{call}" dibatalkan: {reason}. Pendaftaran Anda dilepas.',
    },
    en: {
      title: 'Training cancelled',
      body: 'The training "{call}" was cancelled: {reason}. Your application is released.',
    },
  },
  /** {teacher} name, {kind} label, {heldOn} date. */
  DISSEMINATION_SUBMITTED: {
    id: {
      title: 'Laporan pengimbasan perlu diverifikasi: {teacher}',
      body: '{teacher} mengajukan laporan pengimbasan "{kind}" ({heldOn}). Verifikasi atau kembalikan dengan catatan di halaman Sekolah saya.',
    },
    en: {
      title: 'Dissemination report to verify: {teacher}',
      body: '{teacher} submitted a dissemination report "{kind}" ({heldOn}). Verify it or return it with a note on the My school page.',
    },
  },
  DISSEMINATION_VERIFIED: {
    id: {
      title: 'Laporan pengimbasan Anda terverifikasi',
      body: 'Kepala sekolah memverifikasi laporan "{kind}" ({heldOn}).',
    },
    en: {
      title: 'Your dissemination report was verified',
      body: 'Your principal verified the report "{kind}" ({heldOn}).',
    },
  },
  DISSEMINATION_RETURNED: {
    id: {
      title: 'Laporan pengimbasan Anda dikembalikan',
      body: 'Kepala sekolah mengembalikan laporan "{kind}" ({heldOn}): {note}',
    },
    en: {
      title: 'Your dissemination report was returned',
      body: 'Your principal returned the report "{kind}" ({heldOn}): {note}',
    },
  },
  /** {call} title, {verified} and {required} counts, {deadline} date. */
  DISSEMINATION_REMINDER: {
    id: {
      title: 'Pengimbasan: batas waktu mendekat',
      body: 'Untuk pelatihan "{call}" baru {verified} dari {required} kegiatan pengimbasan terverifikasi. Batasnya {deadline}.',
    },
    en: {
      title: 'Dissemination: the deadline is near',
      body: 'For the training "{call}", {verified} of {required} dissemination activities are verified. The deadline is {deadline}.',
    },
  },
} as const satisfies Record<string, Record<Locale, Text>>;

export type NoticeKind = keyof typeof notices;

export function renderNotice(kind: NoticeKind, locale: Locale, params: MessageParams = {}): Text {
  const text = notices[kind][locale];
  return {
    title: formatMessage(text.title, locale, params),
    body: formatMessage(text.body, locale, params).replace(/\s+$/, ''),
  };
}
