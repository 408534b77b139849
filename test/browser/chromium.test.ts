/**
 * Without a Chromium the browser test fails and says how to get one; it never skips silently.
 */
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from './chromium';

describe('the system Chromium', () => {
  test('is CHROMIUM_PATH, else Debian\'s /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });

  test('missing, it is an error that says how to install it', async () => {
    await expect(launchChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(
      /No Chromium at \/nonexistent\/chromium.*apt-get install chromium.*CHROMIUM_PATH/s);
  });

  test('runs without background traffic (updates, sync, QUIC)', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']));
  });
});
