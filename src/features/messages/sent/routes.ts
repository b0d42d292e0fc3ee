// /admin/messages: "Sent messages", the outbox as this person may see it (an administrator every
// message; a manager those of their councils' cases and to those cases' parties), newest first,
// filtered by status and channel and paged on the server. With no SMTP set up (the embedded default) this is where
// emails are kept, so a new user sees what Parley would have sent.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { paginationItems } from '../../../web/pagination.ts'
import { channelLabels, messageChannels, messageStatuses, statusLabels, statusTag, channelLabel } from '../labels.ts'
import { createMessageService } from '../service.ts'

export const messagesAdmin = { access: ['administrator', 'manager'] as const }
export const pageSize = 25

const query = z.object({
  status: z
    .enum(messageStatuses as [string, ...string[]])
    .optional()
    .catch(undefined),
  channel: z
    .enum(messageChannels as [string, ...string[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})

export default async function sentMessages(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const service = createMessageService({ db: database.db, clock })

  app.get('/admin/messages', { config: messagesAdmin }, async (request, reply) => {
    const params = query.parse(request.query ?? {})
    const result = await service.sentMessages(currentUser(request), { ...params, pageSize })
    const href = (page: number) => {
      const qs = new URLSearchParams()
      if (params.status) qs.set('status', params.status)
      if (params.channel) qs.set('channel', params.channel)
      if (page > 1) qs.set('page', String(page))
      const s = qs.toString()
      return `/admin/messages${s ? `?${s}` : ''}`
    }
    return reply.view('messages/sent/view.njk', {
      params,
      rows: result.rows.map((r) => ({
        ...r,
        tag: statusTag(r.status, r.channel),
        channelText: channelLabel(r.channel),
      })),
      total: result.total,
      showing: {
        from: result.total ? (result.page - 1) * pageSize + 1 : 0,
        to: (result.page - 1) * pageSize + result.rows.length,
      },
      statusItems: [
        { value: '', text: 'Any status' },
        ...messageStatuses.map((s) => ({ value: s, text: statusLabels[s], selected: params.status === s })),
      ],
      channelItems: [
        { value: '', text: 'Any way' },
        ...messageChannels.map((c) => ({ value: c, text: channelLabels[c], selected: params.channel === c })),
      ],
      pagination:
        result.lastPage > 1
          ? {
              previous: result.page > 1 ? { href: href(result.page - 1) } : undefined,
              next: result.page < result.lastPage ? { href: href(result.page + 1) } : undefined,
              items: paginationItems(result.page, result.lastPage, href),
            }
          : undefined,
      emailReady: !!config.SMTP_URL,
      textReady: !!config.SMS_PROVIDER_URL,
    })
  })
}
