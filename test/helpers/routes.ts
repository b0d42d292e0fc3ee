// The app's own route table, so that a test of every route checks a route added later too.

/** "METHOD /path" for every route in Fastify's printRoutes({ commonPrefix: false }) tree. */
export function registeredRoutes(tree: string): string[] {
  const routes: string[] = []
  const paths: string[] = []
  for (const line of tree.split('\n')) {
    const start = line.search(/[^│├└─\s]/)
    if (start < 0) continue
    const depth = Math.round(start / 4) - 1
    const [, segment = '', methods = ''] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(start)) ?? []
    const path = depth <= 0 ? segment : paths[depth - 1] + segment
    paths.length = Math.max(depth, 0)
    paths.push(path)
    for (const method of methods.split(', ').filter(Boolean)) routes.push(`${method} ${path}`)
  }
  return routes
}
