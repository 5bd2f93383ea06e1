// After the training: the province map (component and its page) and teachers' ratings of a call.
export const afterTrainingMessages = {
  id: {
    map: {
      loading: 'Memuat peta',
      failed: 'Peta tidak dapat dimuat. Angkanya tetap ada di tabel.',
      legend: 'Keterangan warna',
      range: '{{from}}–{{to}}',
      noData: 'Tidak ada data',
      credit:
        'Batas provinsi: Indonesia GeoJSON & TopoJSON Maps (38 Provinces), CC BY 4.0, tanpa penyederhanaan. Untuk peta statistik, bukan batas wilayah resmi.',
    },
    provinceMap: {
      nav: 'Peta',
      title: 'Peta guru terlatih per provinsi',
      lead: 'Guru yang memegang kredensial pelatihan (tidak dicabut) dari program yang Anda kelola, per provinsi sekolahnya saat ini.',
      denominator:
        'Pembagi: guru yang terdaftar di KMG di provinsi itu, bukan seluruh guru SMK (data resmi jumlah guru SMK tidak tersedia di sini). Provinsi dengan sedikit pendaftar dapat tampak tinggi; provinsi tanpa guru terdaftar ditandai tanpa data.',
      measure: 'Tampilkan',
      perThousand: 'Per 1.000 guru terdaftar',
      trained: 'Jumlah guru terlatih',
      mapTitlePerThousand: 'Guru terlatih per 1.000 guru terdaftar di KMG',
      mapTitleTrained: 'Jumlah guru terlatih',
      tableTitle: 'Angka per provinsi',
      province: 'Provinsi',
      teachersTrained: 'Guru terlatih',
      teachersRegistered: 'Guru terdaftar',
      trainedPerThousand: 'Per 1.000 terdaftar',
      total: 'Seluruh Indonesia',
    },
    ratings: {
      title: 'Penilaian peserta',
      lead: 'Bintang 1–5 dan ulasan singkat dari guru yang menyelesaikan pelatihan ini.',
      leadAnonymous:
        'Bintang 1–5 dan ulasan singkat dari guru yang menyelesaikan pelatihan ini. Nama penilai tidak ditampilkan kepada penyelenggara.',
      summary: 'Rata-rata {{average}} dari 5 ({{ratings}} penilaian)',
      provider: 'Seluruh pelatihan penyelenggara ini: rata-rata {{average}} dari 5 ({{ratings}} penilaian)',
      stars: '{{stars}} dari 5 bintang',
      empty: 'Belum ada penilaian untuk pelatihan ini.',
      noReview: 'Tanpa ulasan',
      anonymous: 'Peserta',
    },
  },
  en: {
    map: {
      loading: 'Loading the map',
      failed: 'The map could not be loaded. The figures are still in the table.',
      legend: 'Colour key',
      range: '{{from}}–{{to}}',
      noData: 'No data',
      credit:
        'Province boundaries: Indonesia GeoJSON & TopoJSON Maps (38 Provinces), CC BY 4.0, not simplified. For a statistical map, not official boundaries.',
    },
    provinceMap: {
      nav: 'Map',
      title: 'Trained teachers by province',
      lead: 'Teachers holding a training credential (not revoked) from the programmes you manage, by the province of their current school.',
      denominator:
        'Denominator: teachers registered on KMG in the province, not all SMK teachers (official SMK teacher counts are not available here). A province with few registrations can look high; provinces with no registered teachers are marked as no data.',
      measure: 'Show',
      perThousand: 'Per 1,000 registered teachers',
      trained: 'Number of trained teachers',
      mapTitlePerThousand: 'Trained teachers per 1,000 teachers registered on KMG',
      mapTitleTrained: 'Number of trained teachers',
      tableTitle: 'Figures by province',
      province: 'Province',
      teachersTrained: 'Trained teachers',
      teachersRegistered: 'Registered teachers',
      trainedPerThousand: 'Per 1,000 registered',
      total: 'All Indonesia',
    },
    ratings: {
      title: 'Participants’ ratings',
      lead: '1–5 stars and a short review from teachers who completed this training.',
      leadAnonymous:
        '1–5 stars and a short review from teachers who completed this training. Reviewers’ names are not shown to providers.',
      summary: 'Average {{average}} out of 5 ({{ratings}} ratings)',
      provider: 'All this provider’s trainings: average {{average}} out of 5 ({{ratings}} ratings)',
      stars: '{{stars}} out of 5 stars',
      empty: 'No ratings for this training yet.',
      noReview: 'No review',
      anonymous: 'Participant',
    },
  },
};
