// The training credential: what a participant's approved results say, as an Open Badges input.
// Loading is one query; the mapping is pure, so it can be read and tested apart from signing.
import type { OpenBadgeInput } from '@kmg/credentials';
import type { Prisma } from '@kmg/db';
import { type CredentialDates, callTimeZone, sksByWorkload, startOfLocalDate } from '@kmg/domain';
import { achievementImageUrl } from '#credentials/achievements.ts';
import { issuerIdOf } from '#credentials/config.ts';
import { localDate } from '#dates.ts';

type Tx = Prisma.TransactionClient;

/** Everything a participant's training credential is built from. */
export function loadTrainingParticipant(tx: Tx, applicationId: string) {
  return tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    include: {
      teacher: { include: { teacherProfile: true } },
      attendance: true,
      assessments: { include: { evidence: true, unit: true } },
      call: {
        include: {
          achievement: { include: { learningOutcomes: { orderBy: { position: 'asc' } } } },
          learningOutcomes: { orderBy: { position: 'asc' } },
          provider: true,
          skillArea: true,
          programme: true,
          competencyUnits: { orderBy: { position: 'asc' } },
          trainingDays: true,
        },
      },
    },
  });
}

export type TrainingParticipant = Awaited<ReturnType<typeof loadTrainingParticipant>>;

/** The Open Badges input of a training credential (pure: ids, dates and status come in). */
export function trainingBadgeInput({
  participant,
  credentialId,
  credentialStatus,
  nuptk,
  salt,
  dates,
  publicUrl,
  parentOrganization,
}: {
  participant: TrainingParticipant;
  credentialId: string;
  credentialStatus: OpenBadgeInput['credentialStatus'];
  nuptk: string;
  salt: string;
  /** From `credentialDates`: awarded, valid from and until. */
  dates: CredentialDates;
  publicUrl: string;
  parentOrganization: { code: string; name: string | null };
}): OpenBadgeInput {
  const application = participant;
  const { call, teacher } = participant;
  const achievement = call.achievement;
  if (!achievement) throw new Error(`call ${call.id} has no achievement`);
  const settings = { publicUrl, parentOrganizationCode: parentOrganization.code };
  const parent = parentOrganization.name ? { name: parentOrganization.name } : null;
  const timeZone = callTimeZone(call.province);
  const decisions = new Map(application.assessments.map((row) => [row.unitId, row.decision]));
  const text = (id: string, en?: string | null) => ({ id, en: en || id });
  // What the achievement certifies; a call's own list when the achievement has none.
  const outcomes =
    achievement.learningOutcomes.length > 0 ? achievement.learningOutcomes : call.learningOutcomes;
  return {
    id: `urn:uuid:${credentialId}`,
    issuer: {
      id: issuerIdOf(call.provider.code),
      name: call.provider.name,
      url: call.provider.website ?? `${settings.publicUrl}/issuers/${call.provider.code}`,
      address: {
        ...(call.provider.address ? { streetAddress: call.provider.address } : {}),
        ...(call.provider.city ? { addressLocality: call.provider.city } : {}),
      },
      parentOrg: {
        id: `${settings.publicUrl}/issuers/${settings.parentOrganizationCode}`,
        name: parent ? `${parent.name}` : 'Direktorat Sekolah Menengah Kejuruan',
      },
    },
    validFrom: dates.validFrom,
    validUntil: dates.validUntil,
    awardedDate: dates.awardedDate,
    learner: { name: teacher.name, nuptk, salt },
    activity: {
      startDate: startOfLocalDate(localDate(call.startDate), timeZone),
      endDate: new Date(startOfLocalDate(localDate(call.endDate), timeZone).getTime() + 86_399_000),
    },
    achievement: {
      id: `${settings.publicUrl}/achievements/${achievement.id}`,
      achievementType: achievement.achievementType,
      name: text(achievement.nameId, achievement.nameEn),
      description: text(achievement.descriptionId, achievement.descriptionEn),
      criteria: text(achievement.criteriaId, achievement.criteriaEn),
      learningOutcomes: outcomes.map((outcome) => text(outcome.textId, outcome.textEn)),
      fieldOfStudy: call.skillArea.nameId,
      humanCode: call.code ?? `KMG-${call.programme.year}-${call.id.slice(0, 8).toUpperCase()}`,
      image: {
        id: achievement.imageUrl ?? achievementImageUrl(achievement.id),
        caption: achievement.nameId,
      },
      kkni: {
        level: achievement.kkniLevel ?? 4,
        url: `${settings.publicUrl}/referensi/kkni/${achievement.kkniLevel ?? 4}`,
      },
      skkniUnits: call.competencyUnits.map((unit) => ({
        code: unit.code,
        title: unit.title,
        url: `${settings.publicUrl}/referensi/skkni/${unit.code}`,
        ...(call.assessmentKind === 'COMPETENCY'
          ? { result: decisions.get(unit.id) === 'KOMPETEN' ? ('K' as const) : ('BK' as const) }
          : {}),
      })),
      credits:
        achievement.sksHundredths != null
          ? achievement.sksHundredths / 100
          : sksByWorkload(call.trainingHours),
      workloadHours: call.trainingHours,
      participation: call.mode === 'ONLINE' ? 'online' : call.mode === 'BLENDED' ? 'blended' : 'onsite',
      assessment: {
        code: call.assessmentKind === 'COMPETENCY' ? 'competency-test' : 'attendance',
        text: text(achievement.assessmentMethod),
      },
      qualityAssurance: { code: 'kmg-programme', text: text(achievement.qualityAssurance) },
      tags: [call.skillArea.nameId, call.programme.name],
    },
    creditsEarned:
      achievement.sksHundredths != null ? achievement.sksHundredths / 100 : sksByWorkload(call.trainingHours),
    evidence: application.assessments.flatMap((assessment) =>
      assessment.evidence.map((evidence) => ({
        id:
          evidence.kind === 'LINK' && evidence.url
            ? evidence.url
            : `${settings.publicUrl}/api/evidence/${evidence.id}`,
        name: evidence.name,
        description: `${assessment.unit.code} ${assessment.unit.title}`,
        genre: evidence.kind === 'LINK' ? 'Tautan' : 'Berkas',
      })),
    ),
    credentialStatus,
  };
}
