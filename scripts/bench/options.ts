// npm run bench -- [--cases 100000 | --quick] [--rebuild] [--build-only] [--seconds 10] [--connections 10,50]
export interface Options {
  cases: number
  quick: boolean
  rebuild: boolean
  /** Build (or check) the data set, then stop: the load can run later on a quiet machine. */
  buildOnly: boolean
  /** How long each page is loaded at each connection count. */
  seconds: number
  connections: number[]
}

export const usage = `Usage: npm run bench -- [options]
  --cases N          cases in the data set (default 100000; 1000000 for a national service)
  --quick            about 3,000 cases and about 2 seconds a page
  --rebuild          build the data set again even if it is there
  --build-only       build the data set (or find it built) and stop, without loading pages
  --seconds S        seconds of load for each page at each connection count (default 10)
  --connections A,B  connection counts (default 10,50)
With DATABASE_URL set, the data set is a database of its own on that server (parley_bench_<cases>);
without it, the embedded database in .cache/bench/pglite-<cases>.`

export function parseOptions(argv: string[]): Options {
  const options: Options = {
    cases: 100_000,
    quick: false,
    rebuild: false,
    buildOnly: false,
    seconds: 10,
    connections: [10, 50],
  }
  let casesGiven = false
  let secondsGiven = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value\n${usage}`)
      return next
    }
    if (arg === '--quick') options.quick = true
    else if (arg === '--rebuild') options.rebuild = true
    else if (arg === '--build-only') options.buildOnly = true
    else if (arg === '--cases') {
      options.cases = Number(value().replace(/[_,]/g, ''))
      casesGiven = true
    } else if (arg === '--seconds') {
      options.seconds = Number(value())
      secondsGiven = true
    } else if (arg === '--connections') options.connections = value().split(',').map(Number)
    else if (arg === '--help' || arg === '-h') throw new Error(usage)
    else throw new Error(`Unknown option ${arg}\n${usage}`)
  }
  if (options.quick) {
    if (!casesGiven) options.cases = 3000
    if (!secondsGiven) options.seconds = 2
  }
  if (!Number.isInteger(options.cases) || options.cases < 100)
    throw new Error(`--cases must be a whole number of at least 100\n${usage}`)
  if (!(options.seconds > 0) || options.connections.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(usage)
  return options
}
