import { applicationStatuses } from '@kmg/domain';
import { builder } from '#builder.ts';

export const ApplicationStatusEnum = builder.enumType('ApplicationStatus', { values: applicationStatuses });

export const RoleEnum = builder.enumType('Role', {
  values: [
    'ADMIN',
    'PROGRAM_MANAGER',
    'PROVIDER_STAFF',
    'TEACHER',
    'PRINCIPAL',
    'RPL_REVIEWER',
    'SELECTION_REVIEWER',
  ] as const,
});

export const LocaleEnum = builder.enumType('Locale', { values: ['id', 'en'] as const });

export const GenderEnum = builder.enumType('Gender', { values: ['FEMALE', 'MALE'] as const });

export const EmploymentStatusEnum = builder.enumType('EmploymentStatus', {
  values: ['PNS', 'PPPK', 'GTY', 'HONORER'] as const,
});
