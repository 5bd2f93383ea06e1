import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import {
  IconCircleCheckFilled,
  IconCircleDashed,
  IconCircleMinus,
  IconFileImport,
  IconRoute,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { walletLink } from '#components/CredentialComponents.tsx';
import { callPath } from '#components/CredentialFacts.tsx';
import { formatDay } from '#lib/format-day.ts';
import { pathwayAnchor } from '#lib/pathway-links.ts';
import { groupProgressCount, type RequirementGroup, type RequirementNode } from '#lib/pathway-tree.ts';
import classes from './RequirementTree.module.css';

/** One item of a pathway and the teacher's standing on it, as `PathwayCard` reads it. */
export type ItemState = {
  item: { itemId: string; groupId: string; kind: string; label: string; reference: string };
  isFilled: boolean;
  isMissing: boolean;
  filledBy: readonly string[];
  openTrainings: readonly {
    id: string;
    title: string;
    applicationOpensAt: string;
    applicationClosesAt: string;
    isAcceptingApplications: boolean;
    provider: { name: string };
  }[];
};

/** The teacher's credentials (issued and imported) by uuid, for the names of those that fill items. */
export type CredentialNames = ReadonlyMap<string, { name: string; isImported: boolean }>;

/** A credential of the teacher by name: issued ones link to their page in the wallet. */
export function CredentialName({ id, credentialNames }: { id: string; credentialNames: CredentialNames }) {
  const { t } = useLocale();
  const known = credentialNames.get(id);
  if (!known) return <>{t('learner.pathways.otherCredential')}</>;
  if (known.isImported) return <>{t('learner.pathways.imported', { name: known.name })}</>;
  return (
    <Anchor component={Link} to={walletLink(id)} inherit fw={600}>
      {known.name}
    </Anchor>
  );
}

/**
 * A requirement item's name. The API names an achievement by its code until a credential of it
 * has been awarded once; the training that will award it names it better meanwhile.
 */
export function itemLabel(state: ItemState): string {
  const { kind, label, reference } = state.item;
  const training = state.openTrainings[0];
  return kind === 'achievement' && label === reference && training ? training.title : label;
}

type ItemLook = 'filled' | 'missing' | 'notNeeded';

function lookOf(state: ItemState): ItemLook {
  return state.isFilled ? 'filled' : state.isMissing ? 'missing' : 'notNeeded';
}

const icons: Record<ItemLook, ReactNode> = {
  filled: <IconCircleCheckFilled size={22} />,
  missing: <IconCircleDashed size={22} />,
  notNeeded: <IconCircleMinus size={22} />,
};

/**
 * A pathway's requirements drawn as their tree: each group with its rule in words ("Minimal 2 dari
 * 3") and how far the teacher is, each item with what filled it, or the trainings open for it.
 */
export function RequirementTree({
  tree,
  credentialNames,
  showsTrainings = true,
}: {
  tree: RequirementGroup<ItemState>;
  credentialNames: CredentialNames;
  /** False for an awarded pathway: nothing is missing there. */
  showsTrainings?: boolean;
}) {
  return <GroupBlock group={tree} credentialNames={credentialNames} showsTrainings={showsTrainings} isRoot />;
}

function GroupBlock({
  group,
  credentialNames,
  showsTrainings,
  isRoot = false,
}: {
  group: RequirementGroup<ItemState>;
  credentialNames: CredentialNames;
  showsTrainings: boolean;
  isRoot?: boolean;
}) {
  const { t, locale } = useLocale();
  const { done, needed } = groupProgressCount(group);
  const number = (value: number) => formatNumber(value, locale);
  const rule = t(`learner.pathways.rule.${group.rule}`, {
    count: group.target,
    total: group.total,
    value: number(group.target),
  });
  const isMet = group.progress?.isSatisfied ?? false;
  return (
    <div className={classes.group} data-root={isRoot || undefined} data-met={isMet || undefined}>
      <Group gap={8} className={classes.groupHead} wrap="wrap">
        <Text fw={700} size="sm">
          {rule}
        </Text>
        <Text size="sm" c={isMet ? 'green.9' : 'gray.7'} fw={isMet ? 600 : 400}>
          {isMet
            ? `✓ ${t('learner.pathways.groupMet')}`
            : t(`learner.pathways.groupDone.${group.rule}`, { done: number(done), needed: number(needed) })}
        </Text>
      </Group>
      <ul className={classes.children}>
        {group.children.map((child: RequirementNode<ItemState>) =>
          child.type === 'group' ? (
            <li key={child.id} className={classes.nested}>
              <GroupBlock group={child} credentialNames={credentialNames} showsTrainings={showsTrainings} />
            </li>
          ) : (
            <ItemRow
              key={child.id}
              state={child.state}
              after={child.after}
              credentialNames={credentialNames}
              showsTrainings={showsTrainings}
            />
          ),
        )}
      </ul>
    </div>
  );
}

function ItemRow({
  state,
  after,
  credentialNames,
  showsTrainings,
}: {
  state: ItemState;
  after: ItemState[];
  credentialNames: CredentialNames;
  showsTrainings: boolean;
}) {
  const { t, locale } = useLocale();
  const look = lookOf(state);
  const { kind, reference } = state.item;
  return (
    <li className={classes.item} data-look={look}>
      <span className={classes.itemIcon} aria-hidden>
        {icons[look]}
      </span>
      <div className={classes.itemBody}>
        <Text size="sm" fw={600} lh={1.35}>
          <VisuallyHidden>{t(`learner.pathways.${look}`)}: </VisuallyHidden>
          {itemLabel(state)}
        </Text>

        {look === 'filled' && (
          <Text size="sm" c="gray.8">
            {t('learner.pathways.filledBy')}{' '}
            {state.filledBy.map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                <CredentialName id={id} credentialNames={credentialNames} />
              </span>
            ))}
          </Text>
        )}

        {look === 'notNeeded' && (
          <Text size="sm" c="gray.7">
            {t('learner.pathways.notNeededText')}
          </Text>
        )}

        {look !== 'filled' &&
          after.map((first) => (
            <Text key={first.item.itemId} size="sm" c="gray.7">
              {t('learner.pathways.after', { item: itemLabel(first) })}
            </Text>
          ))}

        {look === 'missing' && showsTrainings && kind === 'pathway' && (
          <Anchor href={`#${pathwayAnchor(reference)}`} size="sm" fw={600}>
            <Group gap={4} component="span">
              <IconRoute size={16} aria-hidden />
              {t('learner.pathways.seePathway')}
            </Group>
          </Anchor>
        )}

        {look === 'missing' && showsTrainings && kind === 'external' && (
          <Text size="sm" c="gray.7">
            {t('learner.pathways.importHint')}{' '}
            <Anchor component={Link} to="/kredensial/impor" inherit fw={600}>
              <IconFileImport size={14} aria-hidden /> {t('learner.pathways.importAction')}
            </Anchor>
          </Text>
        )}

        {look === 'missing' &&
          showsTrainings &&
          kind !== 'pathway' &&
          kind !== 'external' &&
          (state.openTrainings.length > 0 ? (
            <div className={classes.trainings}>
              <Text size="xs" fw={700} c="gray.7" tt="uppercase" className={classes.trainingsTitle}>
                {t('learner.pathways.openTrainings')}
              </Text>
              <ul className={classes.trainingList}>
                {state.openTrainings.map((call) => (
                  <li key={call.id} className={classes.training}>
                    <div className={classes.trainingText}>
                      <Anchor component={Link} to={callPath(call.id)} size="sm" fw={600}>
                        {call.title}
                      </Anchor>
                      <Text size="xs" c="gray.7">
                        {call.provider.name} ·{' '}
                        {call.isAcceptingApplications
                          ? t('learner.call.closes', { when: formatDay(call.applicationClosesAt, locale) })
                          : t('learner.call.opens', { when: formatDay(call.applicationOpensAt, locale) })}
                      </Text>
                    </div>
                    {call.isAcceptingApplications && (
                      <Button
                        component={Link}
                        to={`${callPath(call.id)}#daftar`}
                        size="xs"
                        h={36}
                        variant="light"
                        aria-label={t('learner.pathways.applyTo', { title: call.title })}
                        className={classes.apply}
                      >
                        {t('learner.pathways.apply')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <Text size="sm" c="gray.7">
              {t('learner.pathways.noTraining')}
            </Text>
          ))}
      </div>
    </li>
  );
}
