// What each panel page shows, read in one call per page: who may open it (access.ts), then the
// mediator's records and the choices its forms offer.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { complaintsAboutMediatorFor } from '../complaints/index.ts'
import { accessTo, isOwnProfile, permissionsFor, type MediatorAccess, type Permission } from './access.ts'
import { conflictLinks, languageLabel, organisationKinds } from './labels.ts'
import { profileFormOptions, type ProfileFormOptions } from './profile-form.ts'
import {
  findMediator,
  findMediatorByUser,
  listConflicts,
  listCpd,
  listLocalAuthorities,
  listMediatorAccounts,
  listPanel,
  listUnavailability,
} from './repository.ts'
import type { PanelSort } from './panel/schema.ts'
import { standingOf, statusRank } from './standing.ts'
import type { LocalAuthorityOption } from './types.ts'

export function createPanelPages({ db, clock }: { db: Db; clock: Clock }) {
  async function mediatorFor(user: StaffUser, id: string, need?: Permission): Promise<MediatorAccess> {
    return accessTo(user, await findMediator(db, id), need)
  }

  async function formOptions(mediatorId?: string): Promise<ProfileFormOptions> {
    const [authorities, accounts] = await Promise.all([listLocalAuthorities(db), listMediatorAccounts(db)])
    return profileFormOptions(authorities, accounts, mediatorId)
  }

  return {
    mediatorFor,

    /** /mediators: every mediator's standing, sorted; how many can be allocated and how many are lapsing. */
    async panel(sort: PanelSort, order: 'asc' | 'desc') {
      const today = clock.today()
      const [rows, authorities] = await Promise.all([listPanel(db), listLocalAuthorities(db)])
      const areaName = new Map(authorities.map((a) => [a.code, a.name]))
      const mediators = rows.map(({ mediator, cpdHoursByYear }) => ({
        id: mediator.id,
        name: mediator.name,
        active: mediator.active,
        standing: standingOf(mediator, cpdHoursByYear, today),
        languages: mediator.languages.map(languageLabel),
        areas: mediator.areas.map((code) => areaName.get(code) ?? code),
      }))
      const byName = (a: { name: string }, b: { name: string }) =>
        a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' })
      mediators.sort((a, b) => {
        const c =
          sort === 'status'
            ? statusRank[a.standing.status] - statusRank[b.standing.status] || byName(a, b)
            : byName(a, b)
        return order === 'asc' ? c : -c
      })
      return {
        mediators,
        lapsing: mediators.filter((m) => m.active && m.standing.lapsingSoon).length,
        counts: {
          ok: mediators.filter((m) => m.standing.canBeAllocated).length,
          blocked: mediators.filter((m) => !m.standing.canBeAllocated).length,
        },
      }
    },

    /** /mediators/:id: the profile, its standing, CPD log, unavailable dates and conflicts. */
    async profile(user: StaffUser, id: string) {
      const found = await mediatorFor(user, id)
      if (!found.ok) return found
      const m = found.mediator
      const today = clock.today()
      const [cpd, unavailable, conflicts, authorities, accounts, complaints] = await Promise.all([
        listCpd(db, m.id),
        listUnavailability(db, m.id),
        listConflicts(db, m.id),
        listLocalAuthorities(db),
        listMediatorAccounts(db),
        // Those who handle complaints see the ones about this mediator (for their councils).
        complaintsAboutMediatorFor(db, clock, user, m.id),
      ])
      const cpdHoursByYear: Record<number, number> = {}
      for (const e of cpd) {
        const year = Number(e.completedOn.slice(0, 4))
        cpdHoursByYear[year] = Math.round(((cpdHoursByYear[year] ?? 0) + e.hours) * 10) / 10
      }
      const areaName = new Map(authorities.map((a) => [a.code, a.name]))
      const account = accounts.find((a) => a.id === m.userId)
      return {
        ...found,
        own: isOwnProfile(user, m),
        can: permissionsFor(user, m),
        standing: standingOf(m, cpdHoursByYear, today),
        named: {
          languages: m.languages.map(languageLabel),
          areas: m.areas.map((code) => areaName.get(code) ?? code),
          account: account ? `${account.name} (${account.email})` : undefined,
        },
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
        complaints,
      }
    },

    /** /mediators/me: the signed-in mediator's own profile, if they have one. */
    async ownProfileId(userId: string): Promise<string | undefined> {
      return (await findMediatorByUser(db, userId))?.id
    },

    /** /mediators/new: the choices the profile form offers. */
    newProfileForm: () => formOptions(),

    /** /mediators/:id/edit: the profile as saved, and the form's choices (its own account stays on offer). */
    async editForm(user: StaffUser, id: string): Promise<MediatorAccess<{ options: ProfileFormOptions }>> {
      const found = await mediatorFor(user, id, 'editProfile')
      if (!found.ok) return found
      return { ...found, options: await formOptions(found.mediator.id) }
    },

    /** /mediators/:id/conflicts/new: the council areas an organisation may be in. */
    async conflictForm(user: StaffUser, id: string): Promise<MediatorAccess<{ authorities: LocalAuthorityOption[] }>> {
      const found = await mediatorFor(user, id, 'declareConflicts')
      if (!found.ok) return found
      return { ...found, authorities: await listLocalAuthorities(db) }
    },
  }
}
export type PanelPages = ReturnType<typeof createPanelPages>
