import { dateTimeFormat } from '#intl.ts';
import type { Locale } from '#locale.ts';

export * from '#locale.ts';

/**
 * Every error the platform reports, one message per language. The API sends the code and the
 * message in the request's language; the apps show the message and may branch on the code.
 */
export const errorMessages = {
  // Authentication and authorization
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { id: 'Anda tidak berhak melakukan ini.', en: 'You are not allowed to do this.' },
  RATE_LIMITED: {
    id: 'Terlalu banyak percobaan. Coba lagi sebentar lagi.',
    en: 'Too many attempts. Try again shortly.',
  },
  /** {wait}: how long until the next attempt, e.g. "30 detik" / "30 seconds". */
  ACCOUNT_LOCKED: {
    id: 'Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam {wait}.',
    en: 'Too many failed sign-in attempts for this account. Try again in {wait}.',
  },
  INVALID_CREDENTIALS: {
    id: 'Email/NUPTK atau kata sandi salah.',
    en: 'Wrong email/NUPTK or password.',
  },
  INTERNAL: {
    id: 'Terjadi kesalahan di server. Coba lagi nanti.',
    en: 'Something went wrong on the server. Try again later.',
  },
  BUSY: {
    id: 'Sistem sedang sangat sibuk dan permintaan Anda belum diproses (tidak ada yang tersimpan). Coba lagi dalam beberapa detik.',
    en: 'The system is very busy and your request was not processed (nothing was saved). Try again in a few seconds.',
  },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  VALIDATION: { id: 'Periksa kembali isian yang ditandai.', en: 'Check the highlighted fields.' },

  // Field rules
  REQUIRED: { id: 'Wajib diisi.', en: 'Required.' },
  TOO_SHORT: { id: 'Minimal {min} karakter.', en: 'At least {min} characters.' },
  TOO_LONG: { id: 'Maksimal {max} karakter.', en: 'At most {max} characters.' },
  TOO_SMALL: { id: 'Minimal {min}.', en: 'At least {min}.' },
  TOO_LARGE: { id: 'Maksimal {max}.', en: 'At most {max}.' },
  TOO_FEW_ITEMS: { id: 'Isi minimal {min} butir.', en: 'Give at least {min} items.' },
  TOO_MANY_ITEMS: { id: 'Maksimal {max} butir.', en: 'At most {max} items.' },
  NOT_INTEGER: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  INVALID_FORMAT: { id: 'Format tidak valid.', en: 'Invalid format.' },
  /** A NUL (U+0000), mostly pasted from a PDF or a word processor: PostgreSQL text cannot hold it. */
  INVALID_CHARACTER: {
    id: 'Teks ini berisi karakter kontrol tersembunyi (NUL) yang tidak dapat disimpan. Ketik ulang bagian yang ditempel.',
    en: 'This text holds a hidden control character (NUL) that cannot be stored. Retype the pasted part.',
  },
  INVALID_EMAIL: { id: 'Alamat email tidak valid.', en: 'Not a valid email address.' },
  INVALID_DATE: { id: 'Tanggal tidak valid.', en: 'Not a valid date.' },
  INVALID_ID: { id: 'Pengenal tidak valid.', en: 'Not a valid identifier.' },
  NUPTK_FORMAT: { id: 'NUPTK terdiri dari 16 angka.', en: 'A NUPTK has 16 digits.' },
  NPSN_FORMAT: { id: 'NPSN terdiri dari 8 karakter angka.', en: 'An NPSN has 8 digits.' },
  SKKNI_FORMAT: {
    id: 'Kode unit SKKNI berbentuk X.000000.000.00.',
    en: 'An SKKNI unit code looks like X.000000.000.00.',
  },
  PASSWORD_TOO_SHORT: {
    id: 'Kata sandi minimal {min} karakter.',
    en: 'The password needs at least {min} characters.',
  },
  NUPTK_TAKEN: { id: 'NUPTK ini sudah terdaftar.', en: 'This NUPTK is already registered.' },
  EMAIL_TAKEN: { id: 'Email ini sudah terdaftar.', en: 'This email is already registered.' },
  UNKNOWN_SCHOOL: {
    id: 'Sekolah dengan NPSN ini belum terdaftar di KMG.',
    en: 'No school with this NPSN is registered in KMG.',
  },
  UNKNOWN_SKILL_AREA: { id: 'Bidang keahlian tidak dikenal.', en: 'Unknown skill area.' },
  UNKNOWN_PROVINCE: { id: 'Provinsi tidak dikenal.', en: 'Unknown province.' },
  UNKNOWN_PROGRAMME: { id: 'Program tidak dikenal.', en: 'Unknown programme.' },
  UNKNOWN_PROVIDER: { id: 'Lembaga penyelenggara tidak dikenal.', en: 'Unknown training provider.' },
  UNKNOWN_ORGANIZATION: { id: 'Lembaga tidak dikenal.', en: 'Unknown organization.' },
  DUPLICATE_ITEM: { id: 'Butir ini muncul dua kali.', en: 'This item appears twice.' },

  // Training calls
  END_BEFORE_START: {
    id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
    en: 'The end date cannot be before the start date.',
  },
  WINDOW_CLOSES_BEFORE_OPENS: {
    id: 'Pendaftaran harus ditutup setelah dibuka.',
    en: 'Applications must close after they open.',
  },
  WINDOW_AFTER_TRAINING_START: {
    id: 'Pendaftaran harus ditutup sebelum pelatihan dimulai ({start}).',
    en: 'Applications must close before the training starts ({start}).',
  },
  SEATS_TOO_FEW: { id: 'Kuota peserta minimal 1.', en: 'A call needs at least 1 seat.' },
  VENUE_REQUIRED: {
    id: 'Tempat pelatihan wajib diisi untuk pelatihan luring atau campuran.',
    en: 'A venue is required for offline or blended training.',
  },
  INVALID_TRANSITION: {
    id: 'Lowongan berstatus {status} tidak dapat {action}.',
    en: 'A call with status {status} cannot be {action}.',
  },
  CALL_NOT_EDITABLE: {
    id: 'Lowongan yang sudah ditutup, selesai atau dibatalkan tidak dapat diubah.',
    en: 'A call that is closed, completed or cancelled cannot be edited.',
  },
  TRAVEL_SUPPORT_AMOUNT_REQUIRED: {
    id: 'Tulis batas penggantian biaya perjalanan (Rp).',
    en: 'Give the most that travel costs are reimbursed up to (Rp).',
  },
  // The checklist before publishing a call (blocking items are refused by the API too).
  PUBLISH_NO_REVIEWERS: {
    id: 'Lowongan dengan seleksi penilaian belum punya penilai. Tetapkan penilai di tab Seleksi.',
    en: 'A reviewed call has no reviewers yet. Assign them in the Selection tab.',
  },
  PUBLISH_RUBRIC_INCOMPLETE: {
    id: 'Rubrik penilaian belum lengkap. Lengkapi kriteria di tab Seleksi.',
    en: 'The scoring rubric is incomplete. Complete its criteria in the Selection tab.',
  },
  PUBLISH_WINDOW_ORDER: {
    id: 'Pendaftaran harus ditutup setelah dibuka dan sebelum pelatihan dimulai.',
    en: 'Applications must close after they open and before the training starts.',
  },
  PUBLISH_ENDORSEMENT_DEADLINE: {
    id: 'Batas rekomendasi kepala sekolah ({deadline}) harus setelah pendaftaran ditutup dan sebelum pelatihan dimulai.',
    en: "The principals' endorsement deadline ({deadline}) must fall after applications close and before the training starts.",
  },
  PUBLISH_TRAINING_NOT_AHEAD: {
    id: 'Tanggal pelatihan ({start}) harus di masa depan, dengan tanggal selesai tidak sebelum tanggal mulai.',
    en: 'The training dates ({start}) must lie ahead, the end not before the start.',
  },
  PUBLISH_NO_ACHIEVEMENT: {
    id: 'Kredensial (achievement) yang diberikan belum ditetapkan. Dapat ditetapkan nanti, sebelum hasil disetujui.',
    en: 'The credential (achievement) the call awards is not set yet. It can be set later, before results are approved.',
  },
  SEATS_BELOW_HELD: {
    id: 'Kuota tidak boleh kurang dari {held} kursi yang sudah terisi.',
    en: 'Seats cannot drop below the {held} already taken.',
  },

  // Applications
  CALL_NOT_OPEN: {
    id: 'Pelatihan ini tidak sedang menerima pendaftaran.',
    en: 'This training is not taking applications.',
  },
  WINDOW_NOT_STARTED: {
    id: 'Pendaftaran baru dibuka pada {opensAt}.',
    en: 'Applications open on {opensAt}.',
  },
  WINDOW_CLOSED: {
    id: 'Pendaftaran sudah ditutup pada {closesAt}.',
    en: 'Applications closed on {closesAt}.',
  },
  ALREADY_APPLIED: {
    id: 'Anda sudah mendaftar pada pelatihan ini.',
    en: 'You have already applied to this training.',
  },
  NOT_A_TEACHER: {
    id: 'Hanya guru dengan profil lengkap yang dapat mendaftar.',
    en: 'Only teachers with a complete profile can apply.',
  },
  NOT_YOUR_APPLICATION: {
    id: 'Pendaftaran ini bukan milik Anda.',
    en: 'This application is not yours.',
  },
  ALREADY_WITHDRAWN: { id: 'Pendaftaran ini sudah ditarik.', en: 'This application is already withdrawn.' },
  INVALID_APPLICATION_TRANSITION: {
    id: 'Pendaftaran berstatus "{status}" tidak dapat {action}.',
    en: 'An application with status "{status}" cannot be {action}.',
  },
  STATUS_CHANGED: {
    id: 'Statusnya baru saja diubah oleh tindakan lain. Muat ulang halaman, lalu coba lagi.',
    en: 'Its status was just changed by another action. Reload the page and try again.',
  },

  // Eligibility: reasons a teacher reads on the call page
  NOT_ELIGIBLE: {
    id: 'Anda belum memenuhi syarat pelatihan ini.',
    en: 'You do not meet the requirements of this training.',
  },
  INELIGIBLE_SUBJECT: {
    id: 'Pelatihan ini untuk guru mata pelajaran/kompetensi: {subjects}.',
    en: 'This training is for teachers of: {subjects}.',
  },
  INELIGIBLE_EMPLOYMENT: {
    id: 'Status kepegawaian yang dapat mendaftar: {statuses}.',
    en: 'Employment statuses that may apply: {statuses}.',
  },
  INELIGIBLE_TEACHING_YEARS: {
    id: 'Dibutuhkan pengalaman mengajar minimal {min} tahun; Anda {years} tahun.',
    en: 'At least {min} years of teaching are required; you have {years}.',
  },
  INELIGIBLE_AGE: {
    id: 'Usia maksimal {max} tahun pada {on}; usia Anda {age} tahun.',
    en: 'Applicants must be at most {max} years old on {on}; you are {age}.',
  },
  INELIGIBLE_AGE_UNKNOWN: {
    id: 'Pelatihan ini membatasi usia, tetapi tanggal lahir Anda belum tercatat.',
    en: 'This training has an age limit, but your date of birth is not recorded.',
  },
  INELIGIBLE_PROVINCE: {
    id: 'Pelatihan ini hanya untuk sekolah di provinsi tertentu.',
    en: 'This training is only for schools in certain provinces.',
  },
  INELIGIBLE_SCHOOL_STATUS: {
    id: 'Pelatihan ini hanya untuk sekolah berstatus: {statuses}.',
    en: 'This training is only for schools of status: {statuses}.',
  },
  INELIGIBLE_CENTRE_OF_EXCELLENCE: {
    id: 'Pelatihan ini hanya untuk guru dari SMK Pusat Keunggulan.',
    en: 'This training is only for teachers from SMK Pusat Keunggulan (centres of excellence).',
  },
  INELIGIBLE_YEAR_LIMIT: {
    id: 'Anda sudah diterima di {max} pelatihan KMG tahun {year} ({title}).',
    en: 'You already hold {max} KMG training place(s) in {year} ({title}).',
  },
  INELIGIBLE_OVERLAP: {
    id: 'Jadwalnya bertabrakan dengan pelatihan Anda yang lain: {title}.',
    en: 'Its dates overlap with another training you hold a place in: {title}.',
  },
  UNKNOWN_CRITERION: { id: 'Kriteria penilaian tidak dikenal.', en: 'Unknown scoring criterion.' },
  LEVEL_OUT_OF_SCALE: {
    id: 'Skor ini di luar skala kriteria (0–{max}).',
    en: "This score is outside the criterion's scale (0–{max}).",
  },
  LEVEL_DESCRIBED_TWICE: {
    id: 'Skor ini sudah punya deskripsi.',
    en: 'This score already has a descriptor.',
  },

  // Endorsement, selection and seats
  APPLICATION_CLOSED: {
    id: 'Pendaftaran ini sudah selesai diproses.',
    en: 'This application has already been settled.',
  },
  NOT_YOUR_SCHOOL: {
    id: 'Pendaftaran ini bukan dari guru sekolah Anda.',
    en: 'This application is not from a teacher of your school.',
  },
  ENDORSEMENT_DONE: {
    id: 'Pendaftaran ini sudah diberi keputusan rekomendasi.',
    en: 'This application already has an endorsement decision.',
  },
  ENDORSEMENT_CLOSED: {
    id: 'Batas rekomendasi sudah lewat ({deadline}).',
    en: 'The endorsement deadline has passed ({deadline}).',
  },
  NO_ENDORSEMENT_DECISION: {
    id: 'Pendaftaran ini belum diberi keputusan rekomendasi, jadi tidak ada yang dibatalkan.',
    en: 'This application has no endorsement decision to undo.',
  },
  ENDORSEMENT_ACTED_ON: {
    id: 'Keputusan rekomendasi tidak dapat dibatalkan lagi: pendaftaran sudah berstatus "{status}".',
    en: 'The endorsement decision can no longer be undone: the application is already "{status}".',
  },
  ENDORSEMENT_UNDO_CLOSED: {
    id: 'Keputusan rekomendasi hanya dapat dibatalkan sampai batas rekomendasi ({deadline}), yang sudah lewat.',
    en: 'An endorsement decision can be undone only until the endorsement deadline ({deadline}), which has passed.',
  },
  NOT_ACCEPTED: {
    id: 'Hanya pendaftaran yang diterima yang dapat dikonfirmasi atau ditolak.',
    en: 'Only an accepted application can be confirmed or declined.',
  },
  TRAINING_STARTED: {
    id: 'Pelatihan sudah dimulai: pendaftaran tidak dapat ditarik lagi. Hubungi penyelenggara bila Anda berhalangan.',
    en: 'The training has started: the application can no longer be withdrawn. Contact the provider if you cannot attend.',
  },
  CONFIRMATION_CLOSED: {
    id: 'Batas konfirmasi sudah lewat ({deadline}).',
    en: 'The confirmation deadline has passed ({deadline}).',
  },
  CALL_FULL: {
    id: 'Kuota sudah penuh; Anda masuk daftar tunggu.',
    en: 'All seats are taken; you are on the waitlist.',
  },
  NOT_ASSIGNED_REVIEWER: {
    id: 'Anda bukan penilai untuk lowongan ini.',
    en: 'You are not a reviewer of this call.',
  },
  NOT_REVIEWABLE: {
    id: 'Hanya pendaftaran yang sudah direkomendasikan yang dinilai.',
    en: 'Only endorsed applications are scored.',
  },
  NOT_A_REVIEWER: {
    id: 'Pengguna ini tidak berperan sebagai penilai seleksi.',
    en: 'This user is not a selection reviewer.',
  },
  REVIEWS_INCOMPLETE: {
    id: '{count} pendaftaran belum dinilai oleh semua penilai.',
    en: '{count} applications are not yet scored by every reviewer.',
  },
  NO_REVIEWERS: {
    id: 'Tetapkan setidaknya satu penilai sebelum seleksi.',
    en: 'Assign at least one reviewer before selection.',
  },
  SELECTION_COMMITTED: {
    id: 'Hasil seleksi lowongan ini sudah ditetapkan.',
    en: 'The selection for this call has already been committed.',
  },
  NOT_REVIEWED_CALL: {
    id: 'Lowongan ini memakai urutan pendaftar, bukan seleksi dengan penilaian.',
    en: 'This call is first-come, first-served, not reviewed.',
  },
  SELECTION_TOO_EARLY: {
    id: 'Seleksi dapat ditetapkan setelah pendaftaran ditutup.',
    en: 'The selection can be committed once applications have closed.',
  },
  SETTINGS_LOCKED: {
    id: 'Pengaturan seleksi tidak dapat diubah setelah seleksi ditetapkan atau lowongan ditutup.',
    en: 'Selection settings cannot change once the selection is committed or the call is closed.',
  },
  ATTENDANCE_INCOMPLETE: {
    id: 'Kehadiran belum dicatat untuk {missing} hari.',
    en: 'Attendance is not recorded for {missing} day(s).',
  },
  ATTENDANCE_TOO_LOW: {
    id: 'Kehadiran {percent}% di bawah syarat {min}%.',
    en: 'Attendance {percent}% is below the required {min}%.',
  },
  ASSESSMENT_INCOMPLETE: {
    id: '{missing} unit kompetensi belum dinilai.',
    en: '{missing} competency unit(s) not yet assessed.',
  },
  NOT_YET_COMPETENT: {
    id: '{count} unit kompetensi Belum Kompeten.',
    en: '{count} competency unit(s) not yet competent.',
  },
  RESULTS_LOCKED: {
    id: 'Hasil sudah diajukan atau disetujui; koreksi melalui amandemen.',
    en: 'Results are submitted or approved; corrections go through an amendment.',
  },
  RESULTS_INCOMPLETE: {
    id: 'Hasil {count} peserta belum lengkap.',
    en: 'Results of {count} participant(s) are incomplete.',
  },
  RESULTS_NOT_SUBMITTED: {
    id: 'Hasil belum diajukan oleh penyelenggara.',
    en: 'The provider has not submitted results yet.',
  },
  NOT_A_PARTICIPANT: {
    id: 'Guru ini bukan peserta pelatihan.',
    en: 'This teacher is not a participant of the training.',
  },
  NO_ACHIEVEMENT: {
    id: 'Tetapkan kredensial (achievement) lowongan ini sebelum menyetujui hasil.',
    en: "Define the call's achievement before approving results.",
  },
  FILE_TOO_LARGE: { id: 'Berkas maksimal {max} MB.', en: 'Files can be at most {max} MB.' },
  FILE_TYPE: {
    id: 'Jenis berkas tidak diterima (foto, PDF atau dokumen).',
    en: 'File type not accepted (photo, PDF or document).',
  },
  UPLOAD_UNREADABLE: {
    id: 'Berkas tidak terkirim dengan utuh (unggahan terputus atau rusak). Coba unggah lagi.',
    en: 'The file did not arrive intact (the upload broke off or was malformed). Try uploading it again.',
  },
  ALREADY_REVOKED: { id: 'Kredensial ini sudah dicabut.', en: 'This credential is already revoked.' },
  DEADLINE_ORDER: {
    id: 'Batas rekomendasi harus setelah pendaftaran ditutup dan sebelum pelatihan dimulai.',
    en: 'The endorsement deadline must fall after applications close and before the training starts.',
  },

  // Pathways: why a credential the teacher holds does not count toward a pathway
  NOT_COUNTED_REVOKED: {
    id: 'Kredensial ini sudah dicabut.',
    en: 'This credential has been revoked.',
  },
  NOT_COUNTED_SUSPENDED: {
    id: 'Kredensial ini sedang ditangguhkan.',
    en: 'This credential is suspended.',
  },
  NOT_COUNTED_EXPIRED: {
    id: 'Masa berlaku kredensial ini sudah habis pada {validUntil}.',
    en: 'This credential expired on {validUntil}.',
  },
  NOT_COUNTED_OUTSIDE_RECENCY: {
    id: 'Diperoleh lebih dari {years} tahun yang lalu; jalur ini hanya menghitung kredensial sejak {since}.',
    en: 'Earned more than {years} years ago; this pathway only counts credentials earned since {since}.',
  },
  NOT_COUNTED_NOT_COMPETENT: {
    id: 'Hasil unit {units} Belum Kompeten.',
    en: 'The result for unit {units} is Belum Kompeten (not yet competent).',
  },
  NOT_COUNTED_OUT_OF_ORDER: {
    id: 'Diperoleh sebelum {item}, yang harus diperoleh lebih dahulu di jalur ini.',
    en: 'Earned before {item}, which this pathway requires first.',
  },
  NOT_COUNTED_NOT_RELEVANT: {
    id: 'Tidak sesuai dengan syarat mana pun di jalur ini.',
    en: 'Does not match any requirement of this pathway.',
  },
  NOT_COUNTED_ALREADY_USED: {
    id: 'Syarat yang dapat dipenuhinya sudah dipenuhi kredensial lain.',
    en: 'The requirements it could meet are already met by other credentials.',
  },

  // Pathways: the builder and awards
  PATHWAY_CODE_FORMAT: {
    id: 'Kode jalur terdiri atas 2-40 huruf besar, angka, atau tanda hubung (mis. JALUR-LAS-01).',
    en: 'A pathway code is 2-40 capital letters, digits or hyphens (e.g. JALUR-LAS-01).',
  },
  PATHWAY_CODE_TAKEN: {
    id: 'Kode jalur ini sudah dipakai.',
    en: 'This pathway code is already in use.',
  },
  PATHWAY_GROUP_EMPTY: {
    id: 'Kelompok syarat ini belum berisi syarat apa pun.',
    en: 'This requirement group has no requirements yet.',
  },
  PATHWAY_ID_DUPLICATE: {
    id: 'Kode syarat {id} dipakai lebih dari sekali.',
    en: 'Requirement id {id} is used more than once.',
  },
  PATHWAY_COUNT_TOO_HIGH: {
    id: 'Minimal {count} dari {children} syarat tidak mungkin dipenuhi.',
    en: 'At least {count} of {children} requirements can never be met.',
  },
  PATHWAY_ORDER_UNKNOWN_ITEM: {
    id: 'Urutan menyebut syarat {id} yang tidak ada.',
    en: 'The order names requirement {id}, which does not exist.',
  },
  PATHWAY_ORDER_CYCLE: {
    id: 'Urutan syarat berputar: tidak ada yang dapat diperoleh lebih dahulu.',
    en: 'The order goes round in a circle: nothing could be earned first.',
  },
  PATHWAY_NAMES_ITSELF: {
    id: 'Jalur tidak dapat mensyaratkan dirinya sendiri.',
    en: 'A pathway cannot require itself.',
  },
  PATHWAY_TOO_DEEP: {
    id: 'Kelompok syarat bersarang paling dalam {max} tingkat.',
    en: 'Requirement groups nest at most {max} levels deep.',
  },
  PATHWAY_TOO_LARGE: {
    id: 'Jalur berisi paling banyak {max} syarat.',
    en: 'A pathway holds at most {max} requirements.',
  },
  PATHWAY_NOT_DRAFT: {
    id: 'Versi ini sudah diterbitkan dan tidak dapat diubah; simpan sebagai versi baru.',
    en: 'This version is published and cannot change; save it as a new version.',
  },
  PATHWAY_UNKNOWN_REFERENCE: {
    id: 'Syarat menyebut {kind} {code} yang tidak dikenal.',
    en: 'The requirement names an unknown {kind} {code}.',
  },
  PATHWAY_NOT_PUBLISHED: {
    id: 'Hanya versi yang sedang terbit yang dapat dipensiunkan.',
    en: 'Only the published version can be retired.',
  },

  // Importing an Open Badges 3.0 credential issued elsewhere: why it was refused
  IMPORT_URL_NOT_ALLOWED: {
    id: 'Alamat ini tidak dapat dibuka: gunakan tautan https ke kredensial yang terbuka untuk umum.',
    en: 'This address cannot be opened: use an https link to a publicly available credential.',
  },
  IMPORT_FETCH_FAILED: {
    id: 'Kredensial tidak dapat diambil dari alamat itu. Periksa tautannya atau unggah berkasnya.',
    en: 'The credential could not be fetched from that address. Check the link or upload the file.',
  },
  IMPORT_FETCH_TIMEOUT: {
    id: 'Alamat itu terlalu lama menjawab. Coba lagi atau unggah berkasnya.',
    en: 'That address took too long to answer. Try again or upload the file.',
  },
  IMPORT_TOO_LARGE: {
    id: 'Berkas terlalu besar untuk sebuah kredensial (maksimal 1 MB).',
    en: 'The file is too large for a credential (at most 1 MB).',
  },
  IMPORT_NOT_JSON: {
    id: 'Ini bukan kredensial JSON. Unduh kredensial dalam format JSON (Open Badges 3.0) lalu coba lagi.',
    en: 'This is not a JSON credential. Download the credential as JSON (Open Badges 3.0) and try again.',
  },
  IMPORT_NOT_OPEN_BADGE: {
    id: 'Ini bukan kredensial Open Badges 3.0.',
    en: 'This is not an Open Badges 3.0 credential.',
  },
  IMPORT_PROOF_MISSING: {
    id: 'Kredensial ini tidak bertanda tangan, sehingga keasliannya tidak dapat diperiksa.',
    en: 'This credential is not signed, so its authenticity cannot be checked.',
  },
  IMPORT_PROOF_UNSUPPORTED: {
    id: 'Jenis tanda tangan kredensial ini belum dapat diperiksa KMG (didukung: eddsa-rdfc-2022).',
    en: 'KMG cannot check this kind of signature yet (supported: eddsa-rdfc-2022).',
  },
  IMPORT_CONTEXT_UNSUPPORTED: {
    id: 'Kredensial memakai kosakata (konteks JSON-LD) yang tidak dikenal KMG.',
    en: 'The credential uses a vocabulary (JSON-LD context) KMG does not know.',
  },
  IMPORT_PROOF_INVALID: {
    id: 'Tanda tangan tidak cocok: kredensial ini sudah diubah setelah diterbitkan atau bukan asli.',
    en: 'The signature does not match: this credential was changed after it was issued, or is not genuine.',
  },
  IMPORT_ISSUER_UNSUPPORTED: {
    id: 'Penerbit kredensial ini tidak dapat dikenali (didukung: did:web dan did:key).',
    en: 'The issuer of this credential cannot be identified (supported: did:web and did:key).',
  },
  IMPORT_ISSUER_UNRESOLVABLE: {
    id: 'Identitas penerbit tidak dapat diambil, sehingga tanda tangannya tidak dapat diperiksa.',
    en: "The issuer's identity could not be retrieved, so the signature cannot be checked.",
  },
  IMPORT_ISSUER_KEY_REJECTED: {
    id: 'Kunci yang menandatangani bukan milik penerbit ini.',
    en: 'The key that signed it does not belong to this issuer.',
  },
  IMPORT_SCHEMA_INVALID: {
    id: 'Isi kredensial tidak sesuai standar Open Badges 3.0.',
    en: 'The content of the credential does not follow the Open Badges 3.0 standard.',
  },
  IMPORT_REVOKED: {
    id: 'Penerbit sudah mencabut kredensial ini.',
    en: 'The issuer has revoked this credential.',
  },
  IMPORT_SUSPENDED: {
    id: 'Penerbit sedang menangguhkan kredensial ini.',
    en: 'The issuer has suspended this credential.',
  },
  IMPORT_STATUS_UNSUPPORTED: {
    id: 'Status kredensial ini dicatat dengan cara yang belum dapat diperiksa KMG.',
    en: 'The status of this credential is kept in a way KMG cannot check yet.',
  },
  IMPORT_STATUS_UNAVAILABLE: {
    id: 'Daftar status penerbit tidak dapat diambil. Coba lagi nanti.',
    en: "The issuer's status list could not be retrieved. Try again later.",
  },
  IMPORT_STATUS_INVALID: {
    id: 'Daftar status penerbit tidak sah.',
    en: "The issuer's status list is not valid.",
  },
  IMPORT_NOT_YET_VALID: {
    id: 'Kredensial ini belum berlaku.',
    en: 'This credential is not valid yet.',
  },
  IMPORT_EXPIRED: {
    id: 'Masa berlaku kredensial ini sudah habis.',
    en: 'This credential has expired.',
  },
  IMPORT_DATES_INVALID: {
    id: 'Tanggal berlaku kredensial ini tidak terbaca.',
    en: "This credential's dates cannot be read.",
  },
  IMPORT_RECIPIENT_MISMATCH: {
    id: 'Kredensial ini diterbitkan untuk orang lain: NUPTK atau email penerimanya bukan milik Anda.',
    en: "This credential was issued to someone else: its recipient's NUPTK or email is not yours.",
  },
  IMPORT_RECIPIENT_UNVERIFIABLE: {
    id: 'Kredensial ini tidak menyebut NUPTK atau email penerimanya, sehingga tidak dapat dipastikan milik Anda.',
    en: 'This credential names no recipient NUPTK or email, so it cannot be shown to be yours.',
  },
  IMPORT_ISSUED_BY_KMG: {
    id: 'Kredensial ini diterbitkan KMG dan sudah ada di dompet Anda.',
    en: 'This credential was issued by KMG and is already in your wallet.',
  },
  AWARD_REVIEW_DECIDED: {
    id: 'Tinjauan ini sudah diputuskan.',
    en: 'This review has already been decided.',
  },

  // Dissemination (pengimbasan) reports
  /** {status}, {action}: labels of the report status and the action. */
  INVALID_DISSEMINATION_TRANSITION: {
    id: 'Laporan pengimbasan berstatus "{status}" tidak dapat {action}.',
    en: 'A dissemination report with status "{status}" cannot be {action}.',
  },
  DISSEMINATION_NOT_COMPLETED: {
    id: 'Laporan pengimbasan hanya untuk pelatihan yang sudah Anda selesaikan (memiliki kredensialnya).',
    en: 'Dissemination reports are for trainings you completed (you hold their credential).',
  },
  DISSEMINATION_DATE_IN_FUTURE: {
    id: 'Tanggal kegiatan belum lewat: laporkan kegiatan yang sudah terlaksana.',
    en: 'The activity date is in the future: report activities that have taken place.',
  },
  DISSEMINATION_BEFORE_TRAINING: {
    id: 'Tanggal kegiatan sebelum pelatihan dimulai.',
    en: 'The activity date is before the training started.',
  },
  DISSEMINATION_NO_AUDIENCE: {
    id: 'Isi jumlah guru atau siswa yang dijangkau.',
    en: 'Enter how many teachers or students were reached.',
  },
  // RPL: catalogue, rules and applications
  INVALID_RPL_APPLICATION_TRANSITION: {
    id: 'Pengajuan RPL berstatus "{status}" tidak dapat {action}.',
    en: 'An RPL application with status "{status}" cannot be {action}.',
  },
  RPL_INTAKE_CLOSED: {
    id: 'Pendaftaran RPL gelombang ini tidak sedang dibuka.',
    en: 'This RPL intake is not open for applications.',
  },
  RPL_ALREADY_APPLIED: {
    id: 'Anda sudah memiliki pengajuan untuk gelombang ini.',
    en: 'You already have an application for this intake.',
  },
  RPL_NO_CREDENTIALS: {
    id: 'Pilih minimal satu kredensial atau unggah satu bukti sebelum mengajukan.',
    en: 'Choose at least one credential or upload one piece of evidence before submitting.',
  },
  RPL_CREDENTIAL_NOT_YOURS: {
    id: 'Kredensial ini bukan milik Anda.',
    en: 'This credential is not yours.',
  },
  RPL_SELF_EVALUATION_INCOMPLETE: {
    id: 'Isi evaluasi diri untuk setiap capaian mata kuliah yang diusulkan ({missing} belum diisi).',
    en: 'Fill in the self-evaluation for every outcome of the proposed courses ({missing} left).',
  },
  RPL_SELF_EVALUATION_NEEDS_EVIDENCE: {
    id: 'Capaian yang dinilai "Baik" atau "Sangat baik" perlu bukti pendukung.',
    en: 'An outcome rated "Good" or "Very good" needs supporting evidence.',
  },
  // RPL review (part 2): the case's steps, who takes them, and what each needs.
  /** {status}, {action}: labels of the case status and the action. */
  INVALID_RPL_CASE_TRANSITION: {
    id: 'Kasus RPL berstatus "{status}" tidak dapat {action}.',
    en: 'An RPL case with status "{status}" cannot be {action}.',
  },
  /** {roles}: the roles that may, e.g. "petugas administrasi". */
  RPL_CASE_WRONG_ROLE: {
    id: 'Kasus ini hanya dapat {action} oleh {roles}.',
    en: 'This case can only be {action} by the {roles}.',
  },
  /** {first}, {second}: the two roles one person holds on this case. */
  RPL_CASE_ROLE_CONFLICT: {
    id: 'Anda memegang peran {first} sekaligus {second} pada kasus ini; aturan empat mata melarangnya.',
    en: 'You are both {first} and {second} on this case; the four-eyes rule forbids it.',
  },
  /** {person}: the person's name; {first}, {second}: the two roles. */
  RPL_ROLE_CONFLICT: {
    id: '{person} tidak boleh menjadi {first} sekaligus {second} pada kasus yang sama.',
    en: '{person} may not be both {first} and {second} on the same case.',
  },
  /** {role}: the assessor role wanted. */
  RPL_NO_ELIGIBLE_ASSESSOR: {
    id: 'Belum ada {role} untuk program studi ini.',
    en: 'There is no {role} for this programme yet.',
  },
  /** {role}: the assessor role wanted. */
  RPL_ASSESSORS_ALL_CONFLICT: {
    id: 'Setiap {role} program studi ini sudah memegang peran lain pada kasus ini; tugaskan orang lain.',
    en: 'Every {role} of this programme already holds another role on this case; assign someone else.',
  },
  RPL_MISSING_ITEMS_REQUIRED: {
    id: 'Sebutkan minimal satu kekurangan yang harus dilengkapi guru.',
    en: 'List at least one item the teacher must add.',
  },
  RPL_RETURN_REASON_REQUIRED: {
    id: 'Tuliskan alasan pengembalian kepada tim RPL.',
    en: 'Give the reason for returning the case to the committee.',
  },
  RPL_ASSESSMENTS_INCOMPLETE: {
    id: 'Kedua asesor belum menilai setiap mata kuliah yang diusulkan.',
    en: 'The two assessors have not yet assessed every proposed course.',
  },
  /** {lastDay}: the last day an appeal could be made. */
  RPL_APPEAL_WINDOW_CLOSED: {
    id: 'Masa banding berakhir pada {lastDay}.',
    en: 'The appeal period ended on {lastDay}.',
  },
  RPL_NOTHING_TO_DECREE: {
    id: 'Tidak ada kasus tervalidasi yang menunggu surat keputusan pada gelombang ini.',
    en: 'No validated case of this intake is waiting for a decree.',
  },
  RPL_NOT_DECIDED_YET: {
    id: 'Tim RPL belum memutuskan kasus ini.',
    en: 'The committee has not decided this case yet.',
  },
  RPL_ASSESSMENT_ALREADY_SUBMITTED: {
    id: 'Penilaian asesor ini sudah diserahkan dan tidak dapat diubah lagi.',
    en: "This assessor's judgement has been submitted and can no longer change.",
  },
  RPL_CASE_NOT_IN_ASSESSMENT: {
    id: 'Kasus ini tidak sedang dalam tahap asesmen.',
    en: 'This case is not in assessment.',
  },
  RPL_NOT_YOUR_ASSESSMENT: {
    id: 'Anda bukan asesor yang ditugaskan pada kasus ini.',
    en: 'You are not an assessor assigned to this case.',
  },
  /** {missing}: how many CPMK are not yet judged. */
  RPL_ASSESSMENT_INCOMPLETE_ITEMS: {
    id: 'Masih ada {missing} CPMK yang belum dinilai; nilai semuanya sebelum menyerahkan.',
    en: '{missing} CPMK are not yet judged; judge them all before submitting.',
  },
  /** {person}, {role}. */
  RPL_NOT_AN_ASSESSOR: {
    id: '{person} bukan {role} untuk program studi ini.',
    en: '{person} is not a {role} for this programme.',
  },
  RPL_APPEAL_TOO_SHORT: {
    id: 'Jelaskan alasan banding minimal 10 karakter.',
    en: 'Explain the appeal in at least 10 characters.',
  },
  RPL_NOT_UNIVERSITY_STAFF: {
    id: 'Orang ini bukan staf RPL perguruan tinggi ini.',
    en: 'This person is not RPL staff of this university.',
  },
  RPL_LAST_UNIVERSITY_ADMIN: {
    id: 'Perguruan tinggi perlu minimal satu admin perguruan tinggi.',
    en: 'A university needs at least one university admin.',
  },
  RPL_ROLE_PAIR_SAME: {
    id: 'Sepasang peran terlarang harus terdiri atas dua peran yang berbeda.',
    en: 'A forbidden pair names two different roles.',
  },
  RPL_DECREE_PER_INTAKE: {
    id: 'Perguruan tinggi ini menerbitkan surat keputusan per gelombang: terbitkan dari halaman Surat keputusan.',
    en: 'This university issues its decrees per intake: issue it from the Decrees page.',
  },
  RPL_DECREE_PER_CASE: {
    id: 'Perguruan tinggi ini menerbitkan surat keputusan per kasus: terbitkan dari halaman kasus.',
    en: 'This university issues its decrees per case: issue it from the case page.',
  },
  RPL_LOGO_FILE_TYPE: {
    id: 'Logo harus berupa gambar PNG atau JPEG.',
    en: 'The logo must be a PNG or JPEG image.',
  },
  RPL_NOT_A_UNIVERSITY: {
    id: 'Organisasi ini bukan perguruan tinggi.',
    en: 'This organisation is not a university.',
  },
  RPL_APPEAL_ALREADY_MADE: {
    id: 'Banding untuk keputusan ini sudah pernah diajukan.',
    en: 'This decision has already been appealed.',
  },
  /** {method}: the assessment method. */
  RPL_ASSESSMENT_SCHEDULE_REQUIRED: {
    id: 'Metode {method} memerlukan tanggal pelaksanaan.',
    en: 'The {method} method needs a scheduled date.',
  },
  /** {method}: the assessment method. */
  RPL_ASSESSMENT_PLACE_REQUIRED: {
    id: 'Metode {method} memerlukan tempat atau tautan pertemuan.',
    en: 'The {method} method needs a place or a meeting link.',
  },
  /** {proposedSks}: the SKS the engine proposed (0 when it proposed none). */
  RPL_DECISION_REASON_REQUIRED: {
    id: 'Keputusan berbeda dari usulan sistem ({proposedSks} SKS): tuliskan alasannya.',
    en: 'The decision departs from the proposal ({proposedSks} SKS): give the reason.',
  },
  /** {course}: the course code. */
  RPL_DECISION_MISSING: {
    id: 'Mata kuliah {course} diusulkan tetapi belum diputuskan.',
    en: 'Course {course} was proposed but has no decision.',
  },
  RPL_DECISION_UNKNOWN_COURSE: {
    id: 'Mata kuliah ini tidak ada di program studi.',
    en: 'This course is not in the programme.',
  },
  RPL_DECISION_DUPLICATE: {
    id: 'Mata kuliah ini sudah diputuskan di baris lain.',
    en: 'This course already has a decision on another row.',
  },
  /** {total}, {cap}: SKS. */
  RPL_DECISION_OVER_CAP: {
    id: 'Total SKS yang diakui ({total}) melebihi batas regulasi ({cap} SKS).',
    en: 'The recognised SKS ({total}) exceed the regulation cap ({cap} SKS).',
  },
  RPL_DECISION_INELIGIBLE: {
    id: 'Program studi ini tidak dapat menjalankan RPL, sehingga tidak ada SKS yang dapat diakui.',
    en: 'This programme cannot run RPL, so no SKS can be recognised.',
  },
  // RPL decree (SK) numbers: the pattern a university sets for its own numbering. Tokens come in
  // as parameters, so their braces are never read as placeholders.
  /** {token}: the token as written, e.g. "{tahun}"; {accepted}: the tokens a pattern may use. */
  DECREE_NUMBER_UNKNOWN_TOKEN: {
    id: 'Penanda {token} tidak dikenal; gunakan {accepted}.',
    en: 'Unknown token {token}; use {accepted}.',
  },
  /** {token}: the sequence token, e.g. "{seq:3}". */
  DECREE_NUMBER_WITHOUT_SEQUENCE: {
    id: 'Pola nomor harus memuat nomor urut, misalnya {token}, agar setiap surat keputusan bernomor berbeda.',
    en: 'The pattern must contain the sequence number, such as {token}, so that no two decrees share a number.',
  },
  /** {token}: "{year}". */
  DECREE_NUMBER_WITHOUT_YEAR: {
    id: 'Pola nomor harus memuat tahun {token}, karena nomor urut dimulai lagi dari 1 setiap tahun.',
    en: 'The pattern must contain the year {token}, because the sequence starts again at 1 every year.',
  },
  RPL_EVIDENCE_SUBMITTED: {
    id: 'Berkas ini sudah diajukan dan dilihat perguruan tinggi, jadi tidak dapat dihapus. Tambahkan berkas baru bila perlu.',
    en: 'This file was submitted and seen by the university, so it cannot be removed. Add a new file if needed.',
  },
  RULE_FOUR_EYES: {
    id: 'Aturan harus disetujui oleh orang lain selain penyusunnya.',
    en: 'A rule must be approved by someone other than its author.',
  },
  RULE_CHANGED_SINCE_SEEN: {
    id: 'Draf ini diubah penyusunnya setelah Anda membukanya. Muat ulang, periksa isinya, lalu setujui.',
    en: 'The author changed this draft after you opened it. Reload, check it, then approve.',
  },
  RULE_NOT_DRAFT: {
    id: 'Hanya draf yang dapat diubah atau disetujui; versi yang sudah disetujui tidak berubah.',
    en: 'Only a draft can be changed or approved; an approved version never changes.',
  },
  RULE_NOT_APPROVED: {
    id: 'Hanya versi yang disetujui yang dapat dipensiunkan.',
    en: 'Only an approved version can be retired.',
  },
  RULE_SKS_OVER_COURSE: {
    id: 'SKS yang diakui tidak boleh melebihi SKS mata kuliah ({sks}).',
    en: 'Recognised SKS cannot exceed the course SKS ({sks}).',
  },
  RULE_UNKNOWN_OUTCOME: {
    id: 'Capaian "{code}" bukan CPMK mata kuliah ini.',
    en: '"{code}" is not a learning outcome of this course.',
  },
  RULE_UNKNOWN_REFERENCE: {
    id: '"{code}" tidak ditemukan.',
    en: '"{code}" was not found.',
  },
  CODE_TAKEN: { id: 'Kode ini sudah dipakai.', en: 'This code is already in use.' },
  CURRICULUM_VERSION_EXISTS: {
    id: 'Kurikulum versi {version} sudah ada untuk program studi ini.',
    en: 'Curriculum version {version} already exists for this programme.',
  },
  CURRICULUM_FILE_INVALID: {
    id: 'Berkas kurikulum berisi {count} kesalahan; perbaiki baris yang ditandai lalu unggah lagi.',
    en: 'The curriculum file has {count} errors; fix the marked rows and upload again.',
  },
  // RPL (rekognisi pembelajaran lampau): why a programme runs none, why a course is not proposed
  RPL_NOT_OFFERED: {
    id: 'Program studi ini tidak membuka RPL.',
    en: 'This study programme does not offer RPL.',
  },
  /** {degree}: D3, D4, S1, S2 or S3. */
  RPL_DEGREE_WITHOUT_RPL: {
    id: 'RPL tidak berlaku untuk jenjang {degree}.',
    en: 'RPL does not apply to {degree} programmes.',
  },
  RPL_ACCREDITATION_TOO_LOW: {
    id: 'Akreditasi program studi ({accreditation}) di bawah syarat minimal RPL ({minimum}).',
    en: "The programme's accreditation ({accreditation}) is below the minimum for RPL ({minimum}).",
  },
  RPL_ACCREDITATION_EXPIRED: {
    id: 'Akreditasi program studi berakhir pada {expiresOn}, sebelum batas akhir pendaftaran.',
    en: "The programme's accreditation ended on {expiresOn}, before the intake cut-off.",
  },
  RPL_NO_RULE: {
    id: 'Mata kuliah ini belum memiliki aturan penyetaraan RPL.',
    en: 'This course has no RPL equivalence rule yet.',
  },
  RPL_COURSE_KIND_EXCLUDED: {
    id: 'Mata kuliah jenis ini (misalnya skripsi/tugas akhir) tidak dapat diakui melalui RPL.',
    en: 'Courses of this kind (such as the final project) cannot be recognised through RPL.',
  },
  RPL_CAP_REACHED: {
    id: 'Batas SKS yang dapat diakui sudah tercapai oleh mata kuliah lain.',
    en: 'The limit on recognised SKS is already reached by other courses.',
  },
  RPL_MAX_COURSES_REACHED: {
    id: 'Batas jumlah mata kuliah yang dapat diakui sudah tercapai.',
    en: 'The limit on the number of recognised courses is already reached.',
  },
  RPL_CREDENTIAL_LIMIT: {
    id: 'Kredensial yang dibutuhkan sudah dipakai untuk mata kuliah lain sebanyak batas yang diizinkan.',
    en: 'The credentials it needs already support as many other courses as allowed.',
  },
  RPL_MISSING_EVIDENCE: {
    id: 'Anda belum memiliki kredensial yang dipersyaratkan untuk mata kuliah ini.',
    en: 'You do not yet hold the credentials this course requires.',
  },
  RPL_COVERAGE_TOO_LOW: {
    id: 'Bukti yang tersedia belum mencakup capaian pembelajaran mata kuliah (CPMK) yang cukup.',
    en: "The evidence does not cover enough of the course's learning outcomes (CPMK).",
  },
  RPL_HOURS_TOO_FEW: {
    id: 'Jam pelatihan pada kredensial Anda belum mencukupi untuk mata kuliah ini.',
    en: 'Your credentials do not yet hold enough training hours for this course.',
  },
  RPL_EVIDENCE_TOO_OLD: {
    id: 'Kredensial yang sesuai diterbitkan terlalu lama sebelum batas akhir pendaftaran.',
    en: 'The matching credential was issued too long before the intake cut-off.',
  },
  RPL_CREDENTIAL_REVOKED: {
    id: 'Kredensial yang sesuai sudah dicabut.',
    en: 'The matching credential has been revoked.',
  },
  RPL_CREDENTIAL_SUSPENDED: {
    id: 'Kredensial yang sesuai sedang ditangguhkan.',
    en: 'The matching credential is suspended.',
  },
  RPL_CREDENTIAL_EXPIRED: {
    id: 'Masa berlaku kredensial yang sesuai habis sebelum batas akhir pendaftaran.',
    en: 'The matching credential expired before the intake cut-off.',
  },
  RPL_CREDENTIAL_NOT_YET_ISSUED: {
    id: 'Kredensial yang sesuai diterbitkan setelah batas akhir pendaftaran.',
    en: 'The matching credential was issued after the intake cut-off.',
  },
  RPL_NOT_COMPETENT: {
    id: 'Unit kompetensi yang dipersyaratkan dinilai belum kompeten (BK).',
    en: 'The required competency unit was assessed not yet competent (BK).',
  },
  RPL_RULE_HOURS_ALONE: {
    id: 'Syarat jam pelatihan harus disertai syarat kredensial lain.',
    en: 'A training-hours requirement needs another credential requirement beside it.',
  },
  // Importing a study programme's curriculum (CSV or XLSX): the file, then its rows. {column} is
  // the column as the file names it; rows are numbered as the spreadsheet shows them (header = 1).
  CURRICULUM_FILE_TOO_LARGE: {
    id: 'Berkas kurikulum terlalu besar (maksimal {max}).',
    en: 'The curriculum file is too large (at most {max}).',
  },
  CURRICULUM_FILE_UNSUPPORTED: {
    id: 'Berkas ini bukan CSV atau Excel (.xlsx). Berkas .xls lama, .ods, atau PDF perlu disimpan ulang sebagai .xlsx atau CSV.',
    en: 'This file is not CSV or Excel (.xlsx). Older .xls, .ods or PDF files need to be saved again as .xlsx or CSV.',
  },
  CURRICULUM_FILE_UNREADABLE: {
    id: 'Berkas tidak dapat dibaca: mungkin rusak atau tidak lengkap. Buka di Excel, simpan ulang, lalu unggah lagi.',
    en: 'The file cannot be read: it may be damaged or incomplete. Open it in Excel, save it again and upload it again.',
  },
  CURRICULUM_CSV_MALFORMED: {
    id: 'Berkas CSV rusak di sekitar baris teks {line}: periksa tanda kutip (") di baris itu dan sebelumnya.',
    en: 'The CSV file is broken near text line {line}: check the quotation marks (") on that line and the ones before.',
  },
  CURRICULUM_FILE_EMPTY: {
    id: 'Berkas tidak berisi data mata kuliah.',
    en: 'The file holds no course rows.',
  },
  CURRICULUM_TOO_MANY_ROWS: {
    id: 'Berkas berisi lebih dari {max} baris data; bagi menjadi beberapa berkas.',
    en: 'The file has more than {max} data rows; split it into several files.',
  },
  CURRICULUM_COLUMN_MISSING: {
    id: 'Kolom {column} tidak ada di baris judul (nama yang diterima: {aliases}).',
    en: 'The header row has no {column} column (accepted names: {aliases}).',
  },
  CURRICULUM_COLUMN_DUPLICATE: {
    id: 'Kolom {column} sama dengan kolom {first}; hapus salah satunya.',
    en: 'Column {column} is the same as column {first}; remove one of them.',
  },
  CURRICULUM_CELL_EMPTY: {
    id: 'Kolom {column} wajib diisi.',
    en: 'Column {column} is required.',
  },
  CURRICULUM_NOT_A_NUMBER: {
    id: 'Kolom {column} harus berisi angka, bukan "{value}".',
    en: 'Column {column} must hold a number, not "{value}".',
  },
  CURRICULUM_NOT_INTEGER: {
    id: 'Kolom {column} harus bilangan bulat, bukan {value}.',
    en: 'Column {column} must be a whole number, not {value}.',
  },
  CURRICULUM_OUT_OF_RANGE: {
    id: 'Kolom {column} harus antara {min} dan {max}, bukan {value}.',
    en: 'Column {column} must be between {min} and {max}, not {value}.',
  },
  CURRICULUM_WEIGHT_RANGE: {
    id: 'Bobot di kolom {column} harus lebih dari 0 dan paling besar 100 (persen), bukan {value}.',
    en: 'The weight in column {column} must be more than 0 and at most 100 (percent), not {value}.',
  },
  CURRICULUM_TEXT_TOO_LONG: {
    id: 'Kolom {column} maksimal {max} karakter.',
    en: 'Column {column} holds at most {max} characters.',
  },
  CURRICULUM_KIND_UNKNOWN: {
    id: 'Jenis mata kuliah "{value}" tidak dikenal di kolom {column} (gunakan {accepted}).',
    en: 'Unknown course kind "{value}" in column {column} (use {accepted}).',
  },
  CURRICULUM_OUTCOME_DUPLICATE: {
    id: 'Kode CPMK {code} sudah dipakai untuk mata kuliah {course} di baris {firstRow}.',
    en: 'CPMK code {code} is already used for course {course} in row {firstRow}.',
  },
  CURRICULUM_COURSE_WITHOUT_OUTCOMES: {
    id: 'Mata kuliah {course} belum memiliki CPMK: tambahkan minimal satu baris berisi kode CPMK, teks CPMK, dan bobot.',
    en: 'Course {course} has no CPMK (course learning outcome): add at least one row with a CPMK code, text and weight.',
  },
  CURRICULUM_COURSE_MISMATCH: {
    id: 'Kolom {column} berisi "{value}", padahal baris {firstRow} untuk mata kuliah {course} berisi "{expected}".',
    en: 'Column {column} says "{value}", but row {firstRow} for course {course} says "{expected}".',
  },

  // Public profile and certificate branding
  PROFILE_SLUG_FORMAT: {
    id: 'Gunakan huruf kecil, angka, dan tanda hubung tunggal (mis. siti-rahmawati).',
    en: 'Use lowercase letters, digits and single hyphens (e.g. siti-rahmawati).',
  },
  RATING_STARS: { id: 'Pilih 1 sampai 5 bintang.', en: 'Choose 1 to 5 stars.' },
  RATING_NOT_COMPLETED: {
    id: 'Anda dapat menilai pelatihan setelah menyelesaikannya dan menerima kredensialnya.',
    en: 'You can rate a training once you have completed it and received its credential.',
  },
  RATING_LOCKED: {
    id: 'Penilaian hanya dapat diubah selama 30 hari setelah diberikan.',
    en: 'A rating can only be changed for 30 days after it was given.',
  },
  INVALID_PHONE: {
    id: 'Nomor telepon hanya berisi angka, spasi, tanda hubung, kurung, dan + di depan.',
    en: 'A phone number holds digits, spaces, hyphens, brackets and a leading +.',
  },
  JOB_LINK_URL: {
    id: 'Masukkan alamat web lengkap yang diawali https://.',
    en: 'Enter a full web address starting with https://.',
  },
  PROFILE_SLUG_TAKEN: {
    id: 'Alamat profil ini sudah dipakai orang lain. Pilih yang lain.',
    en: 'Someone else already uses this profile address. Choose another.',
  },
  BRANDING_IMAGE_TYPE: {
    id: 'Gambar harus berupa PNG atau JPEG.',
    en: 'The image must be a PNG or JPEG.',
  },
  BRANDING_NOT_AN_ISSUER: {
    id: 'Lembaga ini tidak menerbitkan sertifikat.',
    en: 'This organisation does not issue certificates.',
  },
  // Attendance import (CSV) and QR check-in
  ATTENDANCE_FILE_EMPTY: {
    id: 'Berkas kehadiran kosong: isi baris judul kolom lalu satu baris per peserta per hari.',
    en: 'The attendance file is empty: add a header row, then one row per participant per day.',
  },
  ATTENDANCE_FILE_TOO_LARGE: {
    id: 'Berkas kehadiran maksimal {max}.',
    en: 'The attendance file can be at most {max}.',
  },
  ATTENDANCE_FILE_UNREADABLE: {
    id: 'Berkas ini tidak dapat dibaca sebagai CSV. Simpan dari Excel sebagai "CSV (dipisah koma atau titik koma)".',
    en: 'This file cannot be read as CSV. Save it from Excel as "CSV (comma or semicolon delimited)".',
  },
  ATTENDANCE_FILE_COLUMNS: {
    id: 'Kolom wajib tidak ditemukan: {columns}. Judul kolom yang dikenali: NUPTK atau Email, Tanggal, Status (Kehadiran), Catatan.',
    en: 'Required columns not found: {columns}. Recognised headers: NUPTK or Email, Date, Status (Attendance), Note.',
  },
  ATTENDANCE_FILE_INVALID: {
    id: '{count} baris bermasalah dan tidak akan diimpor.',
    en: '{count} row(s) have problems and will not be imported.',
  },
  ATTENDANCE_ROW_NO_PARTICIPANT: {
    id: 'NUPTK atau email peserta kosong.',
    en: "The participant's NUPTK or email is empty.",
  },
  ATTENDANCE_ROW_UNKNOWN_PARTICIPANT: {
    id: '"{value}" bukan peserta pelatihan ini.',
    en: '"{value}" is not a participant of this training.',
  },
  ATTENDANCE_ROW_BAD_DATE: {
    id: '"{value}" bukan tanggal (tulis 2026-12-03 atau 03/12/2026).',
    en: '"{value}" is not a date (write 2026-12-03 or 03/12/2026).',
  },
  ATTENDANCE_ROW_NOT_TRAINING_DAY: {
    id: '{date} bukan hari pelatihan.',
    en: '{date} is not a training day.',
  },
  ATTENDANCE_ROW_FUTURE_DAY: {
    id: '{date} belum berlangsung.',
    en: '{date} has not happened yet.',
  },
  ATTENDANCE_ROW_BAD_STATUS: {
    id: '"{value}" bukan status kehadiran (Hadir, Terlambat, Tidak hadir, Izin, Sakit).',
    en: '"{value}" is not an attendance status (Present, Late, Absent).',
  },
  ATTENDANCE_ROW_DUPLICATE: {
    id: 'Peserta dan tanggal ini sudah ada di baris {firstRow}.',
    en: 'This participant and date are already in row {firstRow}.',
  },
  ATTENDANCE_ROW_NOTE_TOO_LONG: {
    id: 'Catatan maksimal {max} karakter.',
    en: 'Notes can be at most {max} characters.',
  },
  CHECK_IN_INVALID: {
    id: 'Kode QR ini tidak berlaku (sudah diganti atau bukan kode presensi). Pindai kode yang sedang ditampilkan penyelenggara.',
    en: 'This QR code is not valid (it was replaced or is not a check-in code). Scan the code the provider is showing now.',
  },
  CHECK_IN_WRONG_DAY: {
    id: 'Kode QR ini untuk {date}; hari ini di lokasi pelatihan {today}. Pindai kode hari ini.',
    en: "This QR code is for {date}; today at the venue is {today}. Scan today's code.",
  },
  CHECK_IN_NOT_SEATED: {
    id: 'Anda tidak terdaftar sebagai peserta pelatihan ini, jadi tidak dapat presensi.',
    en: 'You do not hold a seat in this training, so you cannot check in.',
  },
  CHECK_IN_ALREADY_DECIDED: {
    id: 'Presensi ini sudah diputuskan.',
    en: 'This check-in has already been decided.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

/**
 * A message parameter: a plain value, a text already written in both languages, or an instant to
 * show in a time zone (the zone is named, e.g. "WIB", so nobody misreads a deadline).
 */
export type MessageParam =
  | string
  | number
  | Record<Locale, string>
  | { instant: string; timeZone: string }
  /** A calendar date (YYYY-MM-DD), written out in the reader's language. */
  | { date: string };
export type MessageParams = Record<string, MessageParam>;

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export function formatCalendarDate(date: string, locale: Locale): string {
  return dateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function formatInstant(instant: Date | string, locale: Locale, timeZone: string): string {
  return `${dateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant))} ${zoneAbbreviation(timeZone, locale)}`;
}

function zoneAbbreviation(timeZone: string, locale: Locale): string {
  const names: Record<string, string> = {
    'Asia/Jakarta': 'WIB',
    'Asia/Makassar': 'WITA',
    'Asia/Jayapura': 'WIT',
  };
  return (
    names[timeZone] ??
    dateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value ??
    timeZone
  );
}

export function formatMessage(template: string, locale: Locale, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value !== 'object') return String(value);
    if ('instant' in value) return formatInstant(value.instant, locale, value.timeZone);
    if ('date' in value) return formatCalendarDate(value.date, locale);
    return value[locale];
  });
}

export function translateError(code: ErrorCode, locale: Locale, params: MessageParams = {}): string {
  return formatMessage(errorMessages[code][locale], locale, params);
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorMessages, value);
}
