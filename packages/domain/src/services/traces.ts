import type { Page, PageRequest } from '../entities/common.js';
import type { Trace, TraceSession, TraceSessionStart, TraceSummary } from '../entities/trace.js';
import { invalidField, notFound } from '../errors/catalogue.js';
import { require, type ServiceContext } from './context.js';

/** A trace session's length when the caller names none. */
export const DEFAULT_TRACE_MINUTES = 10;
/** Calls per node a trace session records when the caller names no limit. */
export const DEFAULT_TRACE_CALLS = 100;

/**
 * Tracing: an operator turns it on for a project (for some minutes, up to some calls), gateway
 * nodes record those calls in full (request, policy steps, backend timing, response, with
 * credentials masked), and the operator reads them back.
 */
export class TraceService {
  constructor(private readonly context: ServiceContext) {}

  /** Starts tracing the project (replacing a session in progress); nodes begin within a configuration reload. */
  start(projectId: string, input: TraceSessionStart): Promise<TraceSession> {
    return this.context.store.transaction(async (repos) => {
      await require(repos.projects.get(projectId), 'project', projectId);
      const serverGroupId = input.serverGroupId ?? null;
      if (serverGroupId !== null && (await repos.serverGroups.get(serverGroupId)) === undefined) {
        throw invalidField('serverGroupId', `names no server group ('${serverGroupId}' does not exist)`);
      }
      const now = this.context.clock.now();
      const session: TraceSession = {
        id: this.context.ids.next(),
        projectId,
        serverGroupId,
        startedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + (input.durationMinutes ?? DEFAULT_TRACE_MINUTES) * 60_000).toISOString(),
        maxCalls: input.maxCalls ?? DEFAULT_TRACE_CALLS,
      };
      await repos.traceSessions.start(session);
      return session;
    });
  }

  /** The project's session; 404 when it has none or it expired. */
  async current(projectId: string): Promise<TraceSession | null> {
    await require(this.context.store.projects.get(projectId), 'project', projectId);
    const session = await this.context.store.traceSessions.get(projectId);
    // None running is an answer, not an error: a page showing the Traces tab asks every time.
    if (session === undefined || Date.parse(session.expiresAt) <= this.context.clock.now().getTime()) return null;
    return session;
  }

  /** Ends the project's session; 404 when it had none. Traced calls stay readable. */
  async stop(projectId: string): Promise<void> {
    await require(this.context.store.projects.get(projectId), 'project', projectId);
    const stopped = await this.context.store.transaction((repos) => repos.traceSessions.stop(projectId));
    if (!stopped) throw notFound('trace session of project', projectId);
  }

  /** The project's traced calls, newest first. */
  async list(projectId: string, page: PageRequest): Promise<Page<TraceSummary>> {
    await require(this.context.store.projects.get(projectId), 'project', projectId);
    return this.context.store.traces.list(projectId, page);
  }

  /** One traced call of the project. */
  async get(projectId: string, traceId: string): Promise<Trace> {
    await require(this.context.store.projects.get(projectId), 'project', projectId);
    return require(this.context.store.traces.get(projectId, traceId), 'trace', traceId);
  }
}
