// Demo teachers' genders, as they might state them on their profile (optional: those left out have
// not stated one, the dashboard's "not stated" row).
import type { Gender } from '#generated/prisma/client.ts';

export const teacherGenders: Readonly<Record<string, Gender>> = {
  'guru@kmg.demo': 'FEMALE',
  'budi.setiawan@kmg.demo': 'MALE',
  'maria.lende@kmg.demo': 'FEMALE',
  'andi.rahman@kmg.demo': 'MALE',
  'siti.nurhaliza@kmg.demo': 'FEMALE',
  'yohanes.tanaem@kmg.demo': 'MALE',
  'dewi.lestari@kmg.demo': 'FEMALE',
  'rudi.hermawan@kmg.demo': 'MALE',
  'fitri.handayani@kmg.demo': 'FEMALE',
  'bayu.saputra@kmg.demo': 'MALE',
  'dewi.anggraini@kmg.demo': 'FEMALE',
  'hendro.wibowo@kmg.demo': 'MALE',
  'siti.rahmawati@kmg.demo': 'FEMALE',
  'agung.pratama@kmg.demo': 'MALE',
  'hadi.purnomo@kmg.demo': 'MALE',
  'wahyu.nugroho@kmg.demo': 'MALE',
  'fajar.ramadhan@kmg.demo': 'MALE',
  'lina.marlina@kmg.demo': 'FEMALE',
};
