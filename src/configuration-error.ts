import { PLUGIN_NAME } from './meta.js';

/**
 * An error in the user's configuration: settings, a catalog file, or a config used without what
 * it needs. Its message starts with the plugin's name and says what to change. ESLint prints an
 * error thrown by a rule as its `stack`; here the stack is the message alone (with what ESLint
 * appends to it, such as the file being linted), since a trace into the plugin would only bury
 * that one line.
 */
export class ConfigurationError extends Error {
  constructor(problem: string) {
    super(`${PLUGIN_NAME}: ${problem}`);
    Object.defineProperty(this, 'stack', { get: () => this.message, configurable: true, enumerable: false });
  }
}
