import { type RplCaseStatus, translateError } from '@kmg/domain';
import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCheck,
  IconClipboardCheck,
  IconFileCertificate,
  IconGavel,
  IconPlayerTrackNext,
  IconUserCheck,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { AddRowButton, RemoveRowButton } from '#components/FormParts.tsx';
import { type AssignmentInput, RplAssignAssessorsDialog } from '#components/RplAssignAssessorsDialog.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { checkMissingItems, rawIdOf } from '#lib/rpl-case.ts';

export const RplCaseActions_case = graphql(`
  fragment RplCaseActions_case on RplApplication {
    id
    caseReference
    status
    teacherName
    availableActions
    myRoles
    mySeat
    programme { id university { id } }
    participants { userId role }
    assessments { role submittedAt }
  }
`);

export type CaseTab = 'file' | 'assessment' | 'decision' | 'history';

/** The steps the page runs for this panel; each resolves to the API's refusal, or null when done. */
export type CaseActionHandlers = {
  accept: () => Promise<MutationProblem | null>;
  returnToTeacher: (missingItems: string[], message: string | null) => Promise<MutationProblem | null>;
  assign: (input: AssignmentInput) => Promise<MutationProblem | null>;
  completeAssessment: () => Promise<MutationProblem | null>;
  validate: () => Promise<MutationProblem | null>;
  returnToCommittee: (reason: string) => Promise<MutationProblem | null>;
  issueDecree: () => Promise<MutationProblem | null>;
};

type Dialog =
  | 'accept'
  | 'return'
  | 'assign'
  | 'complete'
  | 'validate'
  | 'returnToCommittee'
  | 'decree'
  | null;

/** Who the case waits on in each status, for a viewer with nothing to do. */
const waitingOn: Partial<Record<RplCaseStatus, string>> = {
  SUBMITTED: 'officer',
  EVIDENCE_REQUESTED: 'teacher',
  IN_ASSESSMENT: 'assessors',
  AWAITING_COMMITTEE: 'committee',
  AWAITING_VALIDATION: 'validator',
  APPROVED: 'admin',
  APPEALED: 'committee',
  DECIDED: 'decided',
  WITHDRAWN: 'withdrawn',
};

/**
 * The viewer's next step on the case, and only the steps the API says they may take now
 * (`availableActions`); the long forms (assessment, decision) open in their tab. Every refusal
 * stays in the dialog that asked for it.
 */
export function RplCaseActions({
  application: data,
  handlers,
  onOpenTab,
}: {
  application: FragmentOf<typeof RplCaseActions_case>;
  handlers: CaseActionHandlers;
  onOpenTab: (tab: CaseTab) => void;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplCaseActions_case, data);
  const can = (action: (typeof application.availableActions)[number]) =>
    application.availableActions.includes(action);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [items, setItems] = useState<string[]>(['']);
  const [itemErrors, setItemErrors] = useState<Record<number, string>>({});
  const [itemsError, setItemsError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const open = (next: Dialog) => {
    setProblem(null);
    setItemErrors({});
    setItemsError(null);
    setReasonError(null);
    setDialog(next);
  };
  const close = () => {
    if (!busy) setDialog(null);
  };
  /** Runs a step; a refusal stays in the open dialog, success closes it. */
  const run = async (
    step: () => Promise<MutationProblem | null>,
    onProblem?: (found: MutationProblem) => void,
  ) => {
    setBusy(true);
    setProblem(null);
    const found = await step();
    setBusy(false);
    if (found) {
      setProblem(found.message);
      onProblem?.(found);
      return;
    }
    setDialog(null);
    setItems(['']);
    setNote('');
    setReason('');
  };

  const canAssign =
    application.status === 'IN_ASSESSMENT' &&
    (application.myRoles.includes('UNIVERSITY_ADMIN') || application.myRoles.includes('ADMIN_OFFICER'));
  const mySubmitted = application.assessments.some(
    (assessment) => assessment.role === application.mySeat && assessment.submittedAt,
  );
  const mustAssess = application.status === 'IN_ASSESSMENT' && application.mySeat !== null && !mySubmitted;
  // A university that decrees per intake issues every validated case's decree at once.
  const decreesPerIntake =
    application.status === 'APPROVED' &&
    application.myRoles.includes('UNIVERSITY_ADMIN') &&
    !can('issueDecree');
  const seat = (role: string) =>
    application.participants.find((person) => person.role === role)?.userId ?? null;

  const buttons: ReactNode[] = [];
  if (can('acceptAsComplete'))
    buttons.push(
      <Button key="accept" leftSection={<IconCheck size={18} aria-hidden />} onClick={() => open('accept')}>
        {t('admin.rplCase.actions.accept')}
      </Button>,
    );
  if (can('returnToTeacher'))
    buttons.push(
      <Button
        key="return"
        variant="light"
        color="orange"
        leftSection={<IconArrowBackUp size={18} aria-hidden />}
        onClick={() => open('return')}
      >
        {t('admin.rplCase.actions.returnToTeacher')}
      </Button>,
    );
  if (mustAssess)
    buttons.push(
      <Button
        key="assess"
        leftSection={<IconClipboardCheck size={18} aria-hidden />}
        onClick={() => onOpenTab('assessment')}
      >
        {t('admin.rplCase.actions.assess')}
      </Button>,
    );
  if (canAssign)
    buttons.push(
      <Button
        key="assign"
        variant={mustAssess ? 'light' : 'filled'}
        leftSection={<IconUserCheck size={18} aria-hidden />}
        onClick={() => open('assign')}
      >
        {t('admin.rplCase.actions.assign')}
      </Button>,
    );
  if (can('completeAssessment'))
    buttons.push(
      <Button
        key="complete"
        variant="light"
        leftSection={<IconPlayerTrackNext size={18} aria-hidden />}
        onClick={() => open('complete')}
      >
        {t('admin.rplCase.actions.complete')}
      </Button>,
    );
  if (can('decide') || can('decideAppeal'))
    buttons.push(
      <Button
        key="decide"
        leftSection={<IconGavel size={18} aria-hidden />}
        onClick={() => onOpenTab('decision')}
      >
        {t(can('decideAppeal') ? 'admin.rplCase.actions.decideAppeal' : 'admin.rplCase.actions.decide')}
      </Button>,
    );
  if (can('validate'))
    buttons.push(
      <Button
        key="validate"
        leftSection={<IconCheck size={18} aria-hidden />}
        onClick={() => open('validate')}
      >
        {t('admin.rplCase.actions.validate')}
      </Button>,
    );
  if (can('returnToCommittee'))
    buttons.push(
      <Button
        key="returnToCommittee"
        variant="light"
        color="orange"
        leftSection={<IconArrowBackUp size={18} aria-hidden />}
        onClick={() => open('returnToCommittee')}
      >
        {t('admin.rplCase.actions.returnToCommittee')}
      </Button>,
    );
  if (can('issueDecree'))
    buttons.push(
      <Button
        key="decree"
        leftSection={<IconFileCertificate size={18} aria-hidden />}
        onClick={() => open('decree')}
      >
        {t('admin.rplCase.actions.issueDecree')}
      </Button>,
    );

  const waiting = waitingOn[application.status];
  const hint = can('acceptAsComplete')
    ? t('admin.rplCase.actions.checkHint')
    : mustAssess
      ? t('admin.rplCase.actions.assessHint')
      : can('decide') || can('decideAppeal')
        ? t('admin.rplCase.actions.decideHint')
        : can('validate')
          ? t('admin.rplCase.actions.validateHint')
          : can('issueDecree')
            ? t('admin.rplCase.actions.decreeHint')
            : canAssign
              ? t(
                  seat('ACADEMIC_ASSESSOR') && seat('PRACTITIONER_ASSESSOR')
                    ? 'admin.rplCase.actions.reassignHint'
                    : 'admin.rplCase.actions.assignHint',
                )
              : decreesPerIntake
                ? t('admin.rplCase.actions.decreePerIntake')
                : t(`admin.rplCase.actions.waiting.${waiting ?? 'decided'}`);

  const submitReturn = () => {
    const checked = checkMissingItems(items, locale);
    setItemsError(checked.error);
    if (checked.error) return;
    void run(
      () => handlers.returnToTeacher(checked.items, note.trim() || null),
      (found) => {
        const onItems: Record<number, string> = {};
        for (const error of found.fieldErrors) {
          if (error.path[0] !== 'missingItems') continue;
          if (error.path[1] === undefined) setItemsError(error.message);
          else onItems[Number(error.path[1])] = error.message;
        }
        setItemErrors(onItems);
      },
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="rpl-next-step"
      className="rpl-next-step"
    >
      <Title order={2} size="h4" id="rpl-next-step" mb={4}>
        {t(buttons.length > 0 ? 'admin.rplCase.actions.title' : 'admin.rplCase.actions.nothingTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb={buttons.length > 0 ? 'md' : 0}>
        {hint}
      </Text>
      {buttons.length > 0 && <Group gap="sm">{buttons}</Group>}
      {decreesPerIntake && (
        <Button
          component={Link}
          to="/rpl/sk"
          variant="light"
          mt="md"
          leftSection={<IconFileCertificate size={18} aria-hidden />}
        >
          {t('admin.rplCase.actions.openDecrees')}
        </Button>
      )}

      <ConfirmDialog
        opened={dialog === 'accept'}
        onClose={close}
        title={t('admin.rplCase.actions.acceptTitle')}
        confirmLabel={t('admin.rplCase.actions.accept')}
        busy={busy}
        problem={problem}
        onConfirm={() => void run(handlers.accept)}
      >
        <Text size="sm">{t('admin.rplCase.actions.acceptText', { name: application.teacherName })}</Text>
      </ConfirmDialog>

      <Modal
        opened={dialog === 'return'}
        onClose={close}
        title={t('admin.rplCase.actions.returnTitle')}
        size="lg"
        centered
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) submitReturn();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('admin.rplCase.actions.returnText', { name: application.teacherName })}</Text>
            <fieldset className="rpl-plain-fieldset">
              <legend>
                <Text size="sm" fw={600} component="span">
                  {t('admin.rplCase.actions.missingItems')}
                </Text>
              </legend>
              {itemsError && (
                <Text size="sm" c="red.8" role="alert" mb="xs">
                  {itemsError}
                </Text>
              )}
              <Stack gap="xs" mt={4}>
                {items.map((item, index) => (
                  <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                    <TextInput
                      style={{ flex: 1 }}
                      id={`rpl-missing-item-${index}`}
                      aria-label={t('admin.rplCase.actions.missingItem', { number: index + 1 })}
                      placeholder={t('admin.rplCase.actions.missingItemPlaceholder')}
                      value={item}
                      maxLength={300}
                      error={itemErrors[index]}
                      data-autofocus={index === 0 || undefined}
                      // Enter moves on to the next item (a new one after the last), not out of the dialog.
                      onKeyDown={(event) => {
                        if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
                        event.preventDefault();
                        if (index === items.length - 1 && item.trim() !== '' && items.length < 30)
                          setItems((current) => [...current, '']);
                        requestAnimationFrame(() =>
                          document.getElementById(`rpl-missing-item-${index + 1}`)?.focus(),
                        );
                      }}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setItems((current) => current.map((other, at) => (at === index ? value : other)));
                        setItemsError(null);
                      }}
                    />
                    <RemoveRowButton
                      label={t('admin.rplCase.actions.removeItem', { number: index + 1 })}
                      disabled={items.length === 1 || busy}
                      onClick={() => setItems((current) => current.filter((_, at) => at !== index))}
                    />
                  </Group>
                ))}
              </Stack>
              <AddRowButton
                mt="xs"
                disabled={items.length >= 30 || busy}
                onAdd={() => setItems((current) => [...current, ''])}
                newRowField={() => document.getElementById(`rpl-missing-item-${items.length}`)}
              >
                {t('admin.rplCase.actions.addItem')}
              </AddRowButton>
            </fieldset>
            <Textarea
              label={t('admin.rplCase.actions.note')}
              description={t('admin.rplCase.actions.noteHint')}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {problem && <ErrorAlert title={t('admin.rplCase.actions.failed')}>{problem}</ErrorAlert>}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={busy}>
                {t('admin.rplCase.actions.returnToTeacher')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <RplAssignAssessorsDialog
        opened={dialog === 'assign'}
        onClose={close}
        cases={[
          {
            id: application.id,
            label: `${application.caseReference} · ${application.teacherName}`,
            programmeId: application.programme.id,
          },
        ]}
        universityId={rawIdOf(application.programme.university.id)}
        current={{ academicId: seat('ACADEMIC_ASSESSOR'), practitionerId: seat('PRACTITIONER_ASSESSOR') }}
        onAssign={handlers.assign}
      />

      <ConfirmDialog
        opened={dialog === 'complete'}
        onClose={close}
        title={t('admin.rplCase.actions.completeTitle')}
        confirmLabel={t('admin.rplCase.actions.complete')}
        busy={busy}
        problem={problem}
        onConfirm={() => void run(handlers.completeAssessment)}
      >
        <Text size="sm">{t('admin.rplCase.actions.completeText')}</Text>
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'validate'}
        onClose={close}
        title={t('admin.rplCase.actions.validateTitle')}
        confirmLabel={t('admin.rplCase.actions.validate')}
        busy={busy}
        problem={problem}
        onConfirm={() => void run(handlers.validate)}
      >
        <Text size="sm">{t('admin.rplCase.actions.validateText')}</Text>
      </ConfirmDialog>

      <Modal
        opened={dialog === 'returnToCommittee'}
        onClose={close}
        title={t('admin.rplCase.actions.returnToCommitteeTitle')}
        size="lg"
        centered
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (busy) return;
            if (reason.trim() === '') {
              setReasonError(translateError('RPL_RETURN_REASON_REQUIRED', locale));
              return;
            }
            void run(
              () => handlers.returnToCommittee(reason.trim()),
              (found) => {
                const onReason = found.fieldErrors.find((error) => error.path.includes('reason'));
                if (onReason) setReasonError(onReason.message);
              },
            );
          }}
        >
          <Stack gap="md">
            <Textarea
              label={t('admin.rplCase.actions.reason')}
              description={t('admin.rplCase.actions.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={reason}
              error={reasonError}
              data-autofocus
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonError(null);
              }}
            />
            {problem && <ErrorAlert title={t('admin.rplCase.actions.failed')}>{problem}</ErrorAlert>}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={busy}>
                {t('admin.rplCase.actions.returnToCommittee')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <ConfirmDialog
        opened={dialog === 'decree'}
        onClose={close}
        title={t('admin.rplCase.actions.decreeTitle')}
        confirmLabel={t('admin.rplCase.actions.issueDecree')}
        busy={busy}
        problem={problem}
        onConfirm={() => void run(handlers.issueDecree)}
      >
        <Text size="sm">{t('admin.rplCase.actions.decreeText', { name: application.teacherName })}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
