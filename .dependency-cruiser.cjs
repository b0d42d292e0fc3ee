// The dependency rules `npm test` checks (npm run deps). Data flows one way: routes -> services ->
// repositories -> the database; areas meet only at each other's front door (index.ts).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Imports never run in a circle: move shared types to a leaf module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds pure rules: it imports nothing else of Parley.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'schema-is-a-leaf',
      severity: 'error',
      comment: 'The database schema and client know nothing of the areas or the web layer.',
      from: { path: '^src/db/(schema/|client\\.ts|migrate\\.ts|lock\\.ts)' },
      to: { path: '^src/(features|web|jobs)/' },
    },
    {
      name: 'web-is-below-the-areas',
      severity: 'error',
      comment: 'src/web serves every area and imports none of them (app.ts plugs the areas in).',
      from: { path: '^src/web/' },
      to: { path: '^src/(features|jobs)/' },
    },
    {
      name: 'repositories-only-query',
      severity: 'error',
      comment: 'A repository holds queries: it never calls a service, a route or the web layer.',
      from: { path: 'repository\\.ts$' },
      to: { path: '(service|routes)\\.ts$|^src/web/|/area\\.ts$' },
    },
    {
      name: 'routes-call-services',
      severity: 'error',
      comment: 'A page parses input, calls its service and renders: queries live in repositories.',
      from: { path: '^src/features/.+/(routes|page|form|schema)\\.ts$' },
      to: { path: ['repository\\.ts$', '^src/db/schema/', 'node_modules/drizzle-orm'] },
    },
    {
      name: 'areas-meet-at-the-front-door',
      severity: 'error',
      comment: 'Another area is used through its index.ts, never by reaching into its files.',
      from: { path: '^src/features/([^/]+)/', pathNot: '(\\.test|/testing|/test-kit)\\.ts$' },
      to: { path: '^src/features/([^/]+)/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'tests-meet-at-the-front-door-too',
      severity: 'error',
      comment: "An area's tests use another area through its index.ts or its test kit (testing.ts).",
      from: { path: '^src/features/([^/]+)/.*(\\.test|/testing|/test-kit)\\.ts$' },
      to: {
        path: '^src/features/([^/]+)/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/(index|testing|test-kit)\\.ts$'],
      },
    },
    {
      name: 'shared-tests-meet-at-the-front-door',
      severity: 'error',
      comment: 'Tests under test/ use an area through its index.ts or its test kit (testing.ts).',
      from: { path: '^test/' },
      to: { path: '^src/features/', pathNot: '^src/features/[^/]+/(index|testing|test-kit)\\.ts$' },
    },
    {
      name: 'only-app-registers-areas',
      severity: 'error',
      comment: 'app.ts is the one place that lists the areas.',
      from: { pathNot: '^src/app\\.ts$' },
      to: { path: '^src/features/[^/]+/area\\.ts$' },
    },
    {
      name: 'no-test-code-in-the-app',
      severity: 'error',
      comment: 'Running code never imports tests, test kits or test helpers.',
      from: { path: '^src/', pathNot: '(\\.test|/testing|/test-kit)\\.ts$' },
      to: { path: '(^test/|\\.test\\.ts$|/testing\\.ts$|/test-kit\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|\\.cache|dist|data)/' },
  },
}
