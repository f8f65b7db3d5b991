import {
  AssetType,
  CopPhase,
  EventKind,
  IntegrationType,
  KpiSource,
  MembershipRole,
  QuestionType,
  Role,
  SkillLevel,
  UseCaseStatus,
} from '../generated/prisma/enums.js';
import { builder } from './builder.js';

// Prisma's enums, exposed under the same names.
export const RoleEnum = builder.enumType(Role, { name: 'Role' });
export const CopPhaseEnum = builder.enumType(CopPhase, { name: 'CopPhase' });
export const MembershipRoleEnum = builder.enumType(MembershipRole, { name: 'MembershipRole' });
export const EventKindEnum = builder.enumType(EventKind, { name: 'EventKind' });
export const AssetTypeEnum = builder.enumType(AssetType, { name: 'AssetType' });
export const SkillLevelEnum = builder.enumType(SkillLevel, { name: 'SkillLevel' });
export const QuestionTypeEnum = builder.enumType(QuestionType, { name: 'QuestionType' });
export const UseCaseStatusEnum = builder.enumType(UseCaseStatus, { name: 'UseCaseStatus' });
export const IntegrationTypeEnum = builder.enumType(IntegrationType, { name: 'IntegrationType' });
export const KpiSourceEnum = builder.enumType(KpiSource, {
  name: 'KpiSource',
  description: 'Who wrote a KPI value: a person, the gateway from its own records, the platform sync, the usage job.',
});
