// /admin/settings: the service settings (how the August and Christmas exclusions move SEN appeal
// deadlines, when a chaser is suggested, what counts as "due soon") and each commissioning
// authority's update cadence. A change to the appeal exclusion works out every open case's
// deadlines again.
import { asc, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { localAuthorities, settings, users } from '../../../db/schema/index.ts'
import type { Calendar } from '../../../domain/calendar.ts'
import { computeDeadlines, type AppealExclusion } from '../../../domain/clocks.ts'
import { addMonths } from '../../../domain/dates.ts'
import { currentUser } from '../../../web/auth.ts'
import { fieldError, parseForm, renderInvalid, type FormErrors } from '../../../web/forms.ts'
import { currentCalendar, readSettings, writeSettings, type ServiceSettings } from '../../settings/index.ts'
import { adminOnly } from '../users/routes.ts'
import { recomputeOpenDeadlines } from './recompute.ts'
import { appealExclusions, chaserLimits, dueSoonLimits, reminderLimits, settingsFormSchema } from './schema.ts'

const view = 'admin/settings/view.njk'

export const exclusionNames: Record<AppealExclusion, string> = {
  'move-out': 'Move the deadline out of August and 25 December to 1 January',
  'skip-days': 'Do not count the days in August and from 25 December to 1 January',
  none: 'Treat August and 25 December to 1 January like the rest of the year',
}

const settingNames: Record<keyof ServiceSettings, string> = {
  appealExclusion: 'August and Christmas for appeal deadlines',
  chaserWorkingDays: 'Working days before a chaser is suggested',
  dueSoonWorkingDays: 'Working days that count as due soon',
  meetingReminderDays: 'Working days before a meeting that reminders go out',
}

/** What the page showed, to notice a change made by someone else before the form comes back. */
const fingerprint = (s: ServiceSettings) =>
  `${s.appealExclusion}/${s.chaserWorkingDays}/${s.dueSoonWorkingDays}/${s.meetingReminderDays}`

const asValues = (s: ServiceSettings) => ({
  appealExclusion: s.appealExclusion,
  chaserWorkingDays: String(s.chaserWorkingDays),
  dueSoonWorkingDays: String(s.dueSoonWorkingDays),
  meetingReminderDays: String(s.meetingReminderDays),
})

/** The last day to appeal from a decision letter alone, under each reading: worked out, not typed. */
function appealExamples(calendar: Calendar, year: string) {
  return [`${year}-06-10`, `${year}-07-10`, `${year}-10-27`].map((letter) => {
    const dueUnder = Object.fromEntries(
      appealExclusions.map((exclusion) => {
        const deadlines = computeDeadlines([{ type: 'decision-letter-sent', date: letter, data: {} }], {
          calendar,
          appealExclusion: exclusion,
        })
        return [exclusion, deadlines.find((d) => d.name === 'appeal')?.dueDate ?? '']
      }),
    ) as Record<AppealExclusion, string>
    return { letter, twoMonths: addMonths(letter, 2), dueUnder }
  })
}

async function pageContext(db: Db, clock: Clock, current: ServiceSettings) {
  const calendar = await currentCalendar(db)
  const authorities = await db
    .select({
      id: localAuthorities.id,
      name: localAuthorities.name,
      cadence: localAuthorities.updateCadenceWorkingDays,
    })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.name))
  const changes = (
    await db
      .select({ key: settings.key, updatedAt: settings.updatedAt, by: users.name })
      .from(settings)
      .leftJoin(users, eq(users.id, settings.updatedBy))
  )
    .filter((row): row is typeof row & { key: keyof ServiceSettings } => row.key in settingNames)
    .map((row) => ({ ...row, name: settingNames[row.key] }))
  const examples = appealExamples(calendar, clock.today().slice(0, 4))
  return {
    shown: fingerprint(current),
    authorities,
    changes,
    examples,
    exclusionNames,
    chaserLimits,
    dueSoonLimits,
    reminderLimits,
  }
}

export default async function settingsPage(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  const invalid = async (reply: FastifyReply, errors: FormErrors, values: unknown, current: ServiceSettings) =>
    renderInvalid(reply, view, errors, { ...(await pageContext(db, clock, current)), values })

  app.get('/admin/settings', { config: adminOnly }, async (_request, reply) => {
    const current = await readSettings(db)
    return reply.view(view, { ...(await pageContext(db, clock, current)), values: asValues(current) })
  })

  app.post('/admin/settings', { config: adminOnly }, async (request, reply) => {
    const current = await readSettings(db)
    const form = parseForm(settingsFormSchema, request.body)
    if (!form.ok) return invalid(reply, form.errors, request.body, current)
    const { shown, ...chosen } = form.data

    if (shown !== fingerprint(current)) {
      const message =
        `Someone else changed these settings while you were working on them. They are now: ${exclusionNames[current.appealExclusion].toLowerCase()}; ` +
        `a chaser after ${current.chaserWorkingDays} working days; due soon within ${current.dueSoonWorkingDays} working days; meeting reminders ${current.meetingReminderDays} working days before. Check your choices and save again`
      return invalid(reply, fieldError('appealExclusion', message), request.body, current)
    }

    const changed = Object.fromEntries(
      (Object.keys(chosen) as (keyof ServiceSettings)[])
        .filter((key) => chosen[key] !== current[key])
        .map((key) => [key, chosen[key]]),
    ) as Partial<ServiceSettings>
    if (Object.keys(changed).length === 0) {
      request.session.flash = 'Nothing was changed'
      return reply.redirect('/admin/settings', 303)
    }

    const userId = currentUser(request).id
    await writeSettings(db, clock, changed, userId)
    request.log.info({ by: userId, from: current, changed }, 'service settings changed')
    let flash = 'Settings saved'
    if (changed.appealExclusion) {
      const count = await recomputeOpenDeadlines(db, clock)
      request.log.info({ by: userId, cases: count }, 'deadlines worked out again after the appeal exclusion changed')
      flash += `. The deadlines of ${count} ${count === 1 ? 'case' : 'cases'} that are not closed were worked out again`
    }
    request.session.flash = flash
    return reply.redirect('/admin/settings', 303)
  })
}
