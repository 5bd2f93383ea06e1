// The app around every page: navigation, the account menu, sign-in, errors and the not-found page.
export const shellMessages = {
  id: {
    nav: {
      label: 'Navigasi utama',
      calls: 'Pelatihan',
      applications: 'Pendaftaran saya',
      profile: 'Profil',
      school: 'Sekolah saya',
      credentials: 'Kredensial',
      pathways: 'Jalur',
      rpl: 'Kuliah RPL',
      dissemination: 'Pengimbasan',
      skip: 'Langsung ke isi halaman',
      backToCredentials: 'Kembali ke kredensial saya',
      backHome: 'Kembali ke beranda',
    },
    update: {
      title: 'Versi baru KMG tersedia',
      reload: 'Muat ulang',
    },
    account: {
      menu: 'Menu akun {{name}}, {{initials}}',
      signedOut: 'Anda sudah keluar.',
    },
    errors: {
      unexpected: 'Terjadi kesalahan yang tidak terduga. Coba lagi.',
    },
    notFound: {
      hint: 'Alamat ini tidak ada di KMG. Mungkin tautannya salah ketik.',
      home: 'Ke daftar pelatihan',
    },
    signIn: {
      lead: 'Gunakan email atau NUPTK dan kata sandi Anda.',
      noAccount: 'Belum punya akun?',
      register: 'Daftar sebagai guru',
    },
  },
  en: {
    nav: {
      label: 'Main navigation',
      calls: 'Trainings',
      applications: 'My applications',
      profile: 'Profile',
      school: 'My school',
      credentials: 'Credentials',
      pathways: 'Pathways',
      rpl: 'RPL',
      dissemination: 'Dissemination',
      skip: 'Skip to content',
      backToCredentials: 'Back to my credentials',
      backHome: 'Back to the home page',
    },
    update: {
      title: 'A new version of KMG is available',
      reload: 'Reload',
    },
    account: {
      menu: 'Account menu for {{name}}, {{initials}}',
      signedOut: 'You have signed out.',
    },
    errors: {
      unexpected: 'Something unexpected went wrong. Please try again.',
    },
    notFound: {
      hint: 'This address does not exist in KMG. The link may be mistyped.',
      home: 'Go to trainings',
    },
    signIn: {
      lead: 'Use your email or NUPTK and your password.',
      noAccount: 'No account yet?',
      register: 'Register as a teacher',
    },
  },
};
