/** Debian's Chromium path. */
export declare const CHROMIUM_PATH: string
/** Returns the Chromium path, installing the `chromium` package with apt-get first when it is missing. */
export declare function ensureChromium(log?: (line: string) => void): string
