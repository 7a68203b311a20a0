// Renders the app icon (src/app/icon.svg) to the PNG and ICO files browsers and phones ask for,
// with the Chromium the e2e tests use. The outputs are committed; run again after changing the SVG:
//   node apps/web/scripts/icons.mjs
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, "../src/app");
const require = createRequire(join(here, "../../../e2e/package.json"));
const { chromium } = require("@playwright/test");

const svg = await readFile(join(app, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();

async function png(size, { padding = 0, background = "transparent" } = {}) {
  await page.setViewportSize({ width: size, height: size });
  const inner = size - 2 * padding;
  await page.setContent(
    `<html><body style="margin:0;background:${background}"><div style="padding:${padding}px">${svg.replace("<svg ", `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
  );
  return page.screenshot({ omitBackground: background === "transparent", clip: { x: 0, y: 0, width: size, height: size } });
}

/** An ICO file holding one PNG image (supported by every current browser). */
function ico(image, size) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt8(0, 8);
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}

await writeFile(join(app, "favicon.ico"), ico(await png(32), 32));
// iOS draws its own rounded corners on an opaque square.
await writeFile(join(app, "apple-icon.png"), await png(180, { padding: 0, background: "#0f5f5c" }));
await writeFile(join(here, "../public/icon-192.png"), await png(192));
await writeFile(join(here, "../public/icon-512.png"), await png(512));
// Android's adaptive icons crop to a circle: keep the mark inside the safe zone.
await writeFile(join(here, "../public/icon-maskable-512.png"), await png(512, { padding: 64, background: "#0f5f5c" }));
await browser.close();
console.log("icons written");
