/**
 * Domain events written in the same transaction as the change that causes them (docs/ARCHITECTURE.md, invariant 2).
 * The worker's relay turns each into queue jobs. Names are stored data: never rename one.
 * Payloads carry ids only.
 */
export interface OutboxPayloads {
  /** A case was received (or handed back: a new routing round) and must be routed. */
  'case.received': { caseId: string; round: number };
  /** A consumer notification (one channel) was written and must be sent. */
  'notification.created': { notificationId: string };
}
export type OutboxTopic = keyof OutboxPayloads;
