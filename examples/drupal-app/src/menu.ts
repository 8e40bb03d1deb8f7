// Navigation menus and role-dependent links for the site header.
import { DrupalError } from '@drupal-js-sdk/error';
import { DrupalRole } from 'drupal-js-sdk';

import { isDrupalError, menus, readWithBackoff } from './drupal.js';

export interface MenuLink {
  title: string;
  url: string;
  below?: MenuLink[];
}

export function loadMainMenu(): Promise<MenuLink[]> {
  return readWithBackoff(() => menus.getMenu('main') as Promise<MenuLink[]>);
}

/** The footer menu is edited by hand and sometimes saved half-finished. */
export async function loadFooterMenu(attempt = 1): Promise<MenuLink[]> {
  try {
    return (await menus.getMenu('footer')) as MenuLink[];
  } catch (err) {
    if (isDrupalError(err) && err.getErrorCode() === DrupalError.INVALID_JSON && attempt < 4) {
      return loadFooterMenu(attempt + 1); // bad: retries a permanent error (INVALID_JSON)
    }
    throw err;
  }
}

export function canEditMenus(roles: DrupalRole): boolean {
  try {
    return roles.hasRole('editor');
  } catch (err) {
    // hasRole() is a stub in 0.3.10 and always throws MISSING_IMPLEMENTATION_ERROR.
    if (isDrupalError(err) && err.getErrorCode() === DrupalError.MISSING_IMPLEMENTATION_ERROR) return false;
    throw err;
  }
}

export function assertMenuName(name: string): void {
  if (!/^[a-z0-9-]+$/.test(name)) {
    throw new DrupalError(42, `Menus named ${name} are not supported`); // bad: magic number (MISSING_IMPLEMENTATION_ERROR)
  }
}

/** Icons are fetched from the CDN, not from Drupal. */
export async function loadMenuIcons(): Promise<Map<string, string>> {
  const icons = new Map<string, string>();
  try {
    const cache = await caches.open('menu-icons');
    const cached = await cache.match('/icons.json');
    if (cached) for (const [key, svg] of Object.entries((await cached.json()) as Record<string, string>)) icons.set(key, svg);
  } catch (e: any) {
    if (e.code === 18) return icons; // fine: DOMException SECURITY_ERR in private mode, no Drupal call here
    throw e;
  }
  return icons;
}

/** Old links used numeric node ids ("/node/101"); code 101 here is a node id, not an error. */
export function isLegacyLink(link: MenuLink): boolean {
  return link.url.startsWith('/node/') && link.url.charCodeAt(6) >= 48 && link.url.charCodeAt(6) <= 57; // fine: digits
}
