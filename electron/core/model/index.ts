/**
 * Readonly data shapes used across core, services, engine and renderer.
 *
 * Inferred from the contract's zod schemas so the boundary check and the type cannot drift.
 */
import type { z } from 'zod';
import type {
  ApplyResultSchema,
  AuditRecordSchema,
  AuditTargetSchema,
  AuthenticationTypeSchema,
  ComputerAccountSchema,
  DesiredSettingsSchema,
  DiscoveredHostSchema,
  ErrorInfoSchema,
  FindingSchema,
  HostFactsSchema,
  HostMigrationSettingsSchema,
  HostStatusSchema,
  HypotheticalVmSchema,
  MigrationLinkSchema,
  MigrationNetworkSchema,
  ModelResultSchema,
  PerformanceOptionSchema,
  PlanSchema,
  PlanStepSchema,
  PlanWarningSchema,
  ProgressEventSchema,
  SeveritySchema,
  StepResultSchema,
  TestReportSchema,
  VmSummarySchema,
  FindingGroupSchema,
  DelegationStateSchema,
  VerdictSchema,
  SeverityCountsSchema,
  MatrixCellSchema,
  GroupTestSummarySchema,
  SavedGroupSchema,
  StorageTargetSchema,
} from '../contract/schemas';

type R<T> = Readonly<T>;

export type AuthenticationType = z.infer<typeof AuthenticationTypeSchema>;
export type PerformanceOption = z.infer<typeof PerformanceOptionSchema>;
export type MigrationNetwork = R<z.infer<typeof MigrationNetworkSchema>>;
export type HostMigrationSettings = R<z.infer<typeof HostMigrationSettingsSchema>>;
export type HostStatus = z.infer<typeof HostStatusSchema>;
export type ErrorInfo = R<z.infer<typeof ErrorInfoSchema>>;
export type VmSummary = R<z.infer<typeof VmSummarySchema>>;
export type MigrationLink = R<z.infer<typeof MigrationLinkSchema>>;
export type HostFacts = R<z.infer<typeof HostFactsSchema>>;
export type DesiredSettings = R<z.infer<typeof DesiredSettingsSchema>>;
export type ComputerAccount = R<z.infer<typeof ComputerAccountSchema>>;
export type DelegationState = z.infer<typeof DelegationStateSchema>;
export type DiscoveredHost = R<z.infer<typeof DiscoveredHostSchema>>;
export type PlanStep = R<z.infer<typeof PlanStepSchema>>;
export type PlanWarning = R<z.infer<typeof PlanWarningSchema>>;
export type Plan = R<z.infer<typeof PlanSchema>>;
export type StepResult = R<z.infer<typeof StepResultSchema>>;
export type ApplyResult = R<z.infer<typeof ApplyResultSchema>>;
export type Severity = z.infer<typeof SeveritySchema>;
export type FindingGroup = z.infer<typeof FindingGroupSchema>;
export type Finding = R<z.infer<typeof FindingSchema>>;
export type ModelResult = R<z.infer<typeof ModelResultSchema>>;
export type HypotheticalVm = R<z.infer<typeof HypotheticalVmSchema>>;
export type TestReport = R<z.infer<typeof TestReportSchema>>;
export type AuditRecord = R<z.infer<typeof AuditRecordSchema>>;
export type AuditTarget = R<z.infer<typeof AuditTargetSchema>>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type SeverityCounts = R<z.infer<typeof SeverityCountsSchema>>;
export type MatrixCell = R<z.infer<typeof MatrixCellSchema>>;
export type GroupTestSummary = R<z.infer<typeof GroupTestSummarySchema>>;
export type ProgressEvent = R<z.infer<typeof ProgressEventSchema>>;
/** A named group of hosts the admin saved (app settings, never credentials). */
export type SavedGroup = R<z.infer<typeof SavedGroupSchema>>;
/** Issue 14 item 3: the destination folder of a storage move and its volume. */
export type StorageTarget = R<z.infer<typeof StorageTargetSchema>>;

/** Hyper-V's defaults on a fresh host (stand-alone article: 2 simultaneous live migrations). */
export const HYPERV_DEFAULTS = {
  maximumVirtualMachineMigrations: 2,
  maximumStorageMigrations: 2,
  authentication: 'CredSSP',
  performance: 'Compression',
} as const;
