import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** A shared ioredis client for small keys (heartbeat, rate limits). BullMQ keeps its own connections. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  private readonly namespace: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    // Fail fast on a dead Redis rather than queueing commands forever. Commands issued in the same
    // tick (every request's rate-limit check) leave in one write: half Redis's CPU per submission.
    super(config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, enableAutoPipelining: true });
    this.on('error', () => undefined); // reported by health checks; ioredis reconnects by itself
    this.namespace = config.redis.prefix;
  }

  key(...parts: string[]): string {
    return [this.namespace, 'app', ...parts].join(':');
  }

  onApplicationShutdown(): void {
    this.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
