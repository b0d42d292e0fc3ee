// Imports are for administrators; exports for the staff who work cases (each sees their councils').
import { caseWorkers } from '../cases/index.ts'

export const importers = { access: ['administrator'] as const }
export const exporters = { access: caseWorkers }

export const statusLabels: Record<string, string> = {
  uploaded: 'Not imported yet',
  queued: 'Waiting to start',
  running: 'Importing',
  done: 'Imported',
  failed: 'Stopped by a problem',
  'undo-queued': 'Waiting to be undone',
  undoing: 'Being undone',
  undone: 'Undone',
}
