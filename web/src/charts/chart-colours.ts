/** A colour of the theme (a CSS custom property) for canvas drawing, which cannot read `var(...)` itself. */
export function themeColour(property: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(property).trim() || fallback;
}
