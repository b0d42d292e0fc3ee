// Time comes from here, so that tests control it. Dates are the service's dates: England's.
export interface Clock {
  now(): Date
  /** Today's date in England, as YYYY-MM-DD. */
  today(): string
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export function isoDateInLondon(at: Date): string {
  return londonDate.format(at)
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => isoDateInLondon(new Date()),
}

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at)
  return {
    now: () => new Date(current),
    today: () => isoDateInLondon(current),
    set: (next) => void (current = new Date(next)),
  }
}
