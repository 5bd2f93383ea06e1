// Checking in to a training day by scanning the provider's QR code.
export const checkInMessages = {
  id: {
    checkIn: {
      title: 'Presensi pelatihan',
      lead: 'Kode QR dari penyelenggara mencatat kehadiran Anda hari ini.',
      working: 'Mencatat presensi…',
      pendingTitle: 'Presensi terkirim',
      pending:
        'Presensi Anda untuk {{day}} terkirim {{time}} dan menunggu konfirmasi penyelenggara. Anda tidak perlu memindai lagi.',
      confirmedTitle: 'Kehadiran dikonfirmasi',
      confirmed: 'Penyelenggara telah mengonfirmasi kehadiran Anda pada {{day}}.',
      rejectedTitle: 'Presensi ditolak',
      rejected: 'Penyelenggara menolak presensi ini. Hubungi panitia di lokasi pelatihan.',
      failedTitle: 'Presensi tidak tercatat',
      notTeacher: 'Hanya guru peserta pelatihan yang dapat presensi.',
      retry: 'Coba lagi',
      toApplications: 'Lihat pendaftaran saya',
    },
  },
  en: {
    checkIn: {
      title: 'Training check-in',
      lead: "The provider's QR code records your attendance today.",
      working: 'Checking you in…',
      pendingTitle: 'Check-in sent',
      pending:
        'Your check-in for {{day}} was sent on {{time}} and awaits the provider’s confirmation. You do not need to scan again.',
      confirmedTitle: 'Attendance confirmed',
      confirmed: 'The provider has confirmed your attendance on {{day}}.',
      rejectedTitle: 'Check-in rejected',
      rejected: 'The provider rejected this check-in. Ask the organisers at the venue.',
      failedTitle: 'Check-in not recorded',
      notTeacher: 'Only teachers taking part in the training can check in.',
      retry: 'Try again',
      toApplications: 'See my applications',
    },
  },
};
