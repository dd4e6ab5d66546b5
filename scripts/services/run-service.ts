// The life cycle every service process shares: start, log where it listens, and on SIGTERM or
// SIGINT stop accepting, let in-flight requests finish (bounded by SHUTDOWN_GRACE_MS), close
// pools and exit 0. A start-up failure is one line on stderr and exit 1; a bad setting is one
// line per variable and nothing else (no log record, no stack: the lines say what to fix).
import { logger, SettingError } from '@peacegraph/kit';

export interface StartedService {
  /** SHUTDOWN_GRACE_MS as the service read it: in-flight requests get this long on SIGTERM. */
  shutdownGraceMs: number;
  stop(): Promise<void>;
}

export async function runService(start: () => Promise<StartedService>): Promise<void> {
  let service: StartedService;
  try {
    service = await start();
  } catch (error) {
    if (error instanceof SettingError) {
      console.error(error.message);
    } else {
      logger.error({ err: error }, 'start failed');
      console.error(error instanceof Error ? error.message.split('\n')[0] : String(error));
    }
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    const hardDeadline = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, service.shutdownGraceMs + 5_000);
    hardDeadline.unref();
    await service.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
