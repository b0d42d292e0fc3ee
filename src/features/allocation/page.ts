// What the allocation pages share: who may change an allocation.

/** Who allocates, records who was told, and decides objections. Mediators see the tab only. */
export { caseWorkers as allocators } from '../cases/index.ts'
