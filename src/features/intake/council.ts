// Which council a request is under. The postcode decides when it is in the area of a council the
// service works for; otherwise the person chooses from those councils, or says none of them (the
// request is still sent, under the provider's first council, and may not be free).
import type { Db } from '../../db/client.ts'
import { authorityForPostcode } from '../../domain/postcode.ts'
import { areasText } from '../../domain/text.ts'
import { allAuthorities, councilById, firstCommissioningCouncil, knownCouncils } from './repository.ts'

/** The answer for someone who lives in none of the councils' areas. */
export const NONE = 'none'

export interface Council {
  id: string
  name: string
  freeForResidents: boolean
}

export interface CouncilQuestion {
  /** The council the service works for that the postcode is in, when there is one. */
  matched?: Council
  /** The name of the council the postcode is in when the service does not work for it, if we know it. */
  elsewhere?: string
  /** The councils the service works for, by name, to choose from. */
  councils: Council[]
}

const asCouncil = (a: Council): Council => ({ id: a.id, name: a.name, freeForResidents: a.freeForResidents })

export async function councilQuestion(db: Db, postcode: string): Promise<CouncilQuestion> {
  const authorities = await allAuthorities(db)
  const commissioning = authorities.filter((a) => a.commissioned)
  const matched = authorityForPostcode(postcode, commissioning)
  const known = matched ? undefined : authorityForPostcode(postcode, authorities)
  return {
    ...(matched ? { matched: asCouncil(matched) } : {}),
    ...(known ? { elsewhere: known.name } : {}),
    councils: commissioning.map(asCouncil),
  }
}

export interface CouncilCheck {
  /** The council the request is for, or undefined when the person lives in none of their areas. */
  council?: string
  /** True when the service is free for them: they live in a council's area where it is free for residents. */
  inFreeArea: boolean
}

/** The council answered (an id, or NONE), as the check and confirmation pages describe it. */
export async function checkCouncil(db: Db, answer: string | undefined): Promise<CouncilCheck> {
  const found = (await allAuthorities(db)).find((a) => a.commissioned && a.id === answer)
  return found ? { council: found.name, inFreeArea: found.freeForResidents } : { inFreeArea: false }
}

/**
 * The council the case is to be under: the one answered, or, for someone who lives in none of
 * the councils' areas (or a council that stopped working with the service meanwhile), the
 * provider's first council, so that its staff see the request.
 */
export async function councilForRequest(db: Db, answer: string | undefined) {
  const found = (await allAuthorities(db)).find((a) => a.commissioned && a.id === answer)
  if (found) return { id: found.id, inArea: true }
  const first = await firstCommissioningCouncil(db)
  if (!first) throw new Error('There is no commissioning council to take the request')
  return { id: first.id, inArea: false }
}

/** The details of the council a request went to (its name, phone, opening hours), for the confirmation page. */
export const sentCouncilDetails = (db: Db, councilId: string) => councilById(db, councilId)

/** Where the service is free, in words: "the Warrington Borough Council area", "the areas of ...". */
export async function freeAreas(db: Db): Promise<string> {
  const councils = (await allAuthorities(db)).filter((a) => a.commissioned && a.freeForResidents)
  return areasText(councils.map((c) => c.name))
}

/** The councils to name as the one the disagreement is with: those the service works for first, then the rest. */
export const councilsToName = (db: Db) => knownCouncils(db)
