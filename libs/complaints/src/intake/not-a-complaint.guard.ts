import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { chinaDate } from '@weiquan/calendar';
import { ruleSetOn } from '@weiquan/cases';
import { LocalizedException } from '@weiquan/core';
import type { Request } from 'express';
import type { ElsewhereKind } from './request-kind.rules';
import { isElsewhereKind, pointerFor } from './request-kind.rules';

/** 422: not a complaint or report (Art. 44), with where it goes; no case is made. */
export function notAComplaint(kind: ElsewhereKind, day: string): LocalizedException {
  const p = pointerFor(kind, ruleSetOn(day).code);
  return new LocalizedException(422, p.message, [], { requestKind: p.kind, basis: p.basis });
}

/**
 * Runs before validation: a filer who says the request is a consultation, an information request,
 * an administrative reconsideration or a report about officials is told at once where it goes,
 * whatever else the body holds or lacks (request-kind.rules.ts).
 */
@Injectable()
export class NotAComplaintGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    const kind = body !== null && typeof body === 'object' ? (body as { kind?: unknown }).kind : undefined;
    if (isElsewhereKind(kind)) throw notAComplaint(kind, chinaDate(new Date()));
    return true;
  }
}
