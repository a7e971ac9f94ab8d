/**
 * A person-readable name for the device behind a User-Agent ("Chrome on
 * macOS", "Vendra app on Android"), for the sessions list and the new-device
 * notice. A few patterns, checked in order (Edge and Opera also say Chrome,
 * Chrome also says Safari); anything unrecognised reads "Unknown device".
 */

const BROWSERS: readonly [RegExp, string][] = [
  [/\bVendraApp\//, 'Vendra app'],
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|HeadlessChrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bcurl\//, 'curl'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** Longest User-Agent looked at; longer ones are cut (they are stored cut too). */
export const USER_AGENT_MAX_LENGTH = 512;

const first = (table: readonly [RegExp, string][], ua: string) => table.find(([re]) => re.test(ua))?.[1];

/** The device name of a User-Agent, e.g. "Firefox on Windows"; "Unknown device" when nothing is recognised. */
export function deviceName(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').slice(0, USER_AGENT_MAX_LENGTH);
  const browser = first(BROWSERS, ua);
  const system = first(SYSTEMS, ua);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'Unknown device';
}
