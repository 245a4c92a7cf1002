import type { AnalyticsEvent } from '@tollgate/domain';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds: sub-millisecond gateway work up to slow backends. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What the gauges read when Prometheus scrapes. */
export interface MetricsSources {
  snapshotVersion(): number | undefined;
  analyticsDropped(): number;
  analyticsPending(): number;
  meteringDropped(): number;
  meteringPending(): number;
}

/**
 * Gateway metrics in one Prometheus registry, every series labelled with its server group. One
 * instance serves every node of a process (the management server's embedded nodes share its
 * registry); a standalone node has its own. Labels are bounded: server group, project, product,
 * status class and error code come from configuration and the catalogue; never a client,
 * subscription or key.
 */
export class GatewayMetrics {
  private readonly requests: Counter<'server_group' | 'project' | 'product' | 'status_class'>;
  private readonly duration: Histogram<'server_group' | 'project'>;
  private readonly backendDuration: Histogram<'server_group' | 'project'>;
  private readonly rejections: Counter<'server_group' | 'code'>;
  private readonly nodes = new Map<string, MetricsSources>();

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    const nodes = this.nodes;
    this.requests = new Counter({
      name: 'tollgate_gateway_requests_total',
      help: 'Calls answered, by server group, project, product and status class (project and product "none" when not known).',
      labelNames: ['server_group', 'project', 'product', 'status_class'],
      registers,
    });
    this.duration = new Histogram({
      name: 'tollgate_gateway_request_duration_seconds',
      help: 'Time from receiving a call to the end of its answer.',
      labelNames: ['server_group', 'project'],
      buckets: BUCKETS,
      registers,
    });
    this.backendDuration = new Histogram({
      name: 'tollgate_gateway_backend_duration_seconds',
      help: "Time from sending a call upstream to the backend's response head.",
      labelNames: ['server_group', 'project'],
      buckets: BUCKETS,
      registers,
    });
    this.rejections = new Counter({
      name: 'tollgate_gateway_rejections_total',
      help: 'Calls the gateway answered itself, by error code (policy refusals, routing and upstream failures).',
      labelNames: ['server_group', 'code'],
      registers,
    });
    const perNode = (name: string, help: string, read: (sources: MetricsSources) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['server_group'],
        registers,
        collect() {
          for (const [group, sources] of nodes) this.set({ server_group: group }, read(sources));
        },
      });
    perNode('tollgate_gateway_snapshot_version', 'Configuration version of the snapshot the node serves.', (s) => s.snapshotVersion() ?? 0);
    perNode(
      'tollgate_gateway_analytics_events_dropped_total',
      'Analytics events dropped because the buffer was full or the store refused them.',
      (s) => s.analyticsDropped(),
    );
    perNode('tollgate_gateway_analytics_events_pending', 'Analytics events waiting to be written.', (s) => s.analyticsPending());
    perNode(
      'tollgate_gateway_metered_calls_dropped_total',
      'Calls of monetized products dropped because the metering buffer was full (the store unreachable for long): unbilled.',
      (s) => s.meteringDropped(),
    );
    perNode('tollgate_gateway_metered_calls_pending', 'Calls of monetized products waiting to be written to the metering ledger.', (s) =>
      s.meteringPending(),
    );
  }

  /** Registers a node's gauges (one node per server group in a process). */
  addNode(serverGroupId: string, sources: MetricsSources): void {
    this.nodes.set(serverGroupId, sources);
  }

  /** Counts one finished call. */
  observe(event: AnalyticsEvent): void {
    const group = event.serverGroupId;
    const project = event.projectId ?? 'none';
    this.requests.inc({
      server_group: group,
      project,
      product: event.productId ?? 'none',
      status_class: `${Math.floor(event.status / 100)}xx`,
    });
    this.duration.observe({ server_group: group, project }, event.latencyMs / 1000);
    if (event.backendLatencyMs !== null) this.backendDuration.observe({ server_group: group, project }, event.backendLatencyMs / 1000);
    if (event.errorCode !== null) this.rejections.inc({ server_group: group, code: event.errorCode });
  }

  /** The text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
