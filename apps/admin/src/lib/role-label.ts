import { useLocale } from '@kmg/ui';

/** A role's name: the shared wording where it has one, the console's own for newer roles. */
export function useRoleLabel() {
  const { t } = useLocale();
  return (role: string) =>
    t(`status.role.${role}`, { defaultValue: t(`admin.roles.${role}`, { defaultValue: role }) });
}
