import { ImageResponse } from "next/og";

export const runtime = "nodejs";

/** The sizes the web app manifest names (installable on Android and desktop Chrome). */
const sizes = new Set([192, 512]);

/** The app icon as a PNG, drawn from the same shapes as the logo. */
export function GET(_request: Request, { params }: { params: Promise<{ size: string }> }) {
  return params.then(({ size: raw }) => {
    const size = Number(raw.replace(/\.png$/, ""));
    if (!sizes.has(size)) return new Response("No such icon.", { status: 404 });
    return new ImageResponse(
      (
        <div style={{ width: "100%", height: "100%", display: "flex", background: "#0f5f5c" }}>
          <svg viewBox="0 0 32 32" width={size} height={size}>
            <path d="M7 22 L13 12 L18 18 L25 9" fill="none" stroke="#f7fbfb" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
      ),
      { width: size, height: size },
    );
  });
}
