/** `@tollgate/server/config`: configuration parsing and the version, with no server modules behind them. */
export {
  DEFAULT_DATA_DIR,
  type GatewayBinding,
  parseAnalyticsMode,
  parseAnalyticsRetention,
  parseAuditHead,
  parseGatewayBinding,
  parseMeteringMode,
} from './config.js';
export { VERSION } from './version.js';
