// What the start page says about who the service is free for: the councils it works for, as they are now.
import type { Db } from '../../../db/client.ts'
import { areasText } from '../../../domain/text.ts'
import { freeCouncilNames } from '../repository.ts'

export async function startPage(db: Db) {
  const councils = await freeCouncilNames(db)
  return { freeIn: areasText(councils), councils: councils.length > 3 ? councils : [] }
}
