import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FINALIZE_AFTER_MS, startBillingJobs } from './billing-jobs.js';

const NOW = Date.parse('2027-03-10T12:00:00.000Z');
const silent = pino({ level: 'silent' });

describe('billing jobs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks balances and rates soon after the start, then every interval, finalizing periods ended a day ago', async () => {
    const check = vi.fn(async () => 0);
    const run = vi.fn(async () => ({ ratedAt: '', created: 0, updated: 0, unchanged: 0, finalized: 0 }));
    const jobs = startBillingJobs({ rating: { run }, balances: { check } }, { now: () => new Date(NOW) }, silent, {
      balanceCheckMs: 5_000,
      ratingMs: 3_600_000,
    });

    await vi.advanceTimersByTimeAsync(5_000);
    expect(check).toHaveBeenCalledTimes(1);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(55_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith({ finalizeBefore: NOW - FINALIZE_AFTER_MS });
    expect(check).toHaveBeenCalledTimes(12);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    await jobs.stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never runs a job twice at once, goes on after a failure, and stops only once the run in progress ends', async () => {
    let finish: () => void = () => {};
    const check = vi
      .fn<() => Promise<number>>()
      .mockRejectedValueOnce(new Error('store down'))
      .mockImplementation(() => new Promise<number>((resolve) => (finish = () => resolve(0))));
    const run = vi.fn(async () => ({ ratedAt: '', created: 0, updated: 0, unchanged: 0, finalized: 0 }));
    const jobs = startBillingJobs({ rating: { run }, balances: { check } }, { now: () => new Date(NOW) }, silent, {
      balanceCheckMs: 1_000,
      ratingMs: 3_600_000,
    });

    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(check).toHaveBeenCalledTimes(2);
    // The second check is still running: the next ticks do not start another.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(check).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
