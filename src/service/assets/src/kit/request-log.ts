import type { RequestHandler } from 'express';

/** Receives one structured log entry; the default writes it to stdout as one JSON line. */
export type LogFunction = (entry: Record<string, unknown>) => void;

/** Writes a log entry to stdout as one JSON line. */
export const jsonLineLog: LogFunction = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

/**
 * Express middleware that logs one entry per request when its response ends: method, path
 * without the query string (which may carry secrets), status and duration. Headers are never logged.
 */
export function requestLog(log: LogFunction): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const path = req.originalUrl;
      const query = path.indexOf('?');
      log({
        time: new Date().toISOString(),
        method: req.method,
        path: query === -1 ? path : path.slice(0, query),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        // The client went away before the response was complete.
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}
