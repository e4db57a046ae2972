import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * The structured logger. Authorization headers and tokens are redacted: logs
 * are read by more people than the data they describe.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, name = 'onewindow'): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token'], censor: '[redacted]' },
  });
}
