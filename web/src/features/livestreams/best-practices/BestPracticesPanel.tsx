// Best practices and improvement areas of the category's livestreams (filled in by the best-practices work).
export function BestPracticesPanel() {
  return null;
}
