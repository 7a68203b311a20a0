export { createApiHandler, type ApiHandlerOptions } from "./handler";
export { isCrossSiteRequest } from "./cross-site";
export { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "./request-limits";
