// The console around every page: its name, navigation, sign-in, the pager and date picker, errors.
export const shellMessages = {
  id: {
    consoleName: 'Konsol KMG',
    consoleTagline: 'Pengelolaan program Kredensial Mikro Guru SMK',
    skipToContent: 'Lewati ke konten utama',
    nav: {
      label: 'Navigasi utama',
      calls: 'Lowongan pelatihan',
      accounts: 'Akun pengguna',
      reviews: 'Penilaian',
      openMenu: 'Buka menu navigasi',
      closeMenu: 'Tutup menu navigasi',
      learnerApp: 'Aplikasi guru',
    },
    roles: {
      SELECTION_REVIEWER: 'Penilai seleksi',
    },
    viewer: {
      signedInAs: 'Masuk sebagai {{name}}',
      noOrganization: 'Tanpa lembaga',
    },
    signIn: {
      title: 'Masuk ke Konsol KMG',
      intro: 'Untuk pengelola program, staf lembaga penyelenggara, penilai seleksi dan admin.',
      learnerLink: 'Guru? Buka aplikasi KMG untuk guru',
    },
    staffOnly: {
      title: 'Konsol ini khusus untuk staf',
      teacher:
        'Konsol KMG dipakai pengelola program, lembaga penyelenggara dan admin. Sebagai guru atau kepala sekolah, Anda dapat melihat lowongan, mendaftar dan memantau pendaftaran di aplikasi KMG.',
      other:
        'Konsol KMG belum menyediakan fitur untuk peran Anda. Hubungi admin program bila Anda memerlukan akses.',
      openLearner: 'Buka aplikasi KMG',
      signOut: 'Masuk dengan akun lain',
    },
    pager: {
      label: 'Halaman',
      pageSize: 'Baris per halaman',
      range: '{{from}}–{{to}} dari {{total}}',
      previous: 'Halaman sebelumnya',
      next: 'Halaman berikutnya',
    },
    calendar: {
      previousMonth: 'Bulan sebelumnya',
      nextMonth: 'Bulan berikutnya',
      previousYear: 'Tahun sebelumnya',
      nextYear: 'Tahun berikutnya',
      previousDecade: 'Dekade sebelumnya',
      nextDecade: 'Dekade berikutnya',
      monthLevel: 'Pilih bulan',
      yearLevel: 'Pilih tahun',
      hours: 'Jam',
      minutes: 'Menit',
      confirm: 'Pakai tanggal dan jam ini',
    },
    errors: {
      title: 'Terjadi kesalahan',
      loadFailed: 'Data tidak dapat dimuat.',
      pageCrashed: 'Halaman ini tidak dapat ditampilkan.',
      reload: 'Muat ulang halaman',
      notFoundText: 'Alamat ini tidak ada di Konsol KMG. Periksa kembali tautannya.',
      toCalls: 'Ke daftar lowongan',
    },
  },
  en: {
    consoleName: 'KMG Console',
    consoleTagline: 'Managing the Vocational Teacher Micro-credentials programme',
    skipToContent: 'Skip to main content',
    nav: {
      label: 'Main navigation',
      calls: 'Training calls',
      accounts: 'User accounts',
      reviews: 'Reviews',
      openMenu: 'Open navigation menu',
      closeMenu: 'Close navigation menu',
      learnerApp: 'Teacher app',
    },
    roles: {
      SELECTION_REVIEWER: 'Selection reviewer',
    },
    viewer: {
      signedInAs: 'Signed in as {{name}}',
      noOrganization: 'No organization',
    },
    signIn: {
      title: 'Sign in to the KMG Console',
      intro: 'For program managers, training-provider staff, selection reviewers and admins.',
      learnerLink: 'A teacher? Open the KMG app for teachers',
    },
    staffOnly: {
      title: 'This console is for staff',
      teacher:
        'The KMG Console is used by program managers, training providers and admins. As a teacher or principal, you can browse calls, apply and follow your applications in the KMG app.',
      other:
        'The KMG Console has no features for your role yet. Contact the programme admin if you need access.',
      openLearner: 'Open the KMG app',
      signOut: 'Sign in with another account',
    },
    pager: {
      label: 'Pages',
      pageSize: 'Rows per page',
      range: '{{from}}–{{to}} of {{total}}',
      previous: 'Previous page',
      next: 'Next page',
    },
    calendar: {
      previousMonth: 'Previous month',
      nextMonth: 'Next month',
      previousYear: 'Previous year',
      nextYear: 'Next year',
      previousDecade: 'Previous decade',
      nextDecade: 'Next decade',
      monthLevel: 'Choose a month',
      yearLevel: 'Choose a year',
      hours: 'Hours',
      minutes: 'Minutes',
      confirm: 'Use this date and time',
    },
    errors: {
      title: 'Something went wrong',
      loadFailed: 'The data could not be loaded.',
      pageCrashed: 'This page cannot be shown.',
      reload: 'Reload the page',
      notFoundText: 'This address does not exist in the KMG Console. Check the link.',
      toCalls: 'Go to training calls',
    },
  },
};
