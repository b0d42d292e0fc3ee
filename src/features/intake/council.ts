// Which council a postcode is in, and whether the service is free there.
import type { Db } from '../../db/client.ts'
import { authorityForPostcode } from '../../domain/postcode.ts'
import { allAuthorities } from './repository.ts'

export interface CouncilCheck {
  /** The council the postcode is in, where we know it. */
  council?: string
  /** The council that pays for the service. */
  commissioner?: string
  /** True when the service is free for people living at this postcode. */
  inFreeArea: boolean
}

export async function checkCouncil(db: Db, postcode: string): Promise<CouncilCheck> {
  const authorities = await allAuthorities(db)
  const found = authorityForPostcode(postcode, authorities)
  const commissioner = authorities.find((a) => a.commissioned)
  return {
    council: found?.name,
    commissioner: commissioner?.name,
    inFreeArea: !!found && found.commissioned && found.freeForResidents,
  }
}
