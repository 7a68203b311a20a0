import { NextRequest } from "next/server";
import { withSafeCallbackUrl } from "@loadline/auth/redirect";
import { handlers } from "@/auth";

/**
 * Auth.js answers an unsafe callbackUrl (javascript:...) with a 500 page before any callback
 * runs, so the request is cleaned first; the redirect callback then keeps targets on this site.
 */
async function cleaned(request: NextRequest): Promise<NextRequest> {
  const clean = await withSafeCallbackUrl(request);
  return clean === request ? request : new NextRequest(clean);
}

export async function GET(request: NextRequest) {
  return handlers.GET(await cleaned(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await cleaned(request));
}
