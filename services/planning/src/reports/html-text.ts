/** Text for HTML and inline SVG, in element content and in quoted attributes alike. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A label cut to `max` characters with an ellipsis, for chart axes (the tables beside the charts carry the whole text). */
export function shortened(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}
