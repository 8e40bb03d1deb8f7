/** The npm package a declaration file belongs to, from its path: `…/node_modules/@scope/name/…`. */
export function packageOfFile(fileName: string): string | undefined {
  const normalised = fileName.replaceAll('\\', '/');
  const index = normalised.lastIndexOf('/node_modules/');
  if (index === -1) return undefined;
  const parts = normalised.slice(index + '/node_modules/'.length).split('/');
  const [first, second] = parts;
  if (first === undefined) return undefined;
  if (first.startsWith('@')) return second === undefined ? undefined : `${first}/${second}`;
  // DefinitelyTyped: `@types/node` declares `node`, `@types/parse` declares `parse`.
  return first;
}

/** `parse/node` → `parse`, `@drupal-js-sdk/error/dist` → `@drupal-js-sdk/error`. */
export function packageOfSpecifier(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Whether an import specifier names one of the modules (or a subpath of one). */
export function specifierMatches(specifier: string, modules: readonly string[]): boolean {
  return modules.some((module) => specifier === module || specifier.startsWith(`${module}/`));
}
