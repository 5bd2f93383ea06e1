import { defaultRubric, defaultTrainingDays, learningOutcomeRows, weightedTotal } from '@kmg/domain';
import { hashPassword } from 'better-auth/crypto';
import type { Prisma, PrismaClient } from '#generated/prisma/client.ts';
import { seedAfterTraining } from '#seed/after-training.ts';
import {
  applications,
  brandings,
  calls,
  DEMO_PASSWORD,
  deliveries,
  motivation,
  organizations,
  pathways,
  programmes,
  skillAreas,
  skkniUnits,
  users,
} from '#seed/data.ts';
import { seedDisseminationDemo } from '#seed/dissemination.ts';
import { teacherGenders } from '#seed/genders.ts';
import { demoLogoPng, demoSignaturePng } from '#seed/images.ts';
import { seedRplDemo } from '#seed/rpl.ts';

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type SeedSummary = { created: number };

/**
 * Loads the demo data. Idempotent: every row is keyed on a stable code or natural key and only
 * created when missing, so restarting never duplicates or overwrites anything a user changed.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: {
    now?: Date;
    /** Seed the RPL demo too (off only for a database migrated to before the RPL tables). */
    withRpl?: boolean;
    /** Seed certificate branding too (off only for a database migrated to before its tables). */
    withBranding?: boolean;
    /** Seed dissemination reports too (off only for a database migrated to before their tables). */
    withDissemination?: boolean;
    /** Seed ratings, job links and contacts (off only for a database migrated to before their tables). */
    withAfterTraining?: boolean;
  } = {},
): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  // One hash for every demo account: hashing is deliberately slow, and these share one password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await prisma.$transaction(
    async (tx) => {
      const orgIds = new Map<string, string>();
      for (const org of organizations) {
        const { parent, ...fields } = org;
        const existing = await tx.organization.findUnique({
          where: { code: org.code },
          select: { id: true },
        });
        const row =
          existing ??
          (await tx.organization.create({
            data: { ...fields, parentId: parent ? orgIds.get(parent) : undefined },
            select: { id: true },
          }));
        if (!existing) created++;
        orgIds.set(org.code, row.id);
      }

      // Certificate branding, before any credential is issued (issuance records it): once, never
      // over what someone set in the console since.
      for (const branding of (options.withBranding ?? true) ? brandings : []) {
        const organizationId = need(orgIds, branding.organization);
        if (await tx.organizationBranding.findUnique({ where: { organizationId } })) continue;
        const image = async (bytes: Buffer) =>
          (
            await tx.brandingImage.create({
              data: { mimeType: 'image/png', bytes: new Uint8Array(bytes), size: bytes.length },
              select: { id: true },
            })
          ).id;
        await tx.organizationBranding.create({
          data: {
            organizationId,
            logoId: await image(demoLogoPng(branding.logo)),
            ...(branding.signatory
              ? {
                  signatoryName: branding.signatory.name,
                  signatoryPosition: branding.signatory.position,
                  signatureImageId: await image(demoSignaturePng({ seed: branding.signatory.signatureSeed })),
                }
              : {}),
          },
        });
        created++;
      }

      const skillAreaIds = new Map<string, string>();
      for (const [index, area] of skillAreas.entries()) {
        const row = await tx.skillArea.upsert({
          where: { code: area.code },
          create: { ...area, sortOrder: index },
          update: {},
          select: { id: true },
        });
        skillAreaIds.set(area.code, row.id);
      }

      const programmeIds = new Map<string, string>();
      for (const programme of programmes(now)) {
        const row = await tx.programme.upsert({
          where: { code: programme.code },
          create: {
            code: programme.code,
            name: programme.name,
            year: programme.year,
            funderId: need(orgIds, programme.funder),
            ownerId: need(orgIds, programme.owner),
          },
          update: {},
          select: { id: true },
        });
        programmeIds.set(programme.code, row.id);
      }

      const userIds = new Map<string, string>();
      for (const user of users) {
        const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
        if (existing) {
          userIds.set(user.email, existing.id);
          continue;
        }
        const row = await tx.user.create({
          data: {
            email: user.email,
            name: user.name,
            emailVerified: true,
            roles: user.roles,
            username: user.teacher?.nuptk,
            displayUsername: user.teacher?.nuptk,
            organizationId: need(orgIds, user.organization),
            teacherProfile: user.teacher && {
              create: {
                nuptk: user.teacher.nuptk,
                schoolId: need(orgIds, user.organization),
                subject: user.teacher.subject,
                employmentStatus: user.teacher.employmentStatus,
                teachingSince: toDate(user.teacher.teachingSince),
                birthDate: toDate(user.teacher.birthDate),
                gender: teacherGenders[user.email] ?? null,
              },
            },
          },
          select: { id: true },
        });
        await tx.account.create({
          data: { userId: row.id, accountId: row.id, providerId: 'credential', password: passwordHash },
        });
        created++;
        userIds.set(user.email, row.id);
      }

      for (const unit of skkniUnits) {
        await tx.skkniUnit.upsert({ where: { code: unit.code }, create: unit, update: {} });
      }
      const knownUnits = new Set(skkniUnits.map((unit) => unit.code));

      const callIds = new Map<string, string>();
      for (const call of calls(now)) {
        const existing = await tx.trainingCall.findUnique({
          where: { code: call.code },
          select: { id: true },
        });
        if (existing) {
          callIds.set(call.code, existing.id);
          continue;
        }
        const {
          programme,
          provider,
          skillArea,
          createdBy,
          competencyUnits,
          learningOutcomes,
          startDate,
          endDate,
          selection,
          ...fields
        } = call;
        const isPublished = call.status !== 'DRAFT';
        const unknown = competencyUnits.find((unit) => !knownUnits.has(unit.code));
        if (unknown) throw new Error(`Seed call ${call.code} names unknown SKKNI unit "${unknown.code}"`);
        const row = await tx.trainingCall.create({
          data: {
            ...fields,
            selectionMode: selection?.mode ?? 'REVIEWED',
            requiresEndorsement: selection?.requiresEndorsement ?? true,
            eligibilityRules: (selection?.rules ?? {}) as Prisma.InputJsonValue,
            rubric: (selection?.rubric ?? defaultRubric) as unknown as Prisma.InputJsonValue,
            maxPerSchool: selection?.maxPerSchool ?? null,
            minScore: selection?.minScore == null ? null : selection.minScore * 100,
            startDate: toDate(startDate),
            endDate: toDate(endDate),
            programmeId: need(programmeIds, programme),
            providerId: need(orgIds, provider),
            skillAreaId: need(skillAreaIds, skillArea),
            createdById: need(userIds, createdBy),
            publishedAt: isPublished ? call.applicationOpensAt : null,
            closedAt: call.status === 'COMPLETED' ? call.applicationClosesAt : null,
            competencyUnits: {
              create: competencyUnits.map((unit, position) => ({ ...unit, position })),
            },
            learningOutcomes: { create: learningOutcomeRows(learningOutcomes) },
          },
          select: { id: true },
        });
        // Its attendance days, as the services write them with the call's dates.
        await tx.trainingDay.createMany({
          data: defaultTrainingDays(startDate, endDate).map((date) => ({
            callId: row.id,
            date: toDate(date),
          })),
        });
        if (call.status === 'OPEN' || call.status === 'CLOSED' || call.status === 'IN_TRAINING') {
          await tx.$executeRaw`INSERT INTO seats (call_id, number) SELECT ${row.id}::uuid, n FROM generate_series(1, ${call.seats}::int) AS n`;
        }
        if (selection?.reviewers.length) {
          await tx.callReviewer.createMany({
            data: selection.reviewers.map((email) => ({ callId: row.id, userId: need(userIds, email) })),
          });
        }
        created++;
        callIds.set(call.code, row.id);
      }

      for (const application of applications) {
        const callId = need(callIds, application.call);
        const teacherId = need(userIds, application.teacher);
        const existing = await tx.application.findUnique({
          where: { callId_teacherId: { callId, teacherId } },
          select: { id: true },
        });
        if (existing) continue;
        const teacher = users.find((user) => user.email === application.teacher);
        const principal = users.find(
          (user) => user.organization === teacher?.organization && user.roles.includes('PRINCIPAL'),
        );
        const submittedAt = new Date(now.getTime() - 3 * 86_400_000);
        const row = await tx.application.create({
          data: {
            callId,
            teacherId,
            schoolId: need(orgIds, teacher?.organization ?? ''),
            motivation: application.motivation,
            submittedAt,
            ...(application.endorsed
              ? {
                  status: 'ENDORSED' as const,
                  endorsedAt: new Date(now.getTime() - 2 * 86_400_000),
                  endorsedById: principal ? need(userIds, principal.email) : null,
                  endorsementNote: 'Direkomendasikan: aktif mengimbaskan praktik industri di sekolah.',
                }
              : {}),
          },
          select: { id: true },
        });
        // The history the services would have written, so a demo application's history starts at
        // its beginning.
        const history: Prisma.AuditEventCreateManyInput[] = [
          {
            occurredAt: submittedAt,
            actorId: teacherId,
            action: 'application.submitted',
            callId,
            applicationId: row.id,
            toStatus: 'SUBMITTED',
          },
        ];
        if (application.endorsed && principal)
          history.push({
            occurredAt: new Date(now.getTime() - 2 * 86_400_000),
            actorId: need(userIds, principal.email),
            action: 'application.endorsed',
            callId,
            applicationId: row.id,
            fromStatus: 'SUBMITTED',
            toStatus: 'ENDORSED',
            reason: 'Direkomendasikan: aktif mengimbaskan praktik industri di sekolah.',
          });
        for (const [reviewer, scores] of Object.entries(application.reviews ?? {})) {
          const total = weightedTotal(defaultRubric, scores);
          await tx.review.create({
            data: { applicationId: row.id, reviewerId: need(userIds, reviewer), scores, total },
          });
          history.push({
            occurredAt: new Date(now.getTime() - 86_400_000),
            actorId: need(userIds, reviewer),
            action: 'review.scored',
            callId,
            applicationId: row.id,
            details: { scores, total },
          });
        }
        await tx.auditEvent.createMany({ data: history });
        created++;
      }

      for (const delivery of deliveries) {
        const callId = need(callIds, delivery.call);
        const call = await tx.trainingCall.findUniqueOrThrow({
          where: { id: callId },
          include: {
            competencyUnits: { orderBy: { position: 'asc' } },
            learningOutcomes: { orderBy: { position: 'asc' } },
          },
        });
        if (call.achievementId) continue;
        // The call's own achievement, a draft until its first credential is issued (as the
        // credential-template form makes it): the call's units and outcomes are its content.
        const achievement = await tx.achievement.create({
          data: {
            ...delivery.achievement,
            code: delivery.call,
            ownerId: call.providerId,
            units: {
              create: call.competencyUnits.map((unit) => ({ unitCode: unit.code, position: unit.position })),
            },
            learningOutcomes: {
              create: call.learningOutcomes.map(({ code, textId, textEn, position }) => ({
                code,
                textId,
                textEn,
                position,
              })),
            },
          },
        });
        await tx.trainingCall.update({
          where: { id: callId },
          data: {
            achievementId: achievement.id,
            assessmentKind: delivery.assessmentKind,
            ...(delivery.stage === 'APPROVED'
              ? {
                  // Submitted three days after the last day, approved a week after it (10.00 WIB).
                  resultsStatus: 'APPROVED',
                  resultsSubmittedAt: new Date(call.endDate.getTime() + 3 * DAY + 3 * HOUR),
                  resultsApprovedAt: new Date(call.endDate.getTime() + 7 * DAY + 3 * HOUR),
                }
              : {}),
          },
        });
        // Only the id: the migration tests seed a database older than the day's later columns.
        const dayRows = await tx.trainingDay.findMany({
          where: { callId },
          orderBy: { date: 'asc' },
          select: { id: true },
        });
        const assessorId = need(userIds, delivery.assessedBy);
        for (const participant of delivery.participants) {
          const teacher = users.find((user) => user.email === participant.teacher);
          const application = await tx.application.create({
            data: {
              callId,
              teacherId: need(userIds, participant.teacher),
              schoolId: need(orgIds, teacher?.organization ?? ''),
              motivation: motivation(teacher?.teacher?.subject.toLowerCase() ?? 'kejuruan'),
              status: 'CONFIRMED',
              submittedAt: call.applicationOpensAt,
              confirmedAt: call.applicationClosesAt,
            },
          });
          if (delivery.stage === 'RECORDING') {
            // Seated: the first free seat of the call is theirs.
            await tx.$executeRaw`UPDATE seats SET application_id = ${application.id}::uuid, assigned_at = ${call.applicationClosesAt}
              WHERE id = (SELECT id FROM seats WHERE call_id = ${callId}::uuid AND application_id IS NULL ORDER BY number LIMIT 1)`;
            created++;
            continue;
          }
          // Written with the columns it sets only: the migration tests seed a database older than
          // attendance's later columns (late, note), which keep their defaults here.
          for (const [index, day] of dayRows.entries()) {
            await tx.$executeRaw`INSERT INTO attendance (application_id, day_id, present, recorded_by_id)
              VALUES (${application.id}::uuid, ${day.id}::uuid, ${index >= participant.absentDays}, ${assessorId}::uuid)`;
          }
          await tx.unitAssessment.createMany({
            data: call.competencyUnits.map((unit) => ({
              applicationId: application.id,
              unitId: unit.id,
              decision: 'KOMPETEN' as const,
              notes: 'Kompeten pada observasi praktik.',
              assessorId,
            })),
          });
          // Issued by the job queue when the platform starts (see apps/api jobs).
          await tx.credentialIssuance.create({
            data: { applicationId: application.id, callId, status: 'QUEUED' },
          });
          created++;
        }
      }

      // Published illustrative pathways, each with the achievement its awards certify. Awards come
      // from the platform itself: issuing the seeded credentials evaluates every teacher's pathways.
      for (const pathway of pathways) {
        if (await tx.pathway.findUnique({ where: { code: pathway.code } })) continue;
        const issuerId = need(orgIds, pathway.issuer);
        const achievement = await tx.achievement.create({
          data: {
            code: pathway.code,
            version: 1,
            status: 'PUBLISHED',
            publishedAt: now,
            ownerId: issuerId,
            achievementType: pathway.achievementType,
            nameId: pathway.titleId,
            nameEn: pathway.titleEn,
            descriptionId: pathway.descriptionId,
            descriptionEn: pathway.descriptionEn,
            criteriaId: `Diberikan otomatis kepada guru yang kredensialnya memenuhi seluruh syarat jalur "${pathway.titleId}". Kredensial komponen tercantum sebagai bukti.`,
            criteriaEn: `Awarded automatically to teachers whose credentials meet every requirement of the pathway "${pathway.titleEn}". The component credentials are listed as evidence.`,
            kkniLevel: pathway.kkniLevel,
            validityMonths: pathway.validityMonths,
            assessmentMethod:
              'Tidak ada asesmen tambahan: setiap komponen sudah dinilai dan diterbitkan sebagai kredensial yang dapat diverifikasi.',
            qualityAssurance:
              'Syarat jalur ditetapkan dan diterbitkan oleh pengelola program; pemberian diperiksa otomatis dan tercatat.',
          },
        });
        const row = await tx.pathway.create({ data: { code: pathway.code, issuerId } });
        await tx.pathwayVersion.create({
          data: {
            pathwayId: row.id,
            version: 1,
            status: 'PUBLISHED',
            publishedAt: now,
            achievementId: achievement.id,
            titleId: pathway.titleId,
            titleEn: pathway.titleEn,
            descriptionId: pathway.descriptionId,
            descriptionEn: pathway.descriptionEn,
            kkniLevel: pathway.kkniLevel,
            achievementType: pathway.achievementType,
            validityMonths: pathway.validityMonths,
            requirements: pathway.requirements as Prisma.InputJsonValue,
            precedes: pathway.precedes,
            recencyYears: pathway.recencyYears,
            illustrative: true,
            createdById: need(userIds, 'manajer@kmg.demo'),
          },
        });
        created++;
      }

      if (options.withRpl ?? true) created += await seedRplDemo(tx, { now, orgIds, userIds });
      if (options.withDissemination ?? true) created += await seedDisseminationDemo(tx, { now, userIds });
      if (options.withAfterTraining ?? true) created += await seedAfterTraining(tx, { now, userIds });
    },
    { timeout: 120_000 },
  );
  return { created };
}

function need(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Seed data refers to unknown key "${key}"`);
  return id;
}
