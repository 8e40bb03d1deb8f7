// drupal-js-sdk 0.3.10 ships typings that NodeNext ESM cannot reach (its `exports` map has no
// `types` condition, and they re-export @drupal-js-sdk/storage, which is not installed). This
// declares the part of the SDK the app uses; DrupalError itself comes from @drupal-js-sdk/error.
declare module 'drupal-js-sdk' {
  export interface DrupalConfig {
    baseURL: string;
    headers?: Record<string, string | number | boolean>;
  }

  export interface XhrResponse<T = any> {
    data: T;
    status: number;
    statusText: string;
  }

  export class Drupal {
    constructor(config: DrupalConfig);
    initialize(options: DrupalConfig): Drupal;
  }

  export interface DrupalAuthUser {
    uid: string;
    roles: string[];
    name: string;
  }

  export class DrupalAuth {
    constructor(drupal: Drupal);
    store: { csrfToken?: string; currentUser?: DrupalAuthUser };
    login(name: string, pass: string): Promise<XhrResponse>;
    loginStatus(): Promise<boolean>;
    logout(): Promise<XhrResponse>;
    forcedLogout(): Promise<boolean>;
    passwordResetByMail(mail: string): Promise<XhrResponse>;
    register(name: string, mail: string): Promise<XhrResponse>;
  }

  export class DrupalMenu {
    constructor(drupal: Drupal);
    getMenu(menuName: string): Promise<any>;
  }

  export class DrupalRole {
    hasRole(role: string): boolean;
  }
}
