import { Injectable } from '@nestjs/common';
import { Counter, register } from 'prom-client';

/** Routing decisions by rule: what an operator watches to see where complaints go. */
@Injectable()
export class RoutingMetrics {
  private readonly decisions =
    (register.getSingleMetric('weiquan_routing_decisions_total') as Counter<'rule'> | undefined) ??
    new Counter({ name: 'weiquan_routing_decisions_total', help: 'Routing decisions by the rule that fired', labelNames: ['rule'] });

  decided(rule: string): void {
    this.decisions.inc({ rule });
  }
}
