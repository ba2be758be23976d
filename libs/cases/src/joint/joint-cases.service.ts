import { Injectable } from '@nestjs/common';
import { chinaDate } from '@weiquan/calendar';
import { invalid, LocalizedException } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { NotificationWriter } from '@weiquan/notifications';
import { readScope } from '../handling/case-scope';
import type { JoinedJointCaseData } from '../lifecycle/case-event';
import { ConsumerStepsRepository } from '../lifecycle/consumer-steps.repository';
import type { ConsentMethod, JointCaseInput } from './joint-case.rules';
import { actorMayGroup, byConsumer, decideJointCase, makeJointNo } from './joint-case.rules';
import type { CaseJointDto, JointCaseDto } from './dto/joint-case.dto';
import { JointCasesRepository } from './joint-cases.repository';
import type { LockedMemberRow } from './joint-cases.repository';

/** What creating a joint complaint takes (POST /joint-cases, or an early-warning alert). */
export interface CreateJointCase extends JointCaseInput {
  note?: string | null;
}

const NOT_FOUND = () => new LocalizedException(404, { zh: '没有该共同投诉', en: 'no such joint complaint' });

/** 23505 on joint_case_member's case_id: another grouping took one of the cases first. */
function takenMeanwhile(err: unknown): never {
  const e = err as { code?: string; driverError?: { code?: string }; constraint?: string };
  if ((e.code ?? e.driverError?.code) === '23505')
    throw new LocalizedException(409, {
      zh: '其中有投诉刚被编入另一件共同投诉，请刷新后重试',
      en: 'one of the complaints was just put in another joint complaint; reload and try again',
    });
  throw err;
}

/**
 * Joint complaints (共同投诉, Order 121 Art. 12). One transaction: the joint case and its members,
 * one public history event per member case, and one notice per consumer (a consumer with two of the
 * complaints gets one SMS), so a grouping and what the consumers are told commit together.
 */
@Injectable()
export class JointCasesService {
  constructor(
    private readonly repo: JointCasesRepository,
    private readonly steps: ConsumerStepsRepository,
    private readonly notifications: NotificationWriter,
  ) {}

  /** In a transaction of its own. */
  create(actor: StaffPrincipal, input: CreateJointCase): Promise<JointCaseDto> {
    return this.repo.transaction((sql) => this.createIn(sql, actor, input)).catch(takenMeanwhile);
  }

  /** In the caller's transaction (an early-warning alert grouping its complaints); rolls back with it. */
  async createIn(sql: Sql, actor: StaffPrincipal, input: CreateJointCase & { alertId?: string | null }): Promise<JointCaseDto> {
    const now = new Date();
    // Refused before any case is locked: the wrong person, or a request that cannot be right whatever the cases are.
    if (!actorMayGroup(actor)) {
      const d = decideJointCase(actor, input, [], now);
      if (!d.ok) throw new LocalizedException(d.status, d.message, d.fields ?? []);
    }
    if (input.alertId != null && !/^\d{1,18}$/.test(input.alertId))
      throw invalid([{ field: 'alertId', message: { zh: '预警 id 应为数字', en: 'must be an alert id (digits)' } }]);
    const ids = [...new Set((input.members ?? []).map((m) => m.caseId).filter((id) => /^\d{1,18}$/.test(id)))];
    const locked = ids.length ? await this.repo.lockMembers(sql, ids) : [];
    const d = decideJointCase(actor, input, locked, now);
    if (!d.ok) throw new LocalizedException(d.status, d.message, d.fields ?? []);

    const unit = actor.unit!;
    const id = await this.repo.nextId(sql);
    const jointNo = makeJointNo(chinaDate(now), id);
    const reps = new Set(input.representatives ?? []);
    const alertId = input.alertId ?? null;
    // The unique case_id is the last word should two groupings race past the locks (never expected).
    await this.repo
      .insert(sql, {
        id,
        jointNo,
        respondentKey: d.respondentKey,
        respondentName: d.respondentName,
        unitCode: unit.code,
        alertId,
        note: input.note?.trim() || null,
        createdBy: actor.userId,
        members: input.members.map((m) => ({
          caseId: m.caseId,
          consentMethod: m.consentMethod as ConsentMethod,
          consentNote: m.consentNote?.trim() || null,
          consentAt: m.consentAt ?? now.toISOString(),
          representative: reps.has(m.caseId),
        })),
      })
      .catch(takenMeanwhile);

    const byId = new Map(locked.map((c) => [c.id, c]));
    const members = input.members.map((m) => byId.get(m.caseId)!);
    for (const m of input.members) {
      const data: JoinedJointCaseData = {
        jointCaseId: id,
        jointNo,
        others: members.length - 1,
        consentMethod: m.consentMethod as ConsentMethod,
        representative: reps.has(m.caseId),
        ...(alertId ? { alertId } : {}),
      };
      // Public: the consumer reads in their timeline that their complaint is now handled jointly.
      await this.steps.addEvent(
        sql,
        m.caseId,
        'joined-joint-case',
        null,
        { ...data },
        { type: 'staff', id: actor.userId, unitCode: unit.code },
      );
    }
    await this.notify(sql, members, jointNo);

    const row = await this.repo.find(id, sql);
    return view(row!, await this.repo.members(id, sql));
  }

  /** One notice per consumer (the same phone), on their first complaint of the group, naming the others. */
  private async notify(sql: Sql, members: LockedMemberRow[], jointNo: string): Promise<void> {
    for (const mine of byConsumer(members)) {
      const others = mine.slice(1).map((m) => m.trackingNo);
      await this.notifications.write(sql, {
        caseId: mine[0].id,
        kind: 'joint-case',
        params: { jointNo, jointCount: members.length, ...(others.length ? { otherTrackingNos: others.join('、') } : {}) },
        dedupeKey: jointNo,
      });
    }
  }

  /** A joint case, for the unit that handles it and for those who may read one of its complaints. */
  async get(actor: StaffPrincipal, id: string): Promise<JointCaseDto> {
    if (!/^\d{1,18}$/.test(id)) throw NOT_FOUND();
    const row = await this.repo.find(id);
    if (!row) throw NOT_FOUND();
    const scope = readScope(actor);
    const visible = scope.kind === 'all' || actor.unit?.code === row.unitCode || (await this.repo.readsAMember(scope, id));
    if (!visible) throw NOT_FOUND();
    return view(row, await this.repo.members(id));
  }

  /** The case file's `jointCase`: the joint complaint the case is in, or null. */
  async ofCase(caseId: string): Promise<CaseJointDto | null> {
    return this.repo.ofCase(caseId);
  }
}

function view(
  row: NonNullable<Awaited<ReturnType<JointCasesRepository['find']>>>,
  members: Awaited<ReturnType<JointCasesRepository['members']>>,
): JointCaseDto {
  return {
    id: row.id,
    jointNo: row.jointNo,
    respondent: { key: row.respondentKey, name: row.respondentName },
    unit: { code: row.unitCode, name: row.unitName },
    alertId: row.alertId,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    members: members.map((m) => ({
      caseId: m.caseId,
      trackingNo: m.trackingNo,
      status: m.status,
      consent: { method: m.consentMethod, note: m.consentNote, at: m.consentAt, recordedBy: m.consentRecordedBy },
      representative: m.representative,
    })),
  };
}
