import pino from 'pino';

// Structured logs for IT staff. They never carry personal data: log ids, channel names and error
// codes, never names, phones or inputs.
export const log = pino({
  level: process.env['CASEWORKER_LOG_LEVEL'] ?? 'info',
  // A second line of defence only: callers log ids and codes, never values.
  redact: { paths: ['input', '*.input', '*.password', '*.phone', '*.email'], censor: '[redacted]' },
});
