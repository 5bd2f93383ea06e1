import { useLocale } from '@kmg/ui';
import { Avatar, Divider, Paper, Text, UnstyledButton } from '@mantine/core';
import { useClickOutside, useWindowEvent } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBuildingCommunity,
  IconClipboardList,
  IconLogout,
  IconSpeakerphone,
  IconUserCircle,
} from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { useSignOut } from '#lib/sign-out.ts';
import classes from './AppLayout.module.css';

export const AccountMenu_viewer = graphql(`
  fragment AccountMenu_viewer on User {
    name
    email
    roles
    teacherProfile {
      nuptk
    }
  }
`);

/** Two letters for the avatar: "Sri Wahyuni" → "SW". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => [...(word ?? '')][0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * The avatar in the header opens who is signed in, their pages and signing out. A disclosure
 * (button and panel of links) rather than an ARIA menu: simpler for screen readers, and it needs no
 * positioning library in the first bundle.
 */
export function AccountMenu({ viewer: data }: { viewer: FragmentOf<typeof AccountMenu_viewer> }) {
  const viewer = readFragment(AccountMenu_viewer, data);
  const { t } = useLocale();
  const { signOut, isSigningOut } = useSignOut();
  const location = useLocation();
  const panelId = useId();
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useClickOutside<HTMLDivElement>(() => setOpen(false));

  // Following a link from the panel closes it.
  useEffect(() => setOpen(false), [location.pathname]);

  useWindowEvent('keydown', (event) => {
    if (event.key === 'Escape' && isOpen) {
      setOpen(false);
      button.current?.focus();
    }
  });

  return (
    <div ref={root} className={classes.account}>
      <UnstyledButton
        ref={button}
        className={classes.accountButton}
        // The initials it shows belong in its name too, for speech input (WCAG 2.5.3).
        aria-label={t('learner.account.menu', { name: viewer.name, initials: initials(viewer.name) })}
        aria-expanded={isOpen}
        aria-controls={isOpen ? panelId : undefined}
        onClick={() => setOpen((open) => !open)}
      >
        <Avatar color="kmg" variant="filled" radius="xl" size={36} aria-hidden>
          {initials(viewer.name)}
        </Avatar>
      </UnstyledButton>
      {isOpen && (
        <Paper id={panelId} className={classes.accountPanel} shadow="md" withBorder radius="md">
          <div className={classes.accountWho}>
            <Text size="sm" fw={700} truncate>
              {viewer.name}
            </Text>
            <Text size="xs" c="gray.7" truncate>
              {viewer.email}
            </Text>
          </div>
          <Divider />
          <Link to="/profil" className={classes.accountItem}>
            <IconUserCircle size={20} aria-hidden />
            {t('learner.nav.profile')}
          </Link>
          {viewer.teacherProfile && (
            <Link to="/pendaftaran" className={classes.accountItem}>
              <IconClipboardList size={20} aria-hidden />
              {t('learner.nav.applications')}
            </Link>
          )}
          {viewer.teacherProfile && (
            <Link to="/pengimbasan" className={classes.accountItem}>
              <IconSpeakerphone size={20} aria-hidden />
              {t('learner.nav.dissemination')}
            </Link>
          )}
          {viewer.teacherProfile && (
            <Link to="/kontak-industri" className={classes.accountItem}>
              <IconAddressBook size={20} aria-hidden />
              {t('learner.contacts.nav')}
            </Link>
          )}
          {viewer.roles.includes('PRINCIPAL') && (
            <Link to="/sekolah" className={classes.accountItem}>
              <IconBuildingCommunity size={20} aria-hidden />
              {t('learner.nav.school')}
            </Link>
          )}
          <Divider />
          <UnstyledButton
            className={classes.accountItem}
            data-danger
            onClick={signOut}
            disabled={isSigningOut}
          >
            <IconLogout size={20} aria-hidden />
            {t('common.signOut')}
          </UnstyledButton>
        </Paper>
      )}
    </div>
  );
}
