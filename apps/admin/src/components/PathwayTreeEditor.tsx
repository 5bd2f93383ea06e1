import { useLocale } from '@kmg/ui';
import { Box, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconFolderPlus, IconPlus } from '@tabler/icons-react';
import { RemoveRowButton } from '#components/FormParts.tsx';
import { AchievementPicker, SkkniUnitPicker } from '#components/PathwayPickers.tsx';
import { kkniLevels } from '#lib/achievement-form.ts';
import {
  canHoldGroups,
  depthOf,
  emptyMatch,
  emptyRule,
  type GroupDraft,
  groupErrors,
  groupNumbers,
  type ItemDraft,
  type MatchKind,
  matchKinds,
  newGroup,
  newItem,
  PATHWAY_MAX_DEPTH,
  type PathwayFormValues,
  type RuleKind,
  ruleKinds,
  treeIds,
} from '#lib/pathway-form.ts';
import { type LabelSources, labelKey } from '#lib/pathway-labels.ts';

type Form = UseFormReturnType<PathwayFormValues>;

export type TreeLookups = {
  skillAreas: readonly { code: string; name: string }[];
  /** Published pathways an item may name (this pathway left out). */
  pathways: readonly { code: string; title: string }[];
};

type Shared = {
  form: Form;
  lookups: TreeLookups;
  sources: LabelSources;
  /** Remembers a picked name for the preview. */
  onPicked: (key: string, name: string) => void;
  /** Each item's number in tree order ("Syarat 3"), by id. */
  numbers: ReadonlyMap<string, number>;
  /** Each nested group's number in tree order ("Kelompok 2"), by id. */
  groups: ReadonlyMap<string, number>;
};

/** Removes a node and every order rule naming an item inside it. */
function removeNode(form: Form, parentPath: string, index: number, node: GroupDraft | ItemDraft) {
  const gone = new Set(node.type === 'group' ? treeIds(node) : [node.id]);
  form.removeListItem(`${parentPath}.children`, index);
  const precedes = form.getValues().precedes;
  const kept = precedes.filter((rule) => !gone.has(rule.before ?? '') && !gone.has(rule.after ?? ''));
  if (kept.length !== precedes.length) form.setFieldValue('precedes', kept);
}

/** Focuses the first field of the node with this id once it is on screen. */
function focusNode(id: string) {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-node="${id}"] input:not([type="hidden"])`)?.focus(),
  );
}

function ItemEditor({
  path,
  parentPath,
  index,
  item,
  ...shared
}: Shared & { path: string; parentPath: string; index: number; item: ItemDraft }) {
  const { t } = useLocale();
  const { form, lookups, sources, onPicked, numbers } = shared;
  const match = item.match;
  const number = numbers.get(item.id) ?? index + 1;
  const field = (name: string) => form.getInputProps(`${path}.match.${name}`);
  const pickedOrSaved = (key: string) => sources.picked.get(key) ?? sources.saved.get(key);

  let fields: React.ReactNode;
  switch (match.kind) {
    case 'achievement': {
      const name = match.code ? pickedOrSaved(labelKey('achievement', match.code)) : undefined;
      fields = (
        <AchievementPicker
          label={t('admin.pathwayBuilder.achievement')}
          value={match.code}
          valueLabel={name && name !== match.code ? `${name} (${match.code})` : match.code}
          error={field('code').error}
          onChange={(code, pickedName) => {
            onPicked(labelKey('achievement', code), pickedName);
            form.setFieldValue(`${path}.match.code`, code);
          }}
          onBlur={field('code').onBlur}
        />
      );
      break;
    }
    case 'skkniUnit': {
      const title = match.unitCode ? sources.picked.get(labelKey('skkniUnit', match.unitCode)) : undefined;
      fields = (
        <SkkniUnitPicker
          label={t('admin.pathwayBuilder.skkniUnit')}
          value={match.unitCode}
          valueLabel={title ? `${match.unitCode} ${title}` : match.unitCode}
          error={field('unitCode').error}
          onChange={(code, pickedTitle) => {
            onPicked(labelKey('skkniUnit', code), pickedTitle);
            form.setFieldValue(`${path}.match.unitCode`, code);
          }}
          onBlur={field('unitCode').onBlur}
        />
      );
      break;
    }
    case 'skillArea':
      fields = (
        <Group gap="sm" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <Select
            label={t('admin.pathwayBuilder.skillArea')}
            placeholder={t('admin.pathwayBuilder.pickSkillArea')}
            required
            searchable
            miw={200}
            data={lookups.skillAreas.map((area) => ({ value: area.code, label: area.name }))}
            {...field('skillAreaCode')}
            value={match.skillAreaCode || null}
            onChange={(value) => form.setFieldValue(`${path}.match.skillAreaCode`, value ?? '')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('admin.pathwayBuilder.minKkniLevel')}
            placeholder="–"
            required
            miw={140}
            data={kkniLevels.map(String)}
            {...field('minKkniLevel')}
            value={match.minKkniLevel === '' ? null : String(match.minKkniLevel)}
            onChange={(value) => form.setFieldValue(`${path}.match.minKkniLevel`, value ? Number(value) : '')}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
      );
      break;
    case 'pathway':
      fields = (
        <Select
          label={t('admin.pathwayBuilder.pathway')}
          placeholder={
            lookups.pathways.length > 0
              ? t('admin.pathwayBuilder.pickPathway')
              : t('admin.pathwayBuilder.noPathways')
          }
          required
          searchable
          data={lookups.pathways.map((pathway) => ({
            value: pathway.code,
            label: `${pathway.title} (${pathway.code})`,
          }))}
          {...field('pathwayCode')}
          value={match.pathwayCode || null}
          onChange={(value) => form.setFieldValue(`${path}.match.pathwayCode`, value ?? '')}
          comboboxProps={{ withinPortal: true }}
        />
      );
      break;
    case 'external':
      fields = (
        <Stack gap={6}>
          <Group gap="sm" align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={t('admin.pathwayBuilder.externalAchievementId')}
              required
              miw={200}
              maxLength={500}
              {...field('achievementId')}
            />
            <TextInput
              label={t('admin.pathwayBuilder.externalIssuerId')}
              required
              miw={200}
              maxLength={500}
              {...field('issuerId')}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('admin.pathwayBuilder.externalHint')}
          </Text>
        </Stack>
      );
      break;
    case 'achievementVersion':
      fields = (
        <TextInput
          label={t('admin.pathwayBuilder.achievementVersionId')}
          description={t('admin.pathwayBuilder.achievementVersionHint')}
          required
          maxLength={40}
          {...field('achievementId')}
        />
      );
      break;
  }

  return (
    <Box className="pathway-item" data-node={item.id}>
      <Group justify="space-between" align="center" gap="xs" mb={6} wrap="nowrap">
        <Text size="sm" fw={700}>
          {t('admin.pathwayBuilder.itemNumber', { n: number })}
        </Text>
        <RemoveRowButton
          label={t('admin.pathwayBuilder.removeItem', { n: number })}
          onClick={() => removeNode(form, parentPath, index, item)}
        />
      </Group>
      {/* What is wrong with the requirement as a whole (its id, a match the API cannot read). */}
      {groupErrors(form.errors, path, ['id', 'match']).map((message) => (
        <Text key={message} size="sm" c="red.8" role="alert" mb="xs">
          {message}
        </Text>
      ))}
      <div className="pathway-item-fields">
        <Select
          label={t('admin.pathwayBuilder.kind.label')}
          allowDeselect={false}
          data={matchKinds.map((kind) => ({ value: kind, label: t(`admin.pathwayBuilder.kind.${kind}`) }))}
          value={match.kind}
          onChange={(value) => {
            if (value && value !== match.kind)
              form.setFieldValue(`${path}.match`, emptyMatch(value as MatchKind));
          }}
          comboboxProps={{ withinPortal: true }}
        />
        {/* A fresh field per kind: a picker's search text must not carry over to another kind. */}
        <div key={match.kind}>{fields}</div>
      </div>
    </Box>
  );
}

function GroupEditor({
  path,
  group,
  parentPath,
  index,
  ...shared
}: Shared & { path: string; group: GroupDraft; parentPath: string | null; index: number }) {
  const { t } = useLocale();
  const { form } = shared;
  const depth = depthOf(path);
  const hasGroups = group.children.some((child) => child.type === 'group');
  const messages = groupErrors(form.errors, path);
  const root = form.getValues().requirements;
  const countField = form.getInputProps(`${path}.rule.count`);
  const heading =
    parentPath === null
      ? t('admin.pathwayBuilder.rootGroup')
      : t('admin.pathwayBuilder.nestedGroup', { n: shared.groups.get(group.id) ?? index + 1 });

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'xs', sm: 'sm' }}
      className="pathway-group"
      data-depth={depth}
      data-node={group.id}
      role="group"
      aria-label={heading}
    >
      <Group justify="space-between" align="center" gap="xs" mb="xs" wrap="nowrap">
        <Text fw={700} size="sm">
          {heading}
        </Text>
        {parentPath !== null && (
          <RemoveRowButton
            label={t('admin.pathwayBuilder.removeGroup', { n: shared.groups.get(group.id) ?? index + 1 })}
            onClick={() => removeNode(form, parentPath, index, group)}
          />
        )}
      </Group>
      <Group gap="sm" align="flex-start" mb="sm" wrap="wrap">
        <Select
          label={t('admin.pathwayBuilder.rule.label')}
          allowDeselect={false}
          w={190}
          data={ruleKinds.map((kind) => ({
            value: kind,
            label: t(`admin.pathwayBuilder.rule.${kind}`),
            // Hours and SKS add credentials up: a group holding groups cannot use them.
            disabled: hasGroups && (kind === 'hours' || kind === 'sks'),
          }))}
          value={group.rule.kind}
          onChange={(value) => {
            if (value && value !== group.rule.kind)
              form.setFieldValue(`${path}.rule`, emptyRule(value as RuleKind));
          }}
          comboboxProps={{ withinPortal: true }}
        />
        {group.rule.kind === 'atLeast' && (
          <NumberInput
            label={t('admin.pathwayBuilder.countLabel')}
            required
            w={190}
            min={1}
            max={Math.max(1, group.children.length)}
            allowDecimal={false}
            allowNegative={false}
            {...countField}
            rightSection={
              <Text size="sm" c="dimmed" pr={8}>
                / {group.children.length}
              </Text>
            }
            rightSectionWidth={48}
            rightSectionPointerEvents="none"
          />
        )}
        {group.rule.kind === 'hours' && (
          <NumberInput
            label={t('admin.pathwayBuilder.hours')}
            required
            w={190}
            min={1}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps(`${path}.rule.min`)}
          />
        )}
        {group.rule.kind === 'sks' && (
          <NumberInput
            label={t('admin.pathwayBuilder.sks')}
            required
            w={190}
            min={0.01}
            max={144}
            decimalScale={2}
            allowNegative={false}
            {...form.getInputProps(`${path}.rule.sks`)}
          />
        )}
      </Group>
      {messages.map((message) => (
        <Text key={message} size="sm" c="red.8" role="alert" mb="xs">
          {message}
        </Text>
      ))}
      <Stack gap="sm" className="pathway-children">
        {group.children.map((child, childIndex) =>
          child.type === 'group' ? (
            <GroupEditor
              key={child.id}
              {...shared}
              path={`${path}.children.${childIndex}`}
              parentPath={path}
              index={childIndex}
              group={child}
            />
          ) : (
            <ItemEditor
              key={child.id}
              {...shared}
              path={`${path}.children.${childIndex}`}
              parentPath={path}
              index={childIndex}
              item={child}
            />
          ),
        )}
      </Stack>
      <Group gap="xs" mt="sm">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            const item = newItem(root);
            form.insertListItem(`${path}.children`, item);
            focusNode(item.id);
          }}
        >
          {t('admin.pathwayBuilder.addItem')}
        </Button>
        {canHoldGroups(group.rule) && depth < PATHWAY_MAX_DEPTH && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFolderPlus size={16} aria-hidden />}
            onClick={() => {
              const added = newGroup(root);
              form.insertListItem(`${path}.children`, added);
              focusNode(added.id);
            }}
          >
            {t('admin.pathwayBuilder.addGroup')}
          </Button>
        )}
      </Group>
      {!canHoldGroups(group.rule) && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('admin.pathwayBuilder.poolNote')}
        </Text>
      )}
    </Paper>
  );
}

/** The requirement tree: nested groups, each with its rule, and the requirements in them. */
export function PathwayTreeEditor(props: Omit<Shared, 'groups'>) {
  const root = props.form.getValues().requirements;
  return (
    <GroupEditor
      {...props}
      groups={groupNumbers(root)}
      path="requirements"
      group={root}
      parentPath={null}
      index={0}
    />
  );
}
