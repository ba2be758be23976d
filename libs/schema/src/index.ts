import type { SchemaParts } from '@weiquan/core';
import { Outbox1763700000100 } from '@weiquan/core';
import { Calendar1763700000200 } from '@weiquan/calendar';
import {
  CaseHandling1763700000900,
  Cases1763700000300,
  ClockCount1763700001470,
  DesignationAlert1763700001540,
  SettlementStage1763700001600,
  BusinessParty1763700001820,
  CaseTexts1763700002120,
  JointCases1763700002510,
  FollowUpWork1763700002520,
  OpenWorkIndexes1763700002530,
  QueueFilters1763700002400,
  RespondentCases1763700002455,
  UnitAlert1763700002320,
} from '@weiquan/cases';
import {
  BusinessAttachments1763700001830,
  Disclosure1763700001100,
  Intake1763700000400,
  MatterClaim1763700000500,
  RepeatFiling1763700001500,
} from '@weiquan/complaints';
import { DIRECTORY_MIGRATIONS, DirectoryAlertEmail1763700002300 } from '@weiquan/directory';
import { Routing1763700000600, RoutingJurisdiction1763700001530 } from '@weiquan/routing';
import {
  AuthHardening1763700002000,
  BusinessUsers1763700001810,
  Identity1763700000700,
  StaffLockColumns1763700002110,
} from '@weiquan/identity';
import { Businesses1763700001800 } from '@weiquan/business';
import { Notifications1763700000800, NotificationTemplates1763700002100, UnitNotifications1763700002310 } from '@weiquan/notifications';
import {
  BusinessRollup1763700001900,
  SettlementRollup1763700001700,
  Stats1763700001000,
  StatsOpenByUnit1763700001200,
  StatsIssueType1763700002200,
  StatsPeriodIndexes1763700001300,
  StatsWatch1763700002450,
} from '@weiquan/stats';
import { EarlyWarningAlerts1763700002460, ConsumerWarnings1763700002500 } from '@weiquan/warnings';

/**
 * Every domain's migrations, in the order they must run. Each new domain library adds its list
 * here. No entities: every query is SQL through Sql, so TypeORM only runs the migrations.
 */
export const SCHEMA: SchemaParts = {
  migrations: [
    ...DIRECTORY_MIGRATIONS,
    Outbox1763700000100,
    Calendar1763700000200,
    Cases1763700000300,
    Intake1763700000400,
    MatterClaim1763700000500,
    Routing1763700000600,
    Identity1763700000700,
    Notifications1763700000800,
    CaseHandling1763700000900,
    Stats1763700001000,
    Disclosure1763700001100,
    StatsOpenByUnit1763700001200,
    StatsPeriodIndexes1763700001300,
    ClockCount1763700001470,
    RepeatFiling1763700001500,
    RoutingJurisdiction1763700001530,
    DesignationAlert1763700001540,
    SettlementStage1763700001600,
    SettlementRollup1763700001700,
    Businesses1763700001800,
    BusinessUsers1763700001810,
    BusinessParty1763700001820,
    BusinessAttachments1763700001830,
    BusinessRollup1763700001900,
    AuthHardening1763700002000,
    NotificationTemplates1763700002100,
    StaffLockColumns1763700002110,
    CaseTexts1763700002120,
    StatsIssueType1763700002200,
    DirectoryAlertEmail1763700002300,
    UnitNotifications1763700002310,
    UnitAlert1763700002320,
    QueueFilters1763700002400,
    StatsWatch1763700002450,
    RespondentCases1763700002455,
    EarlyWarningAlerts1763700002460,
    ConsumerWarnings1763700002500,
    JointCases1763700002510,
    FollowUpWork1763700002520,
    OpenWorkIndexes1763700002530,
  ],
};
