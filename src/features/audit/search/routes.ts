// /admin/audit: the audit searched by who, case, kind and dates, newest first, a page at a time;
// /admin/audit.csv: the same entries, every one of them, as CSV (the download itself is in the
// audit trail, as every download is: downloads.ts).
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { auditKinds, type AuditKind } from '../kinds.ts'
import { createAuditSearchService, type AuditFilters, type AuditRow } from '../search-service.ts'
import { querySchema, readDay } from './schema.ts'

export const auditReaders = { access: ['administrator', 'manager'] as const }
export const pageSize = 50

/** The filters as typed, what they mean, and a message for each that cannot be read. */
function readFilters(request: FastifyRequest) {
  const q = querySchema.parse(request.query ?? {})
  const from = readDay(q.from)
  const to = readDay(q.to)
  const errors: { text: string; href: string }[] = []
  if (from === null) errors.push({ text: 'From must be a real date, like 17/5/2026', href: '#from' })
  if (to === null) errors.push({ text: 'To must be a real date, like 31/5/2026', href: '#to' })
  const filters: AuditFilters = {
    userId: q.who,
    caseReference: q.case || undefined,
    kind: q.kind,
    from: from ?? undefined,
    to: to ?? undefined,
    after: q.after,
  }
  return { q, filters, errors }
}

const searchString = (q: Record<string, string | undefined>, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...q, ...extra })) if (value) params.set(key, value)
  const s = params.toString()
  return s ? `?${s}` : ''
}

function who(row: AuditRow) {
  return row.userName ?? row.actorLabel ?? (row.source === 1 ? 'A command on the server' : 'Parley')
}

function describe(row: AuditRow) {
  return row.source === 2 ? `Case event: ${row.action}` : row.source === 3 ? `Looked (${row.action})` : row.action
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value))

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
function cell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

export default async function auditSearch(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createAuditSearchService(database.db)

  app.get('/admin/audit', { config: auditReaders }, async (request, reply) => {
    const user = currentUser(request)
    const { q, filters, errors } = readFilters(request)
    const [result, staff] = await Promise.all([service.page(user, filters, pageSize), service.staff()])
    const { after: _after, ...kept } = q
    return reply.code(errors.length ? 400 : 200).view('audit/search/view.njk', {
      values: q,
      errors: errors.length
        ? { summary: errors, fields: Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }])) }
        : undefined,
      rows: result.rows.map((row) => ({
        ...row,
        whoText: who(row),
        what: describe(row),
        beforeText: json(row.before),
        afterText: json(row.after),
      })),
      unknownCase: result.unknownCase,
      filtered: Object.values(kept).some(Boolean),
      nextHref: result.next ? `/admin/audit${searchString(kept, { after: result.next })}` : undefined,
      firstHref: q.after ? `/admin/audit${searchString(kept)}` : undefined,
      csvHref: `/admin/audit.csv${searchString(kept)}`,
      whoItems: [
        { value: '', text: 'Anyone' },
        ...staff.map((s) => ({ value: s.id, text: `${s.name} (${s.email})`, selected: s.id === q.who })),
      ],
      kindItems: [
        { value: '', text: 'Any kind' },
        ...(Object.entries(auditKinds) as [AuditKind, string][]).map(([value, text]) => ({
          value,
          text,
          selected: value === q.kind,
        })),
      ],
    })
  })

  app.get('/admin/audit.csv', { config: auditReaders }, async (request, reply) => {
    const user = currentUser(request)
    const { filters } = readFilters(request)
    async function* lines() {
      yield '\ufeff' + ['When', 'Who', 'From', 'What', 'Record', 'Case', 'Before', 'After'].map(cell).join(',') + '\r\n'
      for await (const row of service.all(user, { ...filters, after: undefined })) {
        yield (
          [
            row.at.toISOString(),
            who(row),
            row.ip ?? '',
            describe(row),
            `${row.recordKind} ${row.recordId}`,
            row.caseReference ?? '',
            json(row.before),
            json(row.after),
          ]
            .map(cell)
            .join(',') + '\r\n'
        )
      }
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${clock.today()}.csv"`)
      .send(Readable.from(lines()))
  })
}
