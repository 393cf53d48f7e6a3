export function findElectronBinary(): { path: string } | { missing: string };
export function electronVersion(): string;
