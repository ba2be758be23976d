import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxPayloads, OutboxTopic } from './outbox.contract';

/** Adds an outbox row inside the caller's transaction: the change and its follow-up commit together. */
@Injectable()
export class OutboxWriter {
  async add<T extends OutboxTopic>(tx: EntityManager, topic: T, payload: OutboxPayloads[T]): Promise<void> {
    await tx.query(`insert into outbox (topic, payload) values ($1, $2)`, [topic, JSON.stringify(payload)]);
  }

  /** The SQL fragment and parameters to add an outbox row from a CTE, for single-statement writes. */
  static row<T extends OutboxTopic>(topic: T, payload: OutboxPayloads[T]): [string, string] {
    return [topic, JSON.stringify(payload)];
  }
}
