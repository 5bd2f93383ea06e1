// Applying and after: the application form, its progress, confirming a seat, my applications, withdrawing.
export const applicationsMessages = {
  id: {
    apply: {
      title: 'Daftar pelatihan ini',
      appliedTitle: 'Pendaftaran Anda',
      submittedAt: 'Dikirim {{when}}',
      yourMotivation: 'Motivasi Anda',
      showMore: 'Selengkapnya',
      showLess: 'Ringkas',
      seeMine: 'Lihat pendaftaran saya',
      deadlineNote: 'Batas pendaftaran: {{when}}.',
      reapply:
        'Anda pernah menarik pendaftaran untuk pelatihan ini. Anda dapat mendaftar lagi selama pendaftaran masih dibuka.',
      motivation: 'Motivasi',
      motivationHint:
        'Ceritakan mengapa Anda ingin mengikuti pelatihan ini, apa yang akan Anda terapkan di kelas, dan bagaimana Anda akan mengimbaskannya kepada rekan guru.',
      motivationMin: 'Minimal {{min}} karakter',
      moreNeeded_one: 'Tambah {{count}} karakter lagi.',
      moreNeeded_other: 'Tambah {{count}} karakter lagi.',
      draftSaved: 'Tulisan Anda tersimpan di perangkat ini sampai dikirim.',
      submit: 'Kirim pendaftaran',
      notSent: 'Pendaftaran belum terkirim',
      sentTitle: 'Pendaftaran terkirim',
      signInFirst: 'Masuk dengan akun guru Anda untuk mendaftar. Batas pendaftaran: {{when}}.',
      register: 'Buat akun guru',
      notTeacher: 'Hanya guru yang dapat mendaftar pelatihan. Anda masuk sebagai {{roles}}.',
      notYetOpen: 'Pendaftaran dibuka {{opens}} dan ditutup {{closes}}.',
      closed: 'Pendaftaran untuk pelatihan ini sudah ditutup ({{when}}).',
      cancelled: 'Pelatihan ini dibatalkan.',
      cancelReason: 'Alasan: {{reason}}',
      notEligible: 'Anda belum memenuhi syarat pelatihan ini:',
      eligible: 'Anda memenuhi syarat pendaftar pelatihan ini.',
      profileHint: 'Syarat diperiksa dengan data profil Anda. Bila ada yang keliru,',
      profileLink: 'perbarui profil Anda.',
      needsEndorsement:
        'Pendaftaran ini memerlukan rekomendasi kepala sekolah Anda, paling lambat {{deadline}}. Kepala sekolah akan melihatnya di KMG setelah Anda mendaftar.',
      firstCome_one:
        'Kursi diberikan menurut urutan pendaftaran: hasilnya langsung tampil setelah Anda mengirim. Sisa {{count}} kursi.',
      firstCome_other:
        'Kursi diberikan menurut urutan pendaftaran: hasilnya langsung tampil setelah Anda mengirim. Sisa {{count}} kursi.',
      firstComeFull:
        'Semua kursi sudah terisi. Jika Anda mendaftar sekarang, Anda masuk daftar tunggu dan diberi tahu bila ada kursi yang dilepas.',
      acceptedTitle: 'Anda mendapat kursi!',
      acceptedText: 'Konfirmasi kursi Anda untuk “{{title}}” sebelum batas waktunya.',
      waitlistedTitle: 'Anda masuk daftar tunggu',
      waitlistedText: 'Urutan ke-{{position}} untuk “{{title}}”.',
    },
    progress: {
      submitted: 'Pendaftaran Anda sudah diterima dan akan diseleksi setelah masa pendaftaran ditutup.',
      awaitingEndorsement:
        'Menunggu rekomendasi kepala sekolah Anda, paling lambat {{deadline}}. Setelah direkomendasikan, pendaftaran Anda ikut seleksi.',
      endorsed: 'Kepala sekolah Anda sudah memberi rekomendasi. Pendaftaran Anda sedang diseleksi.',
      inSelection: 'Pendaftaran Anda sedang diseleksi. Hasilnya diumumkan setelah masa pendaftaran ditutup.',
      acceptedTitle: 'Selamat, Anda terpilih!',
      accepted:
        'Konfirmasi kursi Anda sebelum {{deadline}}. Tanpa konfirmasi, kursi akan diberikan kepada guru di daftar tunggu.',
      acceptedNoDeadline:
        'Konfirmasi kursi Anda secepatnya agar tidak diberikan kepada guru di daftar tunggu.',
      confirmed: 'Kursi Anda sudah dikonfirmasi. Sampai jumpa di pelatihan!',
      inTraining: 'Pelatihan sedang berlangsung. Hadir sesuai jadwal agar memenuhi syarat kredensial.',
      completed: 'Pelatihan ini sudah selesai.',
      noWithdrawal:
        'Pendaftaran tidak dapat ditarik lagi karena pelatihan sudah dimulai. Bila Anda berhalangan hadir, hubungi penyelenggara.',
      waitlisted:
        'Anda berada di daftar tunggu, urutan ke-{{position}}. Jika ada kursi yang dilepas, Anda akan diberi tahu.',
      waitlistedNoPosition:
        'Anda berada di daftar tunggu. Jika ada kursi yang dilepas, Anda akan diberi tahu.',
      withdrawn: 'Anda menarik pendaftaran ini pada {{when}}.',
      cancelled: 'Pelatihan ini dibatalkan, sehingga pendaftaran Anda ditutup.',
      closed: {
        NOT_ENDORSED:
          'Kepala sekolah Anda tidak memberi rekomendasi, sehingga pendaftaran ini tidak ikut seleksi.',
        ENDORSEMENT_EXPIRED:
          'Rekomendasi kepala sekolah tidak diberikan sebelum batas waktu, sehingga pendaftaran ini tidak ikut seleksi.',
        REJECTED:
          'Anda belum terpilih untuk pelatihan ini. Nantikan pelatihan lain yang sesuai dengan bidang Anda.',
        DECLINED: 'Anda menolak kursi pelatihan ini.',
        LAPSED: 'Kursi tidak dikonfirmasi sebelum batas waktu, sehingga diberikan kepada guru lain.',
      },
      principalNote: 'Catatan kepala sekolah: {{note}}',
      reason: 'Keterangan: {{reason}}',
    },
    seat: {
      confirm: 'Konfirmasi kursi',
      decline: 'Tolak kursi',
      declineTitle: 'Tolak kursi ini?',
      declineBody:
        'Kursi Anda untuk “{{title}}” akan diberikan kepada guru di daftar tunggu. Keputusan ini tidak dapat dibatalkan.',
      confirmedNotice: 'Kursi Anda untuk “{{title}}” sudah dikonfirmasi.',
      declinedNotice: 'Anda menolak kursi untuk “{{title}}”.',
    },
    applications: {
      title: 'Pendaftaran saya',
      lead: 'Pelatihan yang Anda daftar, yang terbaru di atas.',
      withdrawnAt: 'Ditarik {{when}}',
      closesAt: 'Pendaftaran ditutup {{when}}',
      applyAgain: 'Daftar lagi',
      emptyTitle: 'Belum ada pendaftaran',
      emptyText: 'Cari pelatihan yang sesuai dengan bidang Anda, lalu kirim pendaftaran.',
      browse: 'Cari pelatihan',
      teachersOnly: 'Halaman ini untuk guru. Akun Anda tidak memiliki pendaftaran pelatihan.',
    },
    withdraw: {
      button: 'Tarik pendaftaran',
      title: 'Tarik pendaftaran?',
      body: 'Pendaftaran Anda untuk “{{title}}” akan ditarik dan tidak ikut diseleksi.',
      note: 'Selama pendaftaran masih dibuka, Anda dapat mendaftar lagi.',
      confirm: 'Ya, tarik',
      done: 'Pendaftaran untuk “{{title}}” sudah ditarik.',
    },
  },
  en: {
    apply: {
      title: 'Apply for this training',
      appliedTitle: 'Your application',
      submittedAt: 'Sent {{when}}',
      yourMotivation: 'Your motivation',
      showMore: 'Show more',
      showLess: 'Show less',
      seeMine: 'See my applications',
      deadlineNote: 'Apply by {{when}}.',
      reapply:
        'You withdrew an earlier application to this training. You can apply again while applications are open.',
      motivation: 'Motivation',
      motivationHint:
        'Tell us why you want to join this training, what you will use in class, and how you will pass it on to fellow teachers.',
      motivationMin: 'At least {{min}} characters',
      moreNeeded_one: '{{count}} more character needed.',
      moreNeeded_other: '{{count}} more characters needed.',
      draftSaved: 'Your text is kept on this device until you send it.',
      submit: 'Submit application',
      notSent: 'Application not sent',
      sentTitle: 'Application sent',
      signInFirst: 'Sign in with your teacher account to apply. Applications close {{when}}.',
      register: 'Create a teacher account',
      notTeacher: 'Only teachers can apply for trainings. You are signed in as {{roles}}.',
      notYetOpen: 'Applications open {{opens}} and close {{closes}}.',
      closed: 'Applications for this training have closed ({{when}}).',
      cancelled: 'This training was cancelled.',
      cancelReason: 'Reason: {{reason}}',
      notEligible: 'You do not meet the requirements of this training:',
      eligible: 'You meet the requirements to apply for this training.',
      profileHint: 'The requirements are checked against your profile. If something there is wrong,',
      profileLink: 'update your profile.',
      needsEndorsement:
        "This training needs your principal's endorsement, by {{deadline}}. Your principal sees your application in KMG once you apply.",
      firstCome_one:
        'Seats go in order of application: you see the result as soon as you send it. {{count}} seat left.',
      firstCome_other:
        'Seats go in order of application: you see the result as soon as you send it. {{count}} seats left.',
      firstComeFull:
        'All seats are taken. If you apply now, you join the waitlist and are told if a seat becomes free.',
      acceptedTitle: 'You have a seat!',
      acceptedText: 'Confirm your seat on “{{title}}” before the deadline.',
      waitlistedTitle: 'You are on the waitlist',
      waitlistedText: 'Number {{position}} for “{{title}}”.',
    },
    progress: {
      submitted: 'Your application has been received and will be considered once applications close.',
      awaitingEndorsement:
        "Waiting for your principal's endorsement, due by {{deadline}}. Once endorsed, your application goes into the selection.",
      endorsed: 'Your principal has endorsed you. Your application is in the selection.',
      inSelection: 'Your application is in the selection. Results come after applications close.',
      acceptedTitle: 'Congratulations, you have been selected!',
      accepted:
        'Confirm your seat before {{deadline}}. Without a confirmation, the seat goes to the next teacher on the waitlist.',
      acceptedNoDeadline: 'Confirm your seat soon, or it goes to the next teacher on the waitlist.',
      confirmed: 'Your seat is confirmed. See you at the training!',
      inTraining: 'The training is under way. Attend as scheduled to qualify for the credential.',
      completed: 'This training is over.',
      noWithdrawal:
        'The application can no longer be withdrawn: the training has started. If you cannot attend, contact the provider.',
      waitlisted: 'You are number {{position}} on the waitlist. If a seat becomes free, you will be told.',
      waitlistedNoPosition: 'You are on the waitlist. If a seat becomes free, you will be told.',
      withdrawn: 'You withdrew this application on {{when}}.',
      cancelled: 'This training was cancelled, so your application is closed.',
      closed: {
        NOT_ENDORSED: 'Your principal did not endorse this application, so it is not in the selection.',
        ENDORSEMENT_EXPIRED:
          "Your principal's endorsement did not arrive in time, so the application is not in the selection.",
        REJECTED: 'You were not selected for this training. Look out for other trainings in your field.',
        DECLINED: 'You turned down your seat in this training.',
        LAPSED: 'The seat was not confirmed in time and went to another teacher.',
      },
      principalNote: "Principal's note: {{note}}",
      reason: 'Reason: {{reason}}',
    },
    seat: {
      confirm: 'Confirm seat',
      decline: 'Decline seat',
      declineTitle: 'Decline this seat?',
      declineBody:
        'Your seat on “{{title}}” goes to the next teacher on the waitlist. This cannot be undone.',
      confirmedNotice: 'Your seat on “{{title}}” is confirmed.',
      declinedNotice: 'You declined the seat on “{{title}}”.',
    },
    applications: {
      title: 'My applications',
      lead: 'Trainings you applied for, newest first.',
      withdrawnAt: 'Withdrawn {{when}}',
      closesAt: 'Applications close {{when}}',
      applyAgain: 'Apply again',
      emptyTitle: 'No applications yet',
      emptyText: 'Find a training in your field and send an application.',
      browse: 'Find trainings',
      teachersOnly: 'This page is for teachers. Your account has no training applications.',
    },
    withdraw: {
      button: 'Withdraw',
      title: 'Withdraw your application?',
      body: 'Your application for “{{title}}” will be withdrawn and left out of the selection.',
      note: 'While applications are open, you can apply again.',
      confirm: 'Yes, withdraw',
      done: 'Your application for “{{title}}” was withdrawn.',
    },
  },
};
