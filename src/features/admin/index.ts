// What the administration area offers others: the job that works the open cases' deadlines out
// again after a change to the settings, the bank holidays or a council's update cadence.
export { RECOMPUTE_DEADLINES, runRecomputes } from './settings/recompute.ts'
