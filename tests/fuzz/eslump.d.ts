// eslump ships no types; this is the one function the fuzzer uses.
declare module 'eslump' {
  interface GenerateRandomJSOptions {
    sourceType?: 'module' | 'script';
    maxDepth?: number;
    comments?: boolean;
    whitespace?: boolean;
  }
  const eslump: { generateRandomJS(options?: GenerateRandomJSOptions): string };
  export = eslump;
}
