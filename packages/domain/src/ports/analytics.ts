/**
 * One call through a gateway node, admitted or rejected: what analytics counts. Dimensions are
 * null where the call never got that far (a 404 has no project; a call without a recognised key
 * has no product, client or subscription).
 */
export interface AnalyticsEvent {
  /** Epoch ms the node received the request. */
  receivedAt: number;
  requestId: string;
  serverGroupId: string;
  nodeId: string;
  projectId: string | null;
  projectVersion: string | null;
  resourceId: string | null;
  productId: string | null;
  clientId: string | null;
  subscriptionId: string | null;
  organizationId: string | null;
  method: string;
  status: number;
  /** The catalogue code when the gateway answered the call itself (a rejection or failure); null when the backend did. */
  errorCode: string | null;
  /** Milliseconds from receiving the request to the end of the response. */
  latencyMs: number;
  /** Milliseconds from sending the request upstream to the backend's response head; null when no backend answered. */
  backendLatencyMs: number | null;
  bytesIn: number;
  bytesOut: number;
}

/** Where gateway nodes write their events, in batches, off the hot path. */
export interface AnalyticsSink {
  /** Writes a batch in one transaction: all of it lands, or none. */
  record(events: readonly AnalyticsEvent[]): Promise<void>;
}
