/** Decodes one application/x-www-form-urlencoded component (`+` is a space); a malformed escape is kept as is. */
export function decodeFormComponent(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
