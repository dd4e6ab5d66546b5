import pino from 'pino';

/** One JSON logger for every service; quiet in tests unless LOG_LEVEL says otherwise. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'peacegraph' },
  redact: ['req.headers.authorization', 'headers.authorization'],
});
