// /mediators/:id: one mediator's profile, standing, CPD log, unavailable dates and declared
// conflicts. Staff who run the panel see anyone's; a mediator sees only their own.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { isOwnProfile, mediatorOr404, panelViewers, permissionsFor, profileViewers } from '../access.ts'
import { conflictLinks, languageLabel, organisationKinds, weekdays } from '../labels.ts'
import {
  listConflicts,
  listCpd,
  listLocalAuthorities,
  listMediatorAccounts,
  listUnavailability,
  type MediatorRow,
} from '../repository.ts'
import { formatDate } from '../../../web/format.ts'
import { standingOf } from '../standing.ts'

const view = 'mediators/profile/view.njk'
type Params = { Params: { id: string } }

export default async function profile(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get<Params>('/mediators/:id', { config: { access: profileViewers } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply)
    if (!m) return reply
    const db = database.db
    const today = clock.today()
    const [cpd, unavailable, conflicts, authorities, accounts] = await Promise.all([
      listCpd(db, m.id),
      listUnavailability(db, m.id),
      listConflicts(db, m.id),
      listLocalAuthorities(db),
      listMediatorAccounts(db),
    ])
    const cpdHoursByYear: Record<number, number> = {}
    for (const e of cpd) {
      const year = Number(e.completedOn.slice(0, 4))
      cpdHoursByYear[year] = Math.round(((cpdHoursByYear[year] ?? 0) + e.hours) * 10) / 10
    }
    const areaName = new Map(authorities.map((a) => [a.code, a.name]))
    const account = accounts.find((a) => a.id === m.userId)
    const user = currentUser(request)
    return reply.view(view, {
      mediator: m,
      own: isOwnProfile(user, m),
      can: permissionsFor(user, m),
      standing: standingOf(m, cpdHoursByYear, today),
      summaryRows: summaryRows(m, {
        languages: m.languages.map(languageLabel),
        areas: m.areas.map((code) => areaName.get(code) ?? code),
        account: account ? `${account.name} (${account.email})` : undefined,
      }),
      cpd,
      cpdYears: Object.entries(cpdHoursByYear)
        .map(([year, hours]) => ({ year, hours }))
        .sort((a, b) => Number(b.year) - Number(a.year)),
      unavailable: unavailable.map((u) => ({ ...u, past: u.toDate < today })),
      conflicts: conflicts.map((c) => ({
        ...c,
        kindText: organisationKinds[c.organisationKind] ?? c.organisationKind,
        linkText: conflictLinks[c.link] ?? c.link,
      })),
      backLink: hasRole(user, ...panelViewers) ? '/mediators' : undefined,
    })
  })
}

/** The profile as summary list rows: plain text (the macro escapes it). */
function summaryRows(m: MediatorRow, named: { languages: string[]; areas: string[]; account?: string }) {
  const orNot = (v: string | null) => v || 'Not recorded'
  const joined = (l: string[], none = 'None recorded') => (l.length ? l.join(', ') : none)
  const parts = (...p: (string | false | null)[]) => p.filter(Boolean).join(', ')
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } })
  return [
    row('Email address', m.email),
    row('Phone number', orNot(m.phone)),
    row(
      'Civil Mediation Council registration',
      parts(
        orNot(m.cmcRegistrationNumber),
        !!m.cmcRegistrationExpiry && `expires ${formatDate(m.cmcRegistrationExpiry)}`,
      ),
    ),
    row(
      'Register of SEND mediators',
      parts(orNot(m.sendRegisterNumber), !!m.sendRegisterExpiry && `expires ${formatDate(m.sendRegisterExpiry)}`),
    ),
    row(
      'SEN training completed',
      m.senTrainingCompletedOn
        ? formatDate(m.senTrainingCompletedOn) + (m.senTrainingDetails ? `: ${m.senTrainingDetails}` : '')
        : 'Not recorded',
    ),
    row(
      'Professional indemnity insurance',
      parts(
        orNot(m.insurer),
        m.insuranceCoverPounds !== null && `cover £${m.insuranceCoverPounds.toLocaleString('en-GB')}`,
        !!m.insuranceExpiry && `expires ${formatDate(m.insuranceExpiry)}`,
      ),
    ),
    row(
      'DBS check',
      parts(
        m.dbsCheckedOn ? `checked ${formatDate(m.dbsCheckedOn)}` : 'Not recorded',
        !!m.dbsRenewalDue && `renewal due ${formatDate(m.dbsRenewalDue)}`,
      ),
    ),
    row('Languages', joined(named.languages)),
    row('Council areas', joined(named.areas)),
    row('Venues', joined(m.venues)),
    row(
      'Working days',
      joined(
        m.workingDays.map((d) => weekdays[String(d)] ?? String(d)),
        'None',
      ),
    ),
    row('Taking cases', m.active ? 'Yes' : 'No'),
    row('Staff account', named.account ?? 'Not linked'),
  ]
}
