/** Types for chromium-launch.mjs (the one place for Chromium's binary, flags and offline URL policy). */
export const DEFAULT_CHROMIUM: string;
export const CHROMIUM_ARGS: readonly string[];
export function chromiumPath(): string | undefined;
export function extensionArgs(dist: string, extra?: readonly string[]): string[];
export function isLocalUrl(url: string): boolean;
