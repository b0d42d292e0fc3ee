// What the settings area offers others: the service settings and the working-day calendar.
export {
  type ServiceSettings,
  currentCalendar,
  readSettings,
  settingsSchema,
  writeSettings,
} from './service-settings.ts'
