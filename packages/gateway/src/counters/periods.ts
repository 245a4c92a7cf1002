/** Calendar units of a quota. */
export type PeriodUnit = 'minute' | 'hour' | 'day' | 'month';

/** A calendar period: [start, end) in epoch ms. */
export interface Period {
  start: number;
  end: number;
}

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

const DAY_MS = 86_400_000;

/**
 * Calendar-aligned periods in one time zone (IANA name, or UTC). The current period is cached,
 * so the per-call cost is one comparison; `Intl` runs only when a period ends.
 *
 * Around a DST change a period keeps its local meaning; its edges are where the local clock
 * enters and leaves it. A day is 23 or 25 hours long; a period whose start the clock skips
 * starts at the change; the hour a fall-back repeats is one period of two hours (the clock stays
 * in it), while a repeated minute is two periods. The period returned always contains `now`,
 * whatever the cache held, so every node derives the same counter key for the same instant.
 */
export class CalendarPeriods {
  private readonly format: Intl.DateTimeFormat | undefined;
  private current: Period = { start: 0, end: 0 };

  /** Throws a RangeError for a time zone the runtime does not know. */
  constructor(
    private readonly unit: PeriodUnit,
    timeZone = 'UTC',
  ) {
    this.format =
      timeZone === 'UTC'
        ? undefined
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
  }

  /** The period `now` falls in. */
  at(now: number): Period {
    if (now >= this.current.start && now < this.current.end) return this.current;
    const startWall = truncate(this.toWall(now), this.unit);
    const endWall = advance(startWall, this.unit);
    if (this.format === undefined) {
      this.current = { start: startWall, end: endWall };
    } else {
      this.current = { start: this.startOf(startWall, now), end: this.endOf(startWall, endWall, now) };
    }
    return this.current;
  }

  /** Local wall-clock time of an instant, as if it were UTC (ms). */
  private toWall(instant: number): number {
    if (this.format === undefined) return instant;
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const [year, month, day, hour, minute, second] = FIELDS.map((field) => parts[field] ?? 0) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return Date.UTC(year, month - 1, day, hour, minute, second) + (instant % 1000);
  }

  /**
   * The instants whose local time reads `wall`, ascending: one; none in a DST gap; two in an
   * overlap. Offset changes are months apart, so the offsets a day before and after are the
   * only two that can apply.
   */
  private instantsOf(wall: number): number[] {
    const byEarlierOffset = wall - (this.toWall(wall - DAY_MS) - (wall - DAY_MS));
    const byLaterOffset = wall - (this.toWall(wall + DAY_MS) - (wall + DAY_MS));
    const found: number[] = [];
    if (this.toWall(byEarlierOffset) === wall) found.push(byEarlierOffset);
    if (byLaterOffset !== byEarlierOffset && this.toWall(byLaterOffset) === wall) found.push(byLaterOffset);
    return found.sort((a, b) => a - b);
  }

  /** In a DST gap the local time never reads `wall`: the first instant that reads later (the change itself). */
  private firstInstantPast(wall: number): number {
    let before = wall - (this.toWall(wall + DAY_MS) - (wall + DAY_MS));
    let after = wall - (this.toWall(wall - DAY_MS) - (wall - DAY_MS));
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (this.toWall(middle) >= wall) after = middle;
      else before = middle;
    }
    return after;
  }

  /** When the period containing `now` whose local start is `wall` began. */
  private startOf(wall: number, now: number): number {
    const found = this.instantsOf(wall).filter((instant) => instant <= now);
    const last = found.at(-1);
    if (last === undefined) return this.firstInstantPast(wall);
    const first = found[0] as number;
    // Read twice (a fall-back): one period from the first reading if the clock stayed in it in between.
    if (first !== last && truncate(this.toWall(last - 1), this.unit) === wall) return first;
    return last;
  }

  /**
   * When the period containing `now` (local start `startWall`) ends: when the clock next reads
   * `wall`, the next period's start, unless a fall-back before then takes it out of the period
   * (the minute 02:59 ends when the clock goes back to 02:00, not at the second 03:00).
   */
  private endOf(startWall: number, wall: number, now: number): number {
    const end = this.instantsOf(wall).find((instant) => instant > now) ?? this.firstInstantPast(wall);
    const offset = this.toWall(now) - now;
    if (this.toWall(end - 1) - (end - 1) === offset) return end;
    let before = now;
    let after = end - 1;
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (this.toWall(middle) - middle === offset) before = middle;
      else after = middle;
    }
    return truncate(this.toWall(after), this.unit) === startWall ? end : after;
  }
}

function truncate(wall: number, unit: PeriodUnit): number {
  const date = new Date(wall);
  switch (unit) {
    case 'minute':
      return wall - (wall % 60_000);
    case 'hour':
      return wall - (wall % 3_600_000);
    case 'day':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
}

function advance(wall: number, unit: PeriodUnit): number {
  const date = new Date(wall);
  switch (unit) {
    case 'minute':
      return wall + 60_000;
    case 'hour':
      return wall + 3_600_000;
    case 'day':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
}
