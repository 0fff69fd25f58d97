import { launchChromium } from '../tests/e2e/support/browser.ts';
import { koreanFontWarning } from './cjk-fonts.ts';

// Screenshots of the running preview for a person to look at:
//   node tools/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [login:password] [lang]
const [url, out, size = '1440x900', login, lang] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node tools/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [login:password] [ko|en]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const fonts = koreanFontWarning();
if (fonts) console.error(`screenshot: ${fonts}`);
const browser = await launchChromium();
// Centers are in Korea: the desk shows times in the PC's zone, so the picture is taken in Korea's zone
// whatever this machine's is (a UTC machine would put a 09:00 KST appointment at midnight, off the grid).
const page = await browser.newPage({
  viewport: { width: width ?? 1440, height: height ?? 900 },
  timezoneId: 'Asia/Seoul',
});
// The bridge is chosen when the page loads (desk or kiosk), so the first load must be the target's kind.
await page.goto(login ? new URL(url).origin + '/' : url);
if (lang) await page.evaluate((l) => localStorage.setItem('caseworker.language', l), lang);
if (login) {
  const [id, password] = login.split(':');
  await page.reload();
  await page.getByLabel(/아이디|Login id/).fill(id ?? '');
  await page.getByLabel(/비밀번호|Password/).fill(password ?? '');
  await page.keyboard.press('Enter');
  await page.getByTestId('signed-in-as').waitFor();
}
if (login || lang) await page.goto(url);
if (lang && !login) await page.reload();
await page.waitForTimeout(1200);
await page.screenshot({ path: out });
await browser.close();
console.log(`screenshot: ${out}`);
