// What the mediator panel offers others: the mediators who could take a case, for allocation.
export { type MediatorForAllocation, listMediatorsForAllocation } from './allocation-repository.ts'
