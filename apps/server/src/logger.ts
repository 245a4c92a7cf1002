import pino, { type Logger } from 'pino';

/**
 * JSON logs on stdout, one line per event. Authorization headers and key material are
 * redacted wherever they appear, as a second line of defence: nothing logs them on purpose.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tollgate' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', '*.consumerKey', '*.consumerSecret', '*.adminToken'],
      censor: '[redacted]',
    },
  });
}
