import type { Page, PageRequest } from '../entities/common.js';
import type { Trace, TraceSession, TraceSummary } from '../entities/trace.js';

/** Trace sessions: configuration (starting one bumps the version, so nodes learn of it). */
export interface TraceSessionRepository {
  /** Makes `session` the project's session, replacing any earlier one. */
  start(session: TraceSession): Promise<void>;
  /** Ends the project's session; false when it had none. */
  stop(projectId: string): Promise<boolean>;
  get(projectId: string): Promise<TraceSession | undefined>;
}

/** Where gateway nodes write traced calls. */
export interface TraceSink {
  /** Stores a traced call; false when its session already holds its `maxCalls` (it is then dropped). */
  write(trace: Trace, maxCalls: number): Promise<boolean>;
}

/** Traced calls: written by nodes, read by the management API; not configuration. */
export interface TraceStore extends TraceSink {
  /** A project's traced calls, newest first. */
  list(projectId: string, page: PageRequest): Promise<Page<TraceSummary>>;
  get(projectId: string, traceId: string): Promise<Trace | undefined>;
}
