import { describe, expect, it } from 'vitest';
import { placeFieldErrors } from '#lib/form-errors.ts';

describe('placeFieldErrors', () => {
  const fields = ['title', 'competencyUnits'];

  it('puts an error on the field its path starts with', () => {
    expect(
      placeFieldErrors('Periksa kembali', { 'competencyUnits.2.code': 'Kode tidak sah' }, fields),
    ).toEqual({ onFields: { 'competencyUnits.2.code': 'Kode tidak sah' }, message: 'Periksa kembali' });
  });

  it('adds errors on fields the form does not have to the message', () => {
    expect(
      placeFieldErrors(
        'Periksa kembali',
        { title: 'Terlalu pendek', 'province.code': 'Tidak dikenal' },
        fields,
      ),
    ).toEqual({ onFields: { title: 'Terlalu pendek' }, message: 'Periksa kembali Tidak dikenal' });
  });

  it('keeps the message alone when there are no field errors', () => {
    expect(placeFieldErrors('Lowongan sudah ditutup', {}, fields)).toEqual({
      onFields: {},
      message: 'Lowongan sudah ditutup',
    });
  });
});
