// The pathway credential: what a completed pathway says, as an Open Badges input. Pure: the
// version, its issuer, the components the engine assigned, ids, dates and status come in.
import {
  type BilingualText,
  COMPONENT_EVIDENCE_GENRE,
  type OpenBadgeInput,
  type SkkniUnitInput,
} from '@kmg/credentials';
import type { AchievementType } from '@kmg/db';
import type { CredentialDates, PathwayAssignment } from '@kmg/domain';

export type PathwayIssuer = {
  code: string;
  name: string;
  website: string | null;
  address: string | null;
  city: string | null;
};

export type PublishedPathwayContent = {
  code: string;
  version: number;
  achievementId: string;
  achievementType: AchievementType;
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  kkniLevel: number;
};

/** A component as signed: a KMG credential's build input, or an imported credential's summary. */
export type PathwayComponent =
  | { kind: 'kmg'; id: string; source: OpenBadgeInput; verificationUrl: string }
  | {
      kind: 'external';
      id: string;
      credentialUri: string;
      achievementName: string;
      issuerName: string;
      hours: number;
      sksHundredths: number;
    };

export function pathwayCriteria(
  content: Pick<PublishedPathwayContent, 'titleId' | 'titleEn'>,
): BilingualText {
  return {
    id: `Diberikan otomatis kepada guru yang kredensialnya memenuhi seluruh syarat jalur "${content.titleId}". Kredensial komponen tercantum sebagai bukti.`,
    en: `Awarded automatically to teachers whose credentials meet every requirement of the pathway "${content.titleEn}". The component credentials are listed as evidence.`,
  };
}

export const PATHWAY_ASSESSMENT_METHOD =
  'Tidak ada asesmen tambahan: setiap komponen sudah dinilai dan diterbitkan sebagai kredensial yang dapat diverifikasi.';
export const PATHWAY_QUALITY_ASSURANCE =
  'Syarat jalur ditetapkan dan diterbitkan oleh pengelola program; pemberian diperiksa otomatis dan tercatat.';

export function pathwayBadgeInput({
  pathway,
  issuer,
  components,
  assignment,
  credentialId,
  credentialStatus,
  learner,
  dates,
  publicUrl,
  issuerId,
  parentOrganization,
}: {
  pathway: PublishedPathwayContent;
  issuer: PathwayIssuer;
  components: readonly PathwayComponent[];
  assignment: readonly PathwayAssignment[];
  credentialId: string;
  credentialStatus: OpenBadgeInput['credentialStatus'];
  learner: { name: string; nuptk: string; salt: string };
  /** From `credentialDates`. */
  dates: CredentialDates;
  publicUrl: string;
  issuerId: string;
  parentOrganization: { code: string; name: string | null };
}): OpenBadgeInput {
  const text = (id: string, en?: string | null) => ({ id, en: en || id });
  const itemsOf = new Map<string, string[]>();
  for (const { itemId, credentialId: componentId } of assignment)
    itemsOf.set(componentId, [...(itemsOf.get(componentId) ?? []), itemId]);
  const units = new Map<string, SkkniUnitInput>();
  const outcomes = new Map<string, BilingualText>();
  let hours = 0;
  let sksHundredths = 0;
  const participation = new Set<string>();
  for (const component of components) {
    if (component.kind === 'external') {
      hours += component.hours;
      sksHundredths += component.sksHundredths;
      continue;
    }
    const { achievement } = component.source;
    hours += achievement.workloadHours;
    sksHundredths += Math.round((component.source.creditsEarned ?? achievement.credits) * 100);
    participation.add(achievement.participation);
    for (const unit of achievement.skkniUnits)
      if (unit.result === 'K' && !units.has(unit.code)) units.set(unit.code, { ...unit, result: 'K' });
    for (const outcome of achievement.learningOutcomes) outcomes.set(outcome.id, outcome);
  }
  const isCompletion = pathway.achievementType === 'CertificateOfCompletion';
  const names = components.map((component) =>
    component.kind === 'kmg' ? component.source.achievement.name.id : component.achievementName,
  );
  return {
    id: `urn:uuid:${credentialId}`,
    issuer: {
      id: issuerId,
      name: issuer.name,
      url: issuer.website ?? `${publicUrl}/issuers/${issuer.code}`,
      address: {
        ...(issuer.address ? { streetAddress: issuer.address } : {}),
        ...(issuer.city ? { addressLocality: issuer.city } : {}),
      },
      parentOrg: {
        id: `${publicUrl}/issuers/${parentOrganization.code}`,
        name: parentOrganization.name ?? 'Direktorat Sekolah Menengah Kejuruan',
      },
    },
    validFrom: dates.validFrom,
    validUntil: dates.validUntil,
    awardedDate: dates.awardedDate,
    learner,
    achievement: {
      id: `${publicUrl}/achievements/${pathway.achievementId}`,
      achievementType: pathway.achievementType,
      name: text(pathway.titleId, pathway.titleEn),
      description: text(pathway.descriptionId, pathway.descriptionEn),
      criteria: pathwayCriteria(pathway),
      learningOutcomes:
        outcomes.size > 0
          ? [...outcomes.values()]
          : names.map((name) => ({ id: `Menyelesaikan ${name}`, en: `Completed ${name}` })),
      fieldOfStudy: 'Jalur kredensial mikro guru SMK',
      humanCode: `${pathway.code}-V${pathway.version}`,
      image: { id: `${publicUrl}/achievements/${pathway.achievementId}/image.svg`, caption: pathway.titleId },
      kkni: { level: pathway.kkniLevel, url: `${publicUrl}/referensi/kkni/${pathway.kkniLevel}` },
      // A completion certificate lists no results; a competency pathway certifies the units its
      // components assessed as Kompeten.
      skkniUnits: isCompletion
        ? [...units.values()].map(({ result: _result, ...unit }) => unit)
        : [...units.values()],
      credits: sksHundredths / 100,
      workloadHours: Math.max(hours, 1),
      participation:
        participation.size === 1 ? ([...participation][0] as 'online' | 'onsite' | 'blended') : 'blended',
      assessment: { code: 'pathway-completion', text: text(PATHWAY_ASSESSMENT_METHOD) },
      qualityAssurance: { code: 'kmg-programme', text: text(PATHWAY_QUALITY_ASSURANCE) },
      tags: ['jalur', 'pathway', pathway.code],
    },
    creditsEarned: sksHundredths / 100,
    // The components, each a verifiable credential of its own (OB 3.0 Evidence).
    evidence: components.map((component) => ({
      id: component.kind === 'kmg' ? component.verificationUrl : component.credentialUri,
      name: component.kind === 'kmg' ? component.source.achievement.name.id : component.achievementName,
      description: `Kredensial komponen; memenuhi syarat ${(itemsOf.get(component.id) ?? []).join(', ')}`,
      genre: COMPONENT_EVIDENCE_GENRE,
    })),
    credentialStatus,
  };
}
