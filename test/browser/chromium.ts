/**
 * The system Chromium, driven by playwright-core: no browser download, and flags that keep every
 * request on 127.0.0.1 (no updates, sync, QUIC probes or other background traffic).
 */
import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Where Chromium is looked for: `CHROMIUM_PATH`, else Debian's package. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Switches that keep the browser headless, quiet and local. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium; throws how to install it when it is missing, so the test fails rather than skips. */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: the browser test needs one. Install Debian's package `
      + '(apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
