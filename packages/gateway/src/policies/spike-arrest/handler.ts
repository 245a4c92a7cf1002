import type { Exchange } from '../../exchange.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { enforce, identify } from '../traffic.js';
import type { SpikeArrestConfig } from './schema.js';

/**
 * Spaces calls at least `1/rate` apart (GCRA), allowing `burst` calls early; a call that comes
 * too soon gets 429 RATE_LIMITED with Retry-After.
 */
export function createSpikeArrest(config: SpikeArrestConfig, kit: PolicyKit): PolicyHandler {
  const intervalMs = (config.per === 'second' ? 1000 : 60_000) / config.rate;
  const identifierOf = identify(config.identifier);
  const prefix = `spike:${kit.serverGroupId}:${kit.instance}:`;
  const detail = `calls come faster than ${config.rate} per ${config.per}`;
  const { burst, onStoreFailure } = config;
  return {
    onRequest(exchange: Exchange) {
      const request = { kind: 'smooth', key: prefix + identifierOf(exchange), intervalMs, burst, now: kit.now() } as const;
      return enforce(kit, exchange, request, onStoreFailure, 'RATE_LIMITED', detail, false);
    },
  };
}
