/** Calendar units of a quota. */
export type PeriodUnit = 'minute' | 'hour' | 'day' | 'month';

/** A calendar period: [start, end) in epoch ms. */
export interface Period {
  start: number;
  end: number;
}

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/**
 * Calendar-aligned periods in one time zone (IANA name, or UTC). The current period is cached,
 * so the per-call cost is one comparison; `Intl` runs only when a period ends.
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
    const wall = this.toWall(now);
    const startWall = truncate(wall, this.unit);
    this.current = { start: this.toInstant(startWall), end: this.toInstant(advance(startWall, this.unit)) };
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

  /** The instant a local wall-clock time names (the later one in a DST gap, the first in an overlap). */
  private toInstant(wall: number): number {
    if (this.format === undefined) return wall;
    let instant = wall - (this.toWall(wall) - wall);
    instant = wall - (this.toWall(instant) - instant);
    return instant;
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
