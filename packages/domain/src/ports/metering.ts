/** One call of a monetized product (a product with rate plans), as the metering ledger keeps it. */
export interface MeteredCall {
  /** The gateway's id of the call: the ledger holds each one once. */
  requestId: string;
  /** When the gateway received the call, epoch ms: it decides the call's billing period. */
  receivedAt: number;
  subscriptionId: string;
  productId: string;
  clientId: string;
  status: number;
  /** Whether the response met the product's transaction success criteria. */
  billable: boolean;
}

/** Calls of one subscription product in a window. */
export interface MeteredUsage {
  subscriptionId: string;
  productId: string;
  clientId: string;
  calls: number;
  billableCalls: number;
}

/** What `MeteringLedger.usage` sums: `[from, to)`, optionally one subscription or product. */
export interface UsageFilter {
  from: number;
  to: number;
  subscriptionId?: string | undefined;
  productId?: string | undefined;
}

/**
 * The durable record of monetized calls, written by gateway nodes, read by rating. Not
 * configuration: writing bumps no version.
 */
export interface MeteringLedger {
  /** Records the calls; a request id already recorded is left as it is, so a retried write counts once. Answers how many were new. */
  record(calls: readonly MeteredCall[]): Promise<number>;
  /** Calls and billable calls per subscription product received in the window, by subscription then product. */
  usage(filter: UsageFilter): Promise<MeteredUsage[]>;
}
