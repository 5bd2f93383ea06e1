// Recording the competency assessment for each SKKNI unit.
export const assessmentMessages = {
  id: {
    delivery: {
      assessment: {
        title: 'Asesmen kompetensi',
        intro:
          'Nilai setiap peserta pada setiap unit SKKNI: Kompeten atau Belum Kompeten, dengan catatan asesor dan bukti yang valid, asli, terkini dan memadai.',
        trainingOnly:
          'Lowongan ini memberikan sertifikat pelatihan: kelulusan ditentukan oleh kehadiran, tanpa uji kompetensi. Ubah dasar kelulusan di templat kredensial bila pelatihan ini diuji per unit SKKNI.',
        noUnits:
          'Lowongan ini tidak mencantumkan unit SKKNI. Pengelola program menambahkannya di halaman ubah lowongan.',
        participants: 'Peserta yang dinilai',
        pickParticipant: 'Peserta',
        progress: '{{assessed}} dari {{total}} unit dinilai',
        next: 'Berikutnya: {{name}}',
        assessedAt: 'Dinilai {{date}}',
        notAssessed: 'Belum dinilai',
        decision: 'Keputusan',
        decisionHint: {
          KOMPETEN: 'Memenuhi semua kriteria unjuk kerja unit ini.',
          BELUM_KOMPETEN: 'Belum memenuhi; kredensial tidak diberikan sampai dinyatakan Kompeten.',
        },
        notes: 'Catatan asesor',
        notesHint: 'Apa yang diamati dan dasar keputusan. Tidak wajib, maksimal 2000 karakter.',
        evidence: 'Bukti',
        evidenceHint:
          'Tautan (video, folder, portofolio) atau berkas. Bukti yang sudah tersimpan tetap terlampir.',
        noEvidence: 'Belum ada bukti.',
        linkKind: 'Tautan',
        addLink: 'Tambah tautan',
        linkName: 'Nama bukti {{n}}',
        linkNamePlaceholder: 'Misalnya: Video uji praktik',
        linkUrl: 'Tautan bukti {{n}}',
        removeLink: 'Hapus tautan nomor {{n}}',
        addFiles: 'Pilih berkas bukti',
        filesHint:
          'Foto (JPG, PNG, WebP, HEIC), PDF, dokumen Word, Excel atau PowerPoint, atau video MP4; maksimal {{max}} MB per berkas. Berkas diunggah saat penilaian disimpan.',
        uploadsOnSave: 'diunggah saat disimpan',
        removeFile: 'Batal unggah {{name}}',
        removeEvidence: 'Hapus bukti {{name}}',
        removeEvidenceTitle: 'Hapus bukti ini?',
        removeEvidenceConfirm: 'Hapus bukti',
        removeLinkText:
          'Tautan "{{name}}" dilepas dari penilaian {{code}} untuk {{participant}}. Tambahkan lagi bila masih diperlukan.',
        removeFileText:
          'Berkas "{{name}}" dilepas dari penilaian {{code}} untuk {{participant}} dan dihapus dari penyimpanan. Tindakan ini tidak dapat dibatalkan.',
        evidenceRemoved: 'Bukti "{{name}}" dihapus.',
        save: 'Simpan penilaian unit',
        saved: 'Penilaian {{code}} untuk {{name}} tersimpan.',
        uploaded_one: '{{count}} berkas bukti diunggah.',
        uploaded_other: '{{count}} berkas bukti diunggah.',
        uploadFailed_one: '{{count}} berkas tidak terunggah; lihat alasannya di daftar berkas.',
        uploadFailed_other: '{{count}} berkas tidak terunggah; lihat alasannya di daftar berkas.',
        failed: 'Penilaian belum tersimpan',
      },
    },
  },
  en: {
    delivery: {
      assessment: {
        title: 'Competency assessment',
        intro:
          'Assess every participant in every SKKNI unit: competent or not yet competent, with the assessor’s notes and evidence that is valid, authentic, current and sufficient.',
        trainingOnly:
          'This call awards a training certificate: passing depends on attendance, without a competency test. Change the basis for passing in the credential template if this training is assessed per SKKNI unit.',
        noUnits: 'This call lists no SKKNI units. Program managers add them on the edit call page.',
        participants: 'Participants assessed',
        pickParticipant: 'Participant',
        progress: '{{assessed}} of {{total}} units assessed',
        next: 'Next: {{name}}',
        assessedAt: 'Assessed {{date}}',
        notAssessed: 'Not assessed',
        decision: 'Decision',
        decisionHint: {
          KOMPETEN: 'Meets every performance criterion of this unit.',
          BELUM_KOMPETEN: 'Not yet; no credential until judged competent.',
        },
        notes: "Assessor's notes",
        notesHint: 'What was observed and why. Optional, at most 2000 characters.',
        evidence: 'Evidence',
        evidenceHint: 'Links (video, folder, portfolio) or files. Evidence already saved stays attached.',
        noEvidence: 'No evidence yet.',
        linkKind: 'Link',
        addLink: 'Add a link',
        linkName: 'Evidence name {{n}}',
        linkNamePlaceholder: 'For example: Practical test video',
        linkUrl: 'Evidence link {{n}}',
        removeLink: 'Remove link number {{n}}',
        addFiles: 'Choose evidence files',
        filesHint:
          'Photos (JPG, PNG, WebP, HEIC), PDF, Word, Excel or PowerPoint documents, or MP4 video; at most {{max}} MB per file. Files upload when the assessment is saved.',
        uploadsOnSave: 'uploads on save',
        removeFile: 'Do not upload {{name}}',
        removeEvidence: 'Remove evidence {{name}}',
        removeEvidenceTitle: 'Remove this evidence?',
        removeEvidenceConfirm: 'Remove evidence',
        removeLinkText:
          'The link "{{name}}" is detached from the {{code}} assessment of {{participant}}. Add it again if it is still needed.',
        removeFileText:
          'The file "{{name}}" is detached from the {{code}} assessment of {{participant}} and deleted from storage. This cannot be undone.',
        evidenceRemoved: 'Evidence "{{name}}" removed.',
        save: 'Save unit assessment',
        saved: 'Assessment of {{code}} for {{name}} saved.',
        uploaded_one: '{{count}} evidence file uploaded.',
        uploaded_other: '{{count}} evidence files uploaded.',
        uploadFailed_one: '{{count}} file was not uploaded; see why in the file list.',
        uploadFailed_other: '{{count}} files were not uploaded; see why in the file list.',
        failed: 'Assessment not saved',
      },
    },
  },
};
