/**
 * The runtime this server bundle was built for. Next sets NEXT_RUNTIME ("nodejs" or "edge") and
 * inlines it in each runtime's bundle, so it is known before any other module loads.
 */
export const isNodeRuntime = process.env.NEXT_RUNTIME === "nodejs";
