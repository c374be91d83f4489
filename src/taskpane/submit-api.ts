/* The lazily loaded part of the pane: the package builder (docx, MIME) and the form's zod validation. */
export { prepareSubmission } from '../submission';
export { parsePeriod, validateForm } from './validate';
