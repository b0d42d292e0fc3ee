// What the directory feed offers others: the seam through which another area's dated schedules
// (information sessions) appear on each council's service.
export type { OrukSchedule, ScheduleSource } from './schedules.ts'
export { stableId } from './ids.ts'
