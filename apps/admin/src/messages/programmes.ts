// KMG programmes (one per year): what each expects of trained teachers afterwards (pengimbasan).
export const programmesMessages = {
  id: {
    programmes: {
      nav: 'Program',
      title: 'Program KMG',
      lead: 'Target pengimbasan setiap program: jumlah kegiatan terverifikasi yang diharapkan dari setiap guru setelah pelatihan, dan batas waktunya. Guru melihatnya sebagai kemajuan dan mendapat pengingat 30 dan 7 hari sebelum batas.',
      year: 'Tahun {{year}}',
      minActivities: 'Kegiatan terverifikasi minimal',
      minActivitiesHint: '0 berarti tanpa target.',
      withinMonths: 'Dalam (bulan) setelah pelatihan selesai',
      withinMonthsHint: 'Dihitung dari hari terakhir pelatihan.',
      save: 'Simpan target {{name}}',
      saved: 'Target pengimbasan {{name}} tersimpan.',
      readOnly: 'Hanya pengelola program ini yang dapat mengubah targetnya.',
      summary: '{{count}} kegiatan dalam {{months}} bulan',
    },
  },
  en: {
    programmes: {
      nav: 'Programmes',
      title: 'KMG programmes',
      lead: "Each programme's dissemination target: the verified activities expected of every teacher after a training, and by when. Teachers see it as progress and are reminded 30 and 7 days before the deadline.",
      year: 'Year {{year}}',
      minActivities: 'Verified activities, at least',
      minActivitiesHint: '0 means no target.',
      withinMonths: "Within (months) after the training's end",
      withinMonthsHint: 'Counted from the last day of the training.',
      save: 'Save the target of {{name}}',
      saved: 'Dissemination target of {{name}} saved.',
      readOnly: "Only this programme's managers can change its target.",
      summary: '{{count}} activities within {{months}} months',
    },
  },
};
