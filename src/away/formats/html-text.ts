/**
 * Plain text as the body of an HTML message (Exchange and Graph show automatic
 * replies as HTML): & < > " escaped, line breaks as <br>, other control
 * characters gone.
 */
export function htmlMessage(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n?|\n|\u2028|\u2029/g, '<br>')

    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
