export function chromiumPath(): string;
export const CHROMIUM_ARGS: string[];
export const E2E_BROWSERS: readonly ['chromium', 'firefox'];
export function firefoxCandidates(): string[];
export function firefoxPath(): string;
