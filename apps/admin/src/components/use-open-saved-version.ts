import { useLocale } from '@kmg/ui';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';

/** After the builder saves (a new pathway, or a draft): says which version it saved and opens it. */
export function useOpenSavedVersion() {
  const { t } = useLocale();
  const navigate = useNavigate();
  return (saved: { id: string; version: number }) => {
    notifications.show({
      color: 'green',
      message: t('admin.pathwayBuilder.saved', { version: saved.version }),
    });
    navigate(`/jalur/${saved.id}`);
  };
}
