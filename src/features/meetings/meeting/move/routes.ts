// /cases/:id/meeting/move: move the meeting to a new date, time or place: the same calendar UID
// with a higher sequence, and the new details to everyone (see ../book/form.ts).
import { bookingPage } from '../book/form.ts'

export default bookingPage('move')
