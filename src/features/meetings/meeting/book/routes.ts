// /cases/:id/meeting/book: book the meeting (see form.ts).
import { bookingPage } from './form.ts'

export default bookingPage('book')
