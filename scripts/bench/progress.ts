// A progress bar on stderr (so the results on stdout stay clean), and a stopwatch.
export class Progress {
  private readonly started = performance.now()
  private lastDraw = 0
  private lastShare = 0

  private readonly label: string
  private readonly total: number

  constructor(label: string, total: number) {
    this.label = label
    this.total = total
  }

  update(done: number, force = false) {
    const now = performance.now()
    if (!force && now - this.lastDraw < 250) return
    this.lastDraw = now
    const share = this.total ? done / this.total : 1
    const width = 30
    const filled = Math.round(share * width)
    const seconds = (now - this.started) / 1000
    const left = share > 0.01 ? (seconds / share) * (1 - share) : NaN
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`
    const eta = Number.isFinite(left) && share < 1 ? `, about ${Math.ceil(left)} s left` : ''
    const line = `${this.label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-GB')}/${this.total.toLocaleString('en-GB')} ${seconds.toFixed(1)} s${eta}`
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`)
    else if (force || share === 1 || Math.floor(share * 10) !== Math.floor(this.lastShare * 10))
      process.stderr.write(`${line}\n`)
    this.lastShare = share
  }

  done(done = this.total): number {
    this.update(done, true)
    if (process.stderr.isTTY) process.stderr.write('\n')
    return (performance.now() - this.started) / 1000
  }
}

/** Adds up where the time goes, by name. */
export class Stopwatch {
  readonly seconds = new Map<string, number>()

  async time<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now()
    try {
      return await work()
    } finally {
      this.seconds.set(name, (this.seconds.get(name) ?? 0) + (performance.now() - started) / 1000)
    }
  }

  add(name: string, seconds: number) {
    this.seconds.set(name, (this.seconds.get(name) ?? 0) + seconds)
  }

  /** "cases 1.2 s, case_events 3.4 s, ...", the largest first. */
  summary(): string {
    return [...this.seconds.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
      .join(', ')
  }
}
